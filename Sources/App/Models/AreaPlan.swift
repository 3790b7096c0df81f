import DudaoCore
import Fluent
import Vapor

/// 学期片区督导工作计划: one per inspector and semester, filed (备案) or returned by the office.
final class AreaPlan: Model, @unchecked Sendable {
    static let schema = "area_plans"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "semester") var semester: String
    @Field(key: "goals") var goals: String
    @Field(key: "focus") var focus: String
    @Field(key: "schedule") var schedule: String
    @Field(key: "status") var status: PlanStatus
    @Field(key: "office_comment") var officeComment: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $inspectorID, $orgPath, $semester, $goals, $focus, $schedule, $status, $officeComment, $submittedAt,
            $reviewedAt, $createdAt,
        ]
    }

    init() {}
}
