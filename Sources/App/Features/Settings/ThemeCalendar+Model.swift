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
        /// The checklist's indicator system id, as the form's select holds it ("" for none).
        var template = ""
    }

    let year: Int
    let source: Source
    let months: [Month]
    let errors: [FieldError]
    /// Whether the year has a saved calendar (the page says so when it shows a copy or the example instead).
    let hasSaved: Bool
    /// The district's indicator systems with a published version, which a month may name as its checklist.
    var templates: [NamedID] = []
}

extension ThemeCalendar {
    static func query(
        districtID: Int, year: Int, source: Source, on db: any Database
    ) async throws -> ThemeCalendar {
        let saved = try await ThemeMonth.calendar(districtID: districtID, year: year, on: db)
        let shown: [Int: MonthTheme]
        var templates: [Int: Int] = [:]
        switch source {
        case .saved:
            shown = saved
            templates = try await ThemeMonth.templates(districtID: districtID, year: year, on: db)
        case .copy:
            shown = try await ThemeMonth.calendar(districtID: districtID, year: year - 1, on: db)
            templates = try await ThemeMonth.templates(districtID: districtID, year: year - 1, on: db)
        case .example:
            shown = Dictionary(
                uniqueKeysWithValues: MonthlyTheme.example.map {
                    ($0.key, MonthTheme(month: $0.key, theme: $0.value, focus: ""))
                })
        }
        return ThemeCalendar(
            year: year, source: source,
            months: (1...12).map {
                Month(
                    month: $0, theme: shown[$0]?.theme ?? "", focus: shown[$0]?.focus ?? "",
                    template: templates[$0].map(String.init) ?? "")
            },
            errors: [], hasSaved: !saved.isEmpty, templates: try await checklists(districtID: districtID, on: db))
    }

    /// The form as sent back with its errors.
    static func refused(
        year: Int, themes: [Int: String], focus: [Int: String], templates chosen: [Int: String], errors: [FieldError],
        templates: [NamedID]
    ) -> ThemeCalendar {
        ThemeCalendar(
            year: year, source: .saved,
            months: (1...12).map {
                Month(month: $0, theme: themes[$0] ?? "", focus: focus[$0] ?? "", template: chosen[$0] ?? "")
            }, errors: errors, hasSaved: true, templates: templates)
    }

    /// The district's indicator systems for schools or kindergartens with a published version, by name.
    static func checklists(districtID: Int, on db: any Database) async throws -> [NamedID] {
        let templates = try await IndicatorTemplate.query(on: db).filter(\.$districtID == districtID)
            .filter(\.$kind ~~ [.school, .kindergarten]).sort(\.$name).limit(500).all()
        guard !templates.isEmpty else { return [] }
        let published = Set(
            try await IndicatorVersion.query(on: db).filter(\.$templateID ~~ templates.compactMap(\.id))
                .filter(\.$state == .published).all(\.$templateID))
        return templates.filter { published.contains($0.id!) }.map { NamedID(id: $0.id!, name: $0.name) }
    }
}
