import Fluent
import SQLKit

/// 004: rectification notices, school reports, case events (with escalations), and the district's
/// rectification settings.
struct M004_Rectification: AsyncMigration {
    var name: String { "M004_Rectification" }

    func prepare(on db: any Database) async throws {
        try await db.schema("rectification_notices")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("org_path", .string, .required)
            .field("school_id", .int, .required, .references("schools", "id"))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("year", .int, .required)
            .field("sequence", .int, .required)
            .field("number", .string, .required)
            .field("requirements", .string, .required)
            .field("deadline", .string, .required)
            .field("state", .string, .required)
            .field("needs_visit", .bool, .required)
            .field("escalation", .string)
            .field("issued_at", .datetime)
            .field("closed_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "district_id", "year", "sequence")
            .create()
        try await db.schema("notice_problems")
            .field("id", .int, .identifier(auto: true))
            .field("notice_id", .int, .required, .references("rectification_notices", "id"))
            .field("problem_id", .int, .required, .references("problems", "id"))
            .unique(on: "notice_id", "problem_id")
            .create()
        try await db.schema("rectification_reports")
            .field("id", .int, .identifier(auto: true))
            .field("notice_id", .int, .required, .references("rectification_notices", "id"))
            .field("body", .string, .required)
            .field("files", .string, .required)
            .field("submitted_by", .int, .required, .references("users", "id"))
            .field("outcome", .string, .required)
            .field("review_comment", .string, .required)
            .field("reviewed_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await db.schema("case_events")
            .field("id", .int, .identifier(auto: true))
            .field("target", .string, .required)
            .field("target_id", .int, .required)
            .field("action", .string, .required)
            .field("actor_id", .int)
            .field("actor_name", .string, .required)
            .field("comment", .string, .required)
            .field("created_at", .datetime)
            .create()
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await db.schema("problems").field("notice_id", .int).update()
        try await db.schema("problems").field("deadline", .string).update()
        try await db.schema("problems").field("referral_department", .string, .required, .sql(.default(""))).update()
        try await db.schema("problems").field("referral_reply", .string, .required, .sql(.default(""))).update()
        try await db.schema("district_settings").field("notice_prefix", .string, .required, .sql(.default("督整")))
            .update()
        try await db.schema("district_settings").field("notice_days", .int, .required, .sql(.default(30))).update()
        try await db.schema("district_settings").field(
            "notice_requires_approval", .bool, .required, .sql(.default(false))
        ).update()
        try await db.schema("district_settings").field("escalation", .string, .required, .sql(.default("{}"))).update()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX idx_notices_org_state ON rectification_notices (org_path, state, deadline)",
            "CREATE INDEX idx_notices_school ON rectification_notices (school_id, state)",
            "CREATE INDEX idx_notices_inspector ON rectification_notices (inspector_id, state)",
            "CREATE INDEX idx_notices_open_deadline ON rectification_notices (state, deadline)",
            "CREATE INDEX idx_notice_problems_problem ON notice_problems (problem_id)",
            "CREATE INDEX idx_reports_notice ON rectification_reports (notice_id)",
            "CREATE UNIQUE INDEX idx_case_events_escalation ON case_events (target, target_id, action) WHERE action LIKE 'escalate:%'",
            "CREATE INDEX idx_case_events_target ON case_events (target, target_id, created_at)",
            "CREATE INDEX idx_problems_org_state ON problems (org_path, state, created_at)",
            "CREATE INDEX idx_problems_state_org ON problems (state, org_path)",
            "CREATE INDEX idx_problems_category ON problems (category, state)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for field in ["notice_prefix", "notice_days", "notice_requires_approval", "escalation"] {
            try await db.schema("district_settings").deleteField(FieldKey(stringLiteral: field)).update()
        }
        for field in ["notice_id", "deadline", "referral_department", "referral_reply"] {
            try await db.schema("problems").deleteField(FieldKey(stringLiteral: field)).update()
        }
        for table in ["case_events", "rectification_reports", "notice_problems", "rectification_notices"] {
            try await db.schema(table).delete()
        }
    }
}
