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
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var storedFiles: [StoredFile] {
        JSONColumn.decode([StoredFile].self, files) ?? []
    }
}

/// In-app notifications (the bell).
final class AppNotification: Model, @unchecked Sendable {
    static let schema = "notifications"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "title") var title: String
    @Field(key: "link") var link: String
    @Field(key: "read") var read: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// An outgoing webhook call waiting to be delivered, retried with back-off by the timer.
final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "url") var url: String
    @Field(key: "payload") var payload: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @Field(key: "last_error") var lastError: String
    /// Set while an instance is attempting the delivery (see `WebhookJob.claim`).
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    /// Set when the delivery is given up without sending (its address is not a public one).
    @OptionalField(key: "abandoned_at") var abandonedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}
