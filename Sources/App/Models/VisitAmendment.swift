import DudaoCore
import Fluent
import Vapor

/// A correction to a submitted visit: who, when, why, what.
final class VisitAmendment: Model, @unchecked Sendable {
    static let schema = "visit_amendments"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "user_id") var userID: Int
    @Field(key: "user_name") var userName: String
    @Field(key: "reason") var reason: String
    @Field(key: "changes") var changes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $visitID, $userID, $userName, $reason, $changes, $createdAt] }

    init() {}

    var fieldChanges: [FieldChange] {
        JSONColumn.decode([FieldChange].self, changes) ?? []
    }
}
