import DudaoCore
import Fluent
import Vapor

/// Every step of a notice or complaint: who, when, what, why. Escalations are events too,
/// unique per target and step so the timer can run twice without doubling them.
final class CaseEvent: Model, @unchecked Sendable {
    static let schema = "case_events"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    /// "notice" or "complaint".
    @Field(key: "target") var target: String
    @Field(key: "target_id") var targetID: Int
    @Field(key: "action") var action: String
    @OptionalField(key: "actor_id") var actorID: Int?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "comment") var comment: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $target, $targetID, $action, $actorID, $actorName, $comment, $createdAt]
    }

    init() {}
}
