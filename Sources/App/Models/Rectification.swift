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

    init() {}

    var deadlineDay: Day? { Day(parsing: deadline) }
}

final class NoticeProblem: Model, @unchecked Sendable {
    static let schema = "notice_problems"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "notice_id") var noticeID: Int
    @Field(key: "problem_id") var problemID: Int
    init() {}
    init(noticeID: Int, problemID: Int) {
        self.noticeID = noticeID
        self.problemID = problemID
    }
}

/// 整改报告: the school's report with evidence files, and the inspector's 复查 outcome.
final class RectificationReport: Model, @unchecked Sendable {
    static let schema = "rectification_reports"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "notice_id") var noticeID: Int
    @Field(key: "body") var body: String
    /// JSON array of `StoredFile`.
    @Field(key: "files") var files: String
    @Field(key: "submitted_by") var submittedBy: Int
    @Field(key: "outcome") var outcome: String
    @Field(key: "review_comment") var reviewComment: String
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var storedFiles: [StoredFile] {
        JSONColumn.decode([StoredFile].self, files) ?? []
    }
}

struct StoredFile: Codable, Sendable {
    let hash: String
    let name: String
    let type: String
    let size: Int
}

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
    init() {}
}
