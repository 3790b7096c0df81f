import DudaoCore
import Fluent
import Plot
import Vapor

/// The audit trail of the office's subtree, newest first, filterable by record.
enum AuditController {
    struct Query: Content {
        var entity: String?
        @RecordID var id: Int?
        @PageNumber var page: Int?
    }

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let query = try req.query.decode(Query.self)
        let paging = Paging(page: query.page, per: 50)
        var q = scope.auditAccess.readable(AuditEvent.query(on: req.db))
        if let e = query.entity, !e.isEmpty { q = q.filter(\.$entity == e) }
        if let id = query.id { q = q.filter(\.$entityID == id) }
        let total = try await q.copy().count()
        let events = try await q.sort(\.$id, .descending).range(paging.offset..<(paging.offset + paging.per)).all()
        return Layout.page(
            "操作记录", req.pageContext(), wide: true,
            .el("h1", [], [.text("操作记录")]),
            .el("p", [("class", "hint")], [.text("记录每一次新建、修改、停用、挂牌调整与导入：谁、何时、改了什么。")]),
            .auditTrail(events.map(AuditTrailEntry.init)),
            .pager(paging, total: total, link: { SiteURL.audit.with([("entity", query.entity ?? ""), ("page", String($0))]) })
        )
    }
}
