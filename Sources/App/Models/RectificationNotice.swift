import DudaoCore
import Fluent
import Vapor

/// 整改通知书: numbered per district and year, for one school, covering one or more problems.
final class RectificationNotice: Model, @unchecked Sendable {
    static let schema = "rectification_notices"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "school_id") var schoolID: Int
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "year") var year: Int
    @Field(key: "sequence") var sequence: Int
    @Field(key: "number") var number: String
    @Field(key: "requirements") var requirements: String
    @Field(key: "deadline") var deadline: String
    @Field(key: "state") var state: NoticeState
    @Field(key: "needs_visit") var needsVisit: Bool
    /// The highest escalation step taken so far (提醒/约谈/通报), if any.
    @OptionalField(key: "escalation") var escalation: EscalationStep?
    @OptionalField(key: "issued_at") var issuedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $districtID, $orgPath, $schoolID, $inspectorID, $year, $sequence, $number, $requirements, $deadline,
            $state, $needsVisit, $escalation, $issuedAt, $closedAt, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var deadlineDay: Day? { Day(parsing: deadline) }
}
