import DudaoCore
import Fluent
import Vapor

/// 工作总结 and 督导案例, submitted to the office; cases can be selected for the district competition.
final class WorkReport: Model, @unchecked Sendable {
    static let schema = "work_reports"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "semester") var semester: String
    @Field(key: "kind") var kind: ReportKind
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "selected") var selected: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// For the API's incremental sync (a case is recommended after it is written).
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $inspectorID, $orgPath, $semester, $kind, $title, $body, $selected, $createdAt, $updatedAt]
    }

    init() {}
}
