import Fluent
import Foundation

/// A signed-in browser session. Only the SHA-256 of the cookie's token is stored, so the table
/// cannot be used to take over a session. Created at login only; ends on logout, idle time, a
/// password change or reset, or deactivation of the account.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: Int
    @Field(key: "csrf") var csrf: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "address") var address: String
    /// The one-time message for the next page ("已保存"), kept on the server.
    @OptionalField(key: "flash") var flash: String?

    init() {}

    init(id: String, userID: Int, csrf: String, now: Date, address: String) {
        self.id = id
        self.userID = userID
        self.csrf = csrf
        self.createdAt = now
        self.lastSeenAt = now
        self.address = address
    }
}
