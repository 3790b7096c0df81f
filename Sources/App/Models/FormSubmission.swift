import Fluent
import Foundation

/// A change made for a form sent with a one-time key (`X-Once`), and where its answer sent the browser.
final class FormSubmission: Model, @unchecked Sendable {
    static let schema = "form_submissions"
    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: Int
    @Field(key: "location") var location: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userID, $location, $createdAt] }

    init() {}

    init(key: String, userID: Int, location: String) {
        self.id = key
        self.userID = userID
        self.location = location
    }

    /// How long a key is remembered: longer than any phone stays offline with a visit half-sent.
    static let kept: TimeInterval = 7 * 24 * 3600
}
