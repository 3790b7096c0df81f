import DudaoCore
import Fluent
import Vapor

/// 督导方案: written before a visit (tasks, methods, focus), opened on the phone at the school.
final class VisitPlan: Model, @unchecked Sendable {
    static let schema = "visit_plans"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "school_id") var schoolID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "planned_date") var plannedDate: String
    @Field(key: "tasks") var tasks: String
    @Field(key: "methods") var methods: String
    @Field(key: "focus") var focus: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $inspectorID, $schoolID, $orgPath, $plannedDate, $tasks, $methods, $focus, $createdAt]
    }

    init() {}
}
