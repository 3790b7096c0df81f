import DudaoCore
import Fluent
import Foundation
import SQLKit

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

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userID, $csrf, $createdAt, $lastSeenAt, $address, $flash] }

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

/// The request's signed-in session as plain values: what the pages need of it after it is loaded.
struct SignedIn: Sendable {
    let id: String
    let userID: Int
    let csrf: String
    var flash: String?
}

/// A session with its account and unread-message count, read in one statement: every page request begins with
/// it, and three model queries (session, user, count) cost more in Fluent's reflection than in the database.
struct SessionWithAccount: Decodable, Sendable {
    struct Session: Decodable, Sendable {
        let id: String
        let csrf: String
        let createdAt: Date
        let lastSeenAt: Date
        let flash: String?
        let unread: Int
    }
    let session: Session
    let account: AccountColumns

    init(from decoder: any Decoder) throws {
        session = try Session(from: decoder)
        account = try AccountColumns(from: decoder)
    }

    var signedIn: SignedIn {
        SignedIn(id: session.id, userID: account.userId, csrf: session.csrf, flash: session.flash)
    }

    static func find(_ id: String, on db: any Database) async throws -> SessionWithAccount? {
        try await db.sql().raw(
            """
            SELECT s.id, s.csrf, s.created_at, s.last_seen_at, s.flash, \(unsafeRaw: AccountColumns.select),
              (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read = \(bind: false)) AS unread
            FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = \(bind: id)
            """
        ).first(decoding: SessionWithAccount.self, keyDecodingStrategy: .snakeCaseColumns)
    }

    static func touch(_ id: String, now: Date, on db: any Database) async throws {
        try await db.sql().update(UserSession.schema).set("last_seen_at", to: now).where("id", .equal, id).run()
    }

    static func setFlash(_ id: String, _ flash: String?, on db: any Database) async throws {
        try await db.sql().update(UserSession.schema).set("flash", to: flash).where("id", .equal, id).run()
    }

    static func delete(_ id: String, on db: any Database) async throws {
        try await db.sql().delete(from: UserSession.schema).where("id", .equal, id).run()
    }
}
