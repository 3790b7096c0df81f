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
}
