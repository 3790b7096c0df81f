import DudaoCore
import Vapor

/// The audit trail of the office's subtree, newest first, filterable by record.
enum AuditController {
    static func list(req: Request) async throws -> Page {
        let filter = try req.query.decode(AuditLog.Filter.self)
        let scope = try await Scope.of(req)
        let model = try await AuditLog.query(filter, scope: scope, on: req.db)
        return AuditLogView(ctx: req.pageContext(), model: model).render()
    }
}
