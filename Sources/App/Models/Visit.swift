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
    @Field(key: "inspector_id") var inspectorID: Int
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
    @Field(key: "status") var status: VisitStatus
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var day: Day? { Day(parsing: visitDate) }
    var isDraft: Bool { status == .draft }

    var checkRecord: VisitChecks {
        get { JSONColumn.decode(VisitChecks.self, checks) ?? VisitChecks() }
        set { checks = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    var snapshot: [String: String] {
        [
            "日期": visitDate, "开始时间": startTime, "结束时间": endTime, "督导类型": kind.label, "主题": theme,
            "督导情况": summary, "亮点": highlights, "状态": status.label,
        ]
    }
}

/// Team members of a visit other than the author (a team may visit together).
final class VisitMember: Model, @unchecked Sendable {
    static let schema = "visit_members"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "inspector_id") var inspectorID: Int
    init() {}
    init(visitID: Int, inspectorID: Int) {
        self.visitID = visitID
        self.inspectorID = inspectorID
    }
}

/// 听课 or 教研活动, with the classroom-teaching rubric scores.
final class ClassObservation: Model, @unchecked Sendable {
    static let schema = "class_observations"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "kind") var kind: ObservationKind
    @Field(key: "class_name") var className: String
    @Field(key: "subject") var subject: String
    @Field(key: "teacher") var teacher: String
    @Field(key: "topic") var topic: String
    /// JSON object: rubric dimension → score.
    @Field(key: "scores") var scores: String
    @Field(key: "comment") var comment: String
    init() {}

    var scoreMap: [String: Int] {
        JSONColumn.decode([String: Int].self, scores) ?? [:]
    }
}

/// 访谈: a group of teachers, students or parents talked to, with the count and notes.
final class Interview: Model, @unchecked Sendable {
    static let schema = "interviews"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "interview_group") var group: InterviewGroup
    @Field(key: "people") var people: Int
    @Field(key: "notes") var notes: String
    /// Internal notes are never shown to the school.
    @Field(key: "internal") var isInternal: Bool
    init() {}
}

/// 存在问题: its own record so rectification can follow it.
final class Problem: Model, @unchecked Sendable {
    static let schema = "problems"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    /// The visit that found it, or the complaint it came from.
    @OptionalField(key: "visit_id") var visitID: Int?
    @OptionalField(key: "complaint_id") var complaintID: Int?
    @Field(key: "school_id") var schoolID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "category") var category: String
    @Field(key: "severity") var severity: ProblemSeverity
    @Field(key: "disposition") var disposition: ProblemDisposition
    @Field(key: "description") var description: String
    @Field(key: "state") var state: ProblemState
    /// The rectification notice that covers this problem, once one is issued.
    @OptionalField(key: "notice_id") var noticeID: Int?
    @OptionalField(key: "deadline") var deadline: String?
    /// 协商: the bureau department the problem was referred to, and its reply.
    @Field(key: "referral_department") var referralDepartment: String
    @Field(key: "referral_reply") var referralReply: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// Photos and files of a visit, stored by content hash.
final class VisitPhoto: Model, @unchecked Sendable {
    static let schema = "visit_photos"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "hash") var hash: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "caption") var caption: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

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
    init() {}

    var fieldChanges: [FieldChange] {
        JSONColumn.decode([FieldChange].self, changes) ?? []
    }
}

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
    init() {}
}

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
    init() {}
}

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
    init() {}
}
