import DudaoCore
import Fluent
import Foundation

/// One line of an 操作记录 (a record's, or the subtree's on the audit page): when, who, what, and each field's change.
/// Plain values.
struct AuditTrailEntry: Sendable, Equatable {
    let time: Date?
    let actor: String
    /// The kind of record and the action as the office says them (学校 · 新建, 整改通知书 · 提交审批 …).
    let action: String
    let summary: String
    let changes: [FieldChange]
}

extension AuditTrailEntry {
    init(_ e: AuditEvent) {
        self.init(
            time: e.createdAt, actor: AuditWords.actor(e.actorName),
            action: AuditWords.entity(e.entity) + " · " + AuditWords.action(e.action, entity: e.entity),
            summary: e.summary,
            changes: e.fieldChanges)
    }

    /// The latest events of one record, or nil when the account does not read audit trails.
    static func of(entity: String, id: Int, scope: Scope, on db: any Database) async throws -> [AuditTrailEntry]? {
        guard scope.auditAccess.mayRead else { return nil }
        return try await Audit.events(entity: entity, id: id, on: db).map(AuditTrailEntry.init)
    }
}
