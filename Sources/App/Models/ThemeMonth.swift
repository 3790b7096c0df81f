import DudaoCore
import Fluent
import Foundation

/// One month of a district's 一月一主题 calendar.
final class ThemeMonth: Model, @unchecked Sendable {
    static let schema = "theme_months"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "year") var year: Int
    @Field(key: "month") var month: Int
    @Field(key: "theme") var theme: String
    @Field(key: "focus") var focus: String
    /// The indicator system whose items routine visits of the month offer as a checklist (主题检查表).
    @OptionalField(key: "template_id") var templateID: Int?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $districtID, $year, $month, $theme, $focus, $templateID] }

    init() {}

    init(districtID: Int, year: Int, _ m: MonthTheme, templateID: Int? = nil) {
        self.districtID = districtID
        self.year = year
        self.month = m.month
        self.theme = m.theme
        self.focus = m.focus
        self.templateID = templateID
    }

    var value: MonthTheme { MonthTheme(month: month, theme: theme, focus: focus) }

    /// The district's calendar of `year`, by month.
    static func calendar(districtID: Int, year: Int, on db: any Database) async throws -> [Int: MonthTheme] {
        let rows = try await ThemeMonth.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year).all()
        return Dictionary(rows.map { ($0.month, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// The theme of the month of `day` in the district's calendar, if the office has set one.
    static func theme(districtID: Int, on day: Day, db: any Database) async throws -> String? {
        try await month(districtID: districtID, of: day, on: db)?.theme
    }

    /// The month of `day` in the district's calendar, if the office has set one.
    static func month(districtID: Int, of day: Day, on db: any Database) async throws -> ThemeMonth? {
        try await ThemeMonth.query(on: db).filter(\.$districtID == districtID).filter(\.$year == day.year)
            .filter(\.$month == day.month).first()
    }

    /// The checklist templates of the district's calendar of `year`, by month.
    static func templates(districtID: Int, year: Int, on db: any Database) async throws -> [Int: Int] {
        let rows = try await ThemeMonth.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year).all()
        return Dictionary(rows.compactMap { r in r.templateID.map { (r.month, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Replaces the district's calendar of `year` with `months`, each with its checklist template if it names one.
    static func replace(
        districtID: Int, year: Int, with months: [MonthTheme], templates: [Int: Int] = [:], on db: any Database
    ) async throws {
        try await ThemeMonth.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year).delete()
        for m in months {
            try await ThemeMonth(districtID: districtID, year: year, m, templateID: templates[m.month]).create(on: db)
        }
    }
}
