import Fluent
import Foundation

/// Failed-login counters, one row per account, per address and per account + address pair.
final class LoginThrottleRow: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @OptionalField(key: "username") var username: String?
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "last_failure_at") var lastFailureAt: Date?
    @OptionalField(key: "blocked_until") var blockedUntil: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $username, $failures, $lastFailureAt, $blockedUntil] }

    init() {}
}
