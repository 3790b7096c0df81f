import DudaoCore
import Fluent
import Vapor

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
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $districtID, $url, $payload, $attempts, $nextAttemptAt, $deliveredAt, $lastError, $leaseUntil,
            $abandonedAt, $createdAt,
        ]
    }

    init() {}
}
