import DudaoCore
import Vapor

/// 全覆盖 check: open schools without a current responsible inspector, and inspectors over the limit.
enum CoverageController {
    static func page(req: Request) async throws -> Page {
        // The school list's filter: only its page and page size are read.
        let filter = try req.query.decode(SchoolList.Filter.self)
        let scope = try await Scope.of(req)
        let model = try await Coverage.query(
            paging: Paging(page: filter.page, per: filter.per), scope: scope, on: req.db)
        return CoverageView(ctx: req.pageContext(), model: model).render()
    }

    /// The schools still without a responsible inspector, in the page's order, streamed.
    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let db = req.db
        return Download.stream(
            name: "未挂牌责任督学的学校", format: ExportFormat(request: req), headers: ["学校代码", "学校", "类型", "镇街"]
        ) { page in
            let number = page ?? 1
            let rows = try await Coverage.uncovered(
                scope: scope, paging: Paging(page: number, per: Paging.maxPer), on: db)
            return ExportPage(
                rows: rows.map { [$0.code, $0.name, SchoolType(rawValue: $0.type)?.label ?? $0.type, $0.township] },
                page: number, per: Paging.maxPer)
        }
    }
}
