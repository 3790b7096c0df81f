import Fluent
import SQLKit

/// 005: complaints, notifications and webhook deliveries; the district's holiday calendar,
/// complaint time limits and webhook address.
struct M005_Complaints: AsyncMigration {
    var name: String { "M005_Complaints" }

    func prepare(on db: any Database) async throws {
        try await db.schema("complaints")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("org_path", .string, .required)
            .field("school_id", .int, .references("schools", "id"))
            .field("tracking_code", .string, .required)
            .field("channel", .string, .required)
            .field("category", .string, .required)
            .field("content", .string, .required)
            .field("complainant_name", .string, .required)
            .field("complainant_phone", .string, .required)
            .field("anonymous", .bool, .required)
            .field("files", .string, .required)
            .field("state", .string, .required)
            .field("inspector_id", .int, .references("inspectors", "id"))
            .field("received_on", .string, .required)
            .field("stage_started", .string, .required)
            .field("deadline", .string)
            .field("reply", .string, .required)
            .field("replied_on", .string)
            .field("escalation", .string)
            .field("recorded_by", .int, .references("users", "id"))
            .field("source_ip", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tracking_code")
            .create()
        try await db.schema("notifications")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("title", .string, .required)
            .field("link", .string, .required)
            .field("read", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("webhook_deliveries")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("url", .string, .required)
            .field("payload", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .field("last_error", .string, .required)
            .field("created_at", .datetime)
            .create()
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await db.schema("problems").field("complaint_id", .int, .references("complaints", "id")).update()
        try await db.schema("district_settings").field("holidays", .string, .required, .sql(.default(""))).update()
        try await db.schema("district_settings").field("complaint_limits", .string, .required, .sql(.default("{}")))
            .update()
        try await db.schema("district_settings").field("webhook_url", .string, .required, .sql(.default(""))).update()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX idx_complaints_org_state ON complaints (org_path, state, deadline)",
            "CREATE INDEX idx_complaints_inspector ON complaints (inspector_id, state)",
            "CREATE INDEX idx_complaints_ip ON complaints (source_ip, created_at)",
            "CREATE INDEX idx_complaints_open_deadline ON complaints (state, deadline)",
            "CREATE INDEX idx_notifications_user ON notifications (user_id, read, id)",
            "CREATE INDEX idx_webhooks_due ON webhook_deliveries (delivered_at, next_attempt_at)",
            "CREATE INDEX idx_problems_complaint ON problems (complaint_id)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for field in ["holidays", "complaint_limits", "webhook_url"] {
            try await db.schema("district_settings").deleteField(FieldKey(stringLiteral: field)).update()
        }
        try await db.schema("problems").deleteField("complaint_id").update()
        for table in ["webhook_deliveries", "notifications", "complaints"] {
            try await db.schema(table).delete()
        }
    }
}
