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
        let events = try await filtered(filter, scope: scope, on: db).sort(\.$id, .descending)
            .paginate(Paging(page: filter.page, per: perPage))
        return AuditLog(filter: filter, page: events.map(AuditTrailEntry.init))
    }

    /// The events of the filter the account may read, unsorted: the page and its export read the same.
    static func filtered(_ filter: Filter, scope: Scope, on db: any Database) -> QueryBuilder<AuditEvent> {
        var q = scope.auditAccess.readable(AuditEvent.query(on: db))
        if let e = filter.entity, !e.isEmpty { q = q.filter(\.$entity == e) }
        if let id = filter.id { q = q.filter(\.$entityID == id) }
        return q
    }
}
