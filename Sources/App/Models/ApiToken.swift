import DudaoCore
import Fluent
import Vapor

/// A bearer token of the JSON API; only its SHA-256 is stored.
final class ApiToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    init() {}
}
