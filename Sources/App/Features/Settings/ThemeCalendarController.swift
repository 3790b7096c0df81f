import DudaoCore
import Fluent
import Vapor

/// 一月一主题（行事历）: the office keeps its district's calendar, year by year.
enum ThemeCalendarController {
    static func form(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let year = try req.query.bounded("year", InputBounds.Year.self) ?? req.today.year
        let source = ThemeCalendar.Source(rawValue: req.query[String.self, at: "from"] ?? "") ?? .saved
        let model = try await ThemeCalendar.query(districtID: district.id!, year: year, source: source, on: req.db)
        return ThemeCalendarView(ctx: req.pageContext(), model: model).render()
    }

    static func save(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        guard let year = try req.content.decode(YearForm.self).year else {
            throw Abort(.badRequest, reason: "请选择年份")
        }
        var themes: [Int: String] = [:]
        var focus: [Int: String] = [:]
        var chosen: [Int: String] = [:]
        for month in 1...12 {
            themes[month] = try? req.content.get(String.self, at: "theme\(month)")
            focus[month] = try? req.content.get(String.self, at: "focus\(month)")
            chosen[month] = (try? req.content.get(String.self, at: "template\(month)")).map { String($0.prefix(20)) }
        }
        let checklists = try await ThemeCalendar.checklists(districtID: district.id!, on: req.db)
        let checked = ThemeCalendarInput.check(themes: themes, focus: focus)
        let templates = ThemeCalendarInput.checkTemplates(
            themes: themes, chosen: chosen, allowed: Set(checklists.map(\.id)))
        switch (checked, templates) {
        case (.success(let months), .success(let templates)):
            try await req.db.writeTransaction { db in
                try await ThemeMonth.replace(
                    districtID: district.id!, year: year, with: months, templates: templates, on: db)
                try await Audit.record(
                    on: db, actor: scope.principal, action: "update", entity: "themes", id: year,
                    orgPath: district.path, summary: "保存\(year)年一月一主题（\(months.count)个月）")
            }
            req.flash("已保存\(year)年行事历")
            return req.redirect(to: SiteURL.themes.with([("year", String(year))]))
        default:
            let errors = checked.errors + templates.errors
            let model = ThemeCalendar.refused(
                year: year, themes: themes, focus: focus, templates: chosen, errors: errors, templates: checklists)
            return try await ThemeCalendarView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
    }

    struct YearForm: Content {
        @Bounded<InputBounds.Year> var year: Int?
    }
}
