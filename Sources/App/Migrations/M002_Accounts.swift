import Fluent
import SQLKit

/// 002: accounts, API tokens, the audit trail and district settings.
struct M002_Accounts: AsyncMigration {
    var name: String { "M002_Accounts" }

    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .field("id", .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("org_unit_id", .int, .required, .references("org_units", "id"))
            .field("org_path", .string, .required)
            .field("school_id", .int, .references("schools", "id"))
            .field("inspector_id", .int, .references("inspectors", "id"))
            .field("must_change_password", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("active", .bool, .required)
            .field("last_login_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await db.schema("api_tokens")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.schema("audit_events")
            .field("id", .int, .identifier(auto: true))
            .field("actor_id", .int)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .int, .required)
            .field("org_path", .string, .required)
            .field("summary", .string, .required)
            .field("changes", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("district_settings")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("office_name", .string, .required)
            .field("max_schools_per_inspector", .int, .required)
            .field("complaint_phone", .string, .required)
            .field("complaint_channel", .string, .required)
            .field("responsible_person", .string, .required)
            .field("responsible_phone", .string, .required)
            .field("supervision_items", .string, .required)
            .unique(on: "district_id")
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX idx_users_school ON users (school_id)",
            "CREATE INDEX idx_users_inspector ON users (inspector_id)",
            "CREATE INDEX idx_audit_entity ON audit_events (entity, entity_id, created_at)",
            "CREATE INDEX idx_audit_org_created ON audit_events (org_path, created_at)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for table in ["district_settings", "audit_events", "api_tokens", "users"] {
            try await db.schema(table).delete()
        }
    }
}
