import DudaoCore
import Fluent
import Vapor

/// 存在问题: its own record so rectification can follow it.
final class Problem: Model, @unchecked Sendable {
    static let schema = "problems"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    /// The visit that found it, or the complaint it came from.
    @OptionalField(key: "visit_id") var visitID: Int?
    @OptionalField(key: "complaint_id") var complaintID: Int?
    /// The campaign target whose 督导意见书 named it.
    @OptionalField(key: "campaign_target_id") var campaignTargetID: Int?
    @Field(key: "school_id") var schoolID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "category") var category: String
    @Field(key: "severity") var severity: ProblemSeverity
    @Field(key: "disposition") var disposition: ProblemDisposition
    @Field(key: "description") var description: String
    @Field(key: "state") var state: ProblemState
    /// Found in a record still in draft: seen by its author and the office only, outside the register and every
    /// count, until the record is submitted (`VisitRecords.submit` clears it).
    @Field(key: "draft") var draft: Bool
    /// The rectification notice that covers this problem, once one is issued.
    @OptionalField(key: "notice_id") var noticeID: Int?
    @OptionalField(key: "deadline") var deadline: String?
    /// 协商: the bureau department the problem was referred to, and its reply.
    @Field(key: "referral_department") var referralDepartment: String
    @Field(key: "referral_reply") var referralReply: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// For the API's incremental sync.
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $visitID, $complaintID, $campaignTargetID, $schoolID, $orgPath, $inspectorID, $category, $severity,
            $disposition, $description, $state, $draft, $noticeID, $deadline, $referralDepartment, $referralReply,
            $createdAt, $updatedAt,
        ]
    }

    init() {}
}
