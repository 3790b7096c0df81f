import DudaoCore
import Fluent
import Vapor

/// One change to a record: who, when, what, with the fields before and after.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "actor_id") var actorID: Int?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "summary") var summary: String
    /// JSON array of `FieldChange`.
    @Field(key: "changes") var changes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $actorID, $actorName, $action, $entity, $entityID, $orgPath, $summary, $changes, $createdAt]
    }

    init() {}

    var fieldChanges: [FieldChange] {
        JSONColumn.decode([FieldChange].self, changes) ?? []
    }
}
