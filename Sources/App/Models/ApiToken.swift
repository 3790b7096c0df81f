import DudaoCore
import Fluent
import SQLKit
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
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userID, $tokenHash, $expiresAt, $createdAt, $lastUsedAt] }

    init() {}
}

/// A token with its account, read in one statement: every API request begins with it.
struct ApiTokenWithAccount: Decodable, Sendable {
    struct Token: Decodable, Sendable {
        let id: Int
        let expiresAt: Date
        let lastUsedAt: Date?
    }
    let token: Token
    let account: AccountColumns

    init(from decoder: any Decoder) throws {
        token = try Token(from: decoder)
        account = try AccountColumns(from: decoder)
    }

    static func find(hash: String, on db: any Database) async throws -> ApiTokenWithAccount? {
        try await db.sql().raw(
            """
            SELECT t.id, t.expires_at, t.last_used_at, \(unsafeRaw: AccountColumns.select)
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: hash)
            """
        ).first(decoding: ApiTokenWithAccount.self, keyDecodingStrategy: .snakeCaseColumns)
    }

    static func touch(_ id: Int, now: Date, on db: any Database) async throws {
        try await db.sql().update(ApiToken.schema).set("last_used_at", to: now).where("id", .equal, id).run()
    }
}
