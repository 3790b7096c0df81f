import DudaoCore
import Fluent
import Foundation

/// 一月一主题（行事历）: the district's twelve months of one year as the form shows them — saved, copied from the
/// previous year, or loaded from the example — with each field's error.
struct ThemeCalendar: Sendable {
    enum Source: String, Sendable {
        case saved, copy, example
    }

    struct Month: Sendable, Equatable {
        let month: Int
        let theme: String
        let focus: String
    }

    let year: Int
    let source: Source
    let months: [Month]
    let errors: [FieldError]
    /// Whether the year has a saved calendar (the page says so when it shows a copy or the example instead).
    let hasSaved: Bool
}

extension ThemeCalendar {
    static func query(
        districtID: Int, year: Int, source: Source, on db: any Database
    ) async throws -> ThemeCalendar {
        let saved = try await ThemeMonth.calendar(districtID: districtID, year: year, on: db)
        let shown: [Int: MonthTheme]
        switch source {
        case .saved: shown = saved
        case .copy: shown = try await ThemeMonth.calendar(districtID: districtID, year: year - 1, on: db)
        case .example:
            shown = Dictionary(
                uniqueKeysWithValues: MonthlyTheme.example.map {
                    ($0.key, MonthTheme(month: $0.key, theme: $0.value, focus: ""))
                })
        }
        return ThemeCalendar(
            year: year, source: source,
            months: (1...12).map { Month(month: $0, theme: shown[$0]?.theme ?? "", focus: shown[$0]?.focus ?? "") },
            errors: [], hasSaved: !saved.isEmpty)
    }

    /// The form as sent back with its errors.
    static func refused(year: Int, themes: [Int: String], focus: [Int: String], errors: [FieldError]) -> ThemeCalendar {
        ThemeCalendar(
            year: year, source: .saved,
            months: (1...12).map { Month(month: $0, theme: themes[$0] ?? "", focus: focus[$0] ?? "") }, errors: errors,
            hasSaved: true)
    }
}
