import Fluent
import Foundation

/// 临时督导授权: the office lets an inspector record visits to a school not assigned to them, until a date.
final class VisitGrant: Model, @unchecked Sendable {
    static let schema = "visit_grants"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "school_id") var schoolID: Int
    @Field(key: "until") var until: String
    @Field(key: "granted_by") var grantedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $inspectorID, $schoolID, $until, $grantedBy, $createdAt] }

    init() {}
}
