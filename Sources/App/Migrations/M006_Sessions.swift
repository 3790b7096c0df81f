import Fluent
import SQLKit

/// 006: sessions of our own (created at login only, hashed ids, idle expiry, ended on password change),
/// failed-login counters per account, address and pair, the last API use of a token, the address of
/// the last login. Replaces Vapor's `_fluent_sessions` and the per-user lock columns.
struct M006_Sessions: AsyncMigration {
    var name: String { "M006_Sessions" }

    func prepare(on db: any Database) async throws {
        try await db.schema("user_sessions")
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .int, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("address", .string, .required)
            .field("flash", .string)
            .create()
        try await db.schema("login_throttles")
            .field("id", .string, .identifier(auto: false))
            .field("username", .string)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime)
            .field("blocked_until", .datetime)
            .create()
        try await db.schema("api_tokens").field("last_used_at", .datetime).update()
        try await db.schema("users").field("last_login_address", .string).update()
        // The lock now lives in login_throttles; the session table of Vapor's driver is no longer used.
        try await db.schema("users").deleteField("failed_logins").update()
        try await db.schema("users").deleteField("locked_until").update()
        try await db.schema("_fluent_sessions").delete()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX idx_user_sessions_user ON user_sessions (user_id)",
            "CREATE INDEX idx_login_throttles_username ON login_throttles (username)",
            "CREATE INDEX idx_api_tokens_user ON api_tokens (user_id)",
            // SQLite takes the write lock at a transaction's first statement when it writes this row
            // (see `Database.writeTransaction`), so concurrent writers wait instead of failing.
            "CREATE TABLE write_gate (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
            "INSERT INTO write_gate (id, n) VALUES (1, 0)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        try await SessionRecord.migration.prepare(on: db)
        try await db.schema("users").field("failed_logins", .int, .required, .sql(.default(0))).update()
        try await db.schema("users").field("locked_until", .datetime).update()
        try await db.schema("users").deleteField("last_login_address").update()
        try await db.schema("api_tokens").deleteField("last_used_at").update()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX idx_api_tokens_user").run()
            try await sql.raw("DROP TABLE write_gate").run()
        }
        try await db.schema("login_throttles").delete()
        try await db.schema("user_sessions").delete()
    }
}
