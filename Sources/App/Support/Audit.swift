import DudaoCore
import Fluent
import Vapor

/// Writes the audit trail. Called inside the same transaction as the change it records.
enum Audit {
    static func record(
        on db: any Database, actor: Principal?, action: String, entity: String, id: Int, orgPath: String,
        summary: String, before: [String: String] = [:], after: [String: String] = [:]
    ) async throws {
        let e = AuditEvent()
        e.actorID = actor?.userID
        // The name as the header shows it; `actorID` keeps which account it was.
        e.actorName = actor.map(Layout.whoIs) ?? "系统"
        e.action = action
        e.entity = entity
        e.entityID = id
        e.orgPath = orgPath
        e.summary = summary
        let changes = AuditDiff.changes(before: before, after: after)
        e.changes = try JSONColumn.encode(changes)
        try await e.save(on: db)
    }

    static func events(entity: String, id: Int, on db: any Database, limit: Int = 50) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: db)
            .filter(\.$entity == entity).filter(\.$entityID == id)
            .sort(\.$id, .descending).limit(limit).all()
    }

}
