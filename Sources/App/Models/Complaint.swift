import DudaoCore
import Fluent
import Vapor

/// 举报投诉: from the public page or logged by the office from a phone call. The complainant's
/// identity is shown to office users only.
final class Complaint: Model, @unchecked Sendable {
    static let schema = "complaints"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    /// The school's org path, or the district's when the complaint is about the district.
    @Field(key: "org_path") var orgPath: String
    @OptionalField(key: "school_id") var schoolID: Int?
    @Field(key: "tracking_code") var trackingCode: String
    /// The public form's one-time token (unique): the same form sent twice files one complaint.
    @OptionalField(key: "submission_token") var submissionToken: String?
    @Field(key: "channel") var channel: String
    @Field(key: "category") var category: String
    @Field(key: "content") var content: String
    @Field(key: "complainant_name") var complainantName: String
    @Field(key: "complainant_phone") var complainantPhone: String
    @Field(key: "anonymous") var anonymous: Bool
    /// JSON array of `StoredFile`.
    @Field(key: "files") var files: String
    @Field(key: "state") var state: ComplaintState
    @OptionalField(key: "inspector_id") var inspectorID: Int?
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "stage_started") var stageStarted: String
    @OptionalField(key: "deadline") var deadline: String?
    @Field(key: "reply") var reply: String
    @OptionalField(key: "replied_on") var repliedOn: String?
    @OptionalField(key: "escalation") var escalation: EscalationStep?
    @OptionalField(key: "recorded_by") var recordedBy: Int?
    @Field(key: "source_ip") var sourceIP: String
    /// When it came in, from the application's clock (the hourly limit per address counts by it).
    @OptionalField(key: "created_at") var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $districtID, $orgPath, $schoolID, $trackingCode, $submissionToken, $channel, $category, $content,
            $complainantName, $complainantPhone, $anonymous, $files, $state, $inspectorID, $receivedOn, $stageStarted,
            $deadline, $reply, $repliedOn, $escalation, $recordedBy, $sourceIP, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var storedFiles: [StoredFile] {
        JSONColumn.decode([StoredFile].self, files) ?? []
    }
}
