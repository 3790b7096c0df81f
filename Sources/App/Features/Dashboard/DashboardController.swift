import DudaoCore
import Spreadsheet
import Vapor

/// 数据看板 for the office, leaders and admin of a district.
enum DashboardController {
    static func page(req: Request) async throws -> Page {
        DashboardView(ctx: req.pageContext(), content: try await figures(req).drawn).render()
    }

    /// The figures of the page with its filter, as a table.
    static func export(req: Request) async throws -> Response {
        let model = try await model(req)
        return try Download.table(
            SpreadsheetTable(rows: model.table), name: "数据看板-\(model.today.description)",
            format: ExportFormat(request: req), sheet: "数据看板")
    }

    static func model(_ req: Request) async throws -> Dashboard {
        let figures = try await figures(req)
        var model = figures.value
        model.countedAt = figures.countedAt
        return model
    }

    /// The figures of the page with its filter, kept for a minute with the page's content drawn from them.
    static func figures(_ req: Request) async throws -> FiguresCache<FiguresCaches.DashboardKey, Dashboard>.Entry {
        let scope = try await Scope.of(req)
        // A city-level account sees every district below it; the settings are those of its first district.
        let node = try await scope.node(on: req.db)
        let root = node.level == .city ? node : try await scope.district(on: req.db)
        var input = Dashboard.Input(township: try req.query.bounded("township", InputBounds.ID.self))
        if let type = try req.query.boundedText("type", max: 20) {
            guard let t = SchoolType(rawValue: type) else { throw BadInput(message: "学校类型不正确") }
            input.type = t
        }
        let key = FiguresCaches.DashboardKey(
            root: root.id!, township: input.township, type: input.type?.rawValue, today: req.today.description)
        let (today, db, filter) = (req.today, req.db, input)
        return try await req.application.figuresCaches.dashboard.value(
            for: key, now: req.now,
            count: {
                let settings = try await DistrictSettings.forDistrict(try await scope.district(on: db).id!, on: db)
                return try await Dashboard.load(
                    root: root, input: filter, today: today, terms: settings.terms, categories: settings.categories,
                    on: db)
            }, draw: DashboardContent.drawn)
    }
}
