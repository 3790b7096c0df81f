import DudaoCore
import Fluent
import Vapor

/// The audit trail of the office's subtree, newest first, filterable by record.
enum AuditController {
    static func list(req: Request) async throws -> Page {
        let filter = try req.query.decode(AuditLog.Filter.self)
        let scope = try await Scope.of(req)
        let model = try await AuditLog.query(filter, scope: scope, on: req.db)
        return AuditLogView(ctx: req.pageContext(), model: model).render()
    }

    /// The whole trail of the filter, newest first, streamed (a province's trail is long).
    static func export(req: Request) async throws -> Response {
        let filter = try req.query.decode(AuditLog.Filter.self)
        let scope = try await Scope.of(req)
        let db = req.db
        return Download.stream(
            name: "操作记录", format: ExportFormat(request: req), headers: ["时间", "操作人", "操作", "内容", "改动"]
        ) { before in
            var query = AuditLog.filtered(filter, scope: scope, on: db)
            if let before { query = query.filter(\.$id < before) }
            let events = try await query.sort(\.$id, .descending).limit(Download.pageSize).all()
            let rows = events.map(AuditTrailEntry.init).map { e in
                [
                    Format.date(e.time), e.actor, e.action, e.summary,
                    e.changes.map { "\($0.field)：\($0.before ?? "（空）") → \($0.after ?? "（空）")" }.joined(
                        separator: "\n"),
                ]
            }
            return ExportPage(rows: rows, lastKey: events.last?.id, limit: Download.pageSize)
        }
    }
}
