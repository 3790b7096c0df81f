import DudaoCore
import Fluent
import Vapor

/// 督导记录: one visit to one school, drafted on a phone as the inspector goes, then submitted and locked.
final class Visit: Model, @unchecked Sendable {
    static let schema = "visits"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "school_id") var schoolID: Int
    /// The school's org path, copied so office scope is one prefix filter.
    @Field(key: "org_path") var orgPath: String
    /// The lead inspector; nil for a visit the office recorded (`recordedBy`), which may have team members.
    @OptionalField(key: "inspector_id") var inspectorID: Int?
    /// The office account that recorded the visit (nil for an inspector's own).
    @OptionalField(key: "recorded_by") var recordedBy: Int?
    @Field(key: "visit_date") var visitDate: String
    @Field(key: "start_time") var startTime: String
    @Field(key: "end_time") var endTime: String
    @Field(key: "kind") var kind: VisitKind
    @Field(key: "theme") var theme: String
    @OptionalField(key: "visit_plan_id") var visitPlanID: Int?
    @Field(key: "summary") var summary: String
    @Field(key: "highlights") var highlights: String
    /// JSON: the documents checked (查阅资料) and the 五项管理/双减 findings.
    @Field(key: "checks") var checks: String
    /// JSON: the month's 主题检查表 as filled in (`ChecklistRecord`), nil when none was.
    @OptionalField(key: "checklist") var checklist: String?
    @Field(key: "status") var status: VisitStatus
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $schoolID, $orgPath, $inspectorID, $recordedBy, $visitDate, $startTime, $endTime, $kind, $theme,
            $visitPlanID, $summary, $highlights, $checks, $checklist, $status, $submittedAt, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var day: Day? { Day(parsing: visitDate) }
    var isDraft: Bool { status == .draft }

    var checkRecord: VisitChecks {
        get { JSONColumn.decode(VisitChecks.self, checks) ?? VisitChecks() }
        set { checks = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    var checklistRecord: ChecklistRecord? {
        get { checklist.flatMap { JSONColumn.decode(ChecklistRecord.self, $0) } }
        set { checklist = newValue.flatMap { try? JSONColumn.encode($0) } }
    }

    var snapshot: [String: String] {
        [
            "日期": visitDate, "开始时间": startTime, "结束时间": endTime, "督导类型": kind.label, "主题": theme,
            "督导情况": summary, "亮点": highlights, "状态": status.label,
        ]
    }
}
