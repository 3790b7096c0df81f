import DudaoCore
import Fluent
import Foundation

/// 操作记录: one page of the audit trail of the account's subtree, newest first, filterable by record. Plain values.
struct AuditLog: Sendable {
    struct Filter: Codable, Sendable, Equatable {
        var entity: String?
        @RecordID var id: Int? = nil
        @PageNumber var page: Int? = nil
    }

    let filter: Filter
    let page: PageOf<AuditTrailEntry>

    static let perPage = 50
}

extension AuditLog {
    static func query(_ filter: Filter, scope: Scope, on db: any Database) async throws -> AuditLog {
        var q = scope.auditAccess.readable(AuditEvent.query(on: db))
        if let e = filter.entity, !e.isEmpty { q = q.filter(\.$entity == e) }
        if let id = filter.id { q = q.filter(\.$entityID == id) }
        let events = try await q.sort(\.$id, .descending).paginate(Paging(page: filter.page, per: perPage))
        return AuditLog(filter: filter, page: events.map(AuditTrailEntry.init))
    }
}
