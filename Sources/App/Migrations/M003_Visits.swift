import Fluent
import SQLKit

/// 003: the responsible inspector's work — plans, visits with observations, interviews, problems,
/// photos and amendments, summaries and cases, and the district's compliance settings.
struct M003_Visits: AsyncMigration {
    var name: String { "M003_Visits" }

    func prepare(on db: any Database) async throws {
        try await db.schema("area_plans")
            .field("id", .int, .identifier(auto: true))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("org_path", .string, .required)
            .field("semester", .string, .required)
            .field("goals", .string, .required)
            .field("focus", .string, .required)
            .field("schedule", .string, .required)
            .field("status", .string, .required)
            .field("office_comment", .string, .required)
            .field("submitted_at", .datetime)
            .field("reviewed_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "inspector_id", "semester")
            .create()
        try await db.schema("visit_plans")
            .field("id", .int, .identifier(auto: true))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("school_id", .int, .required, .references("schools", "id"))
            .field("org_path", .string, .required)
            .field("planned_date", .string, .required)
            .field("tasks", .string, .required)
            .field("methods", .string, .required)
            .field("focus", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("visits")
            .field("id", .int, .identifier(auto: true))
            .field("school_id", .int, .required, .references("schools", "id"))
            .field("org_path", .string, .required)
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("visit_date", .string, .required)
            .field("start_time", .string, .required)
            .field("end_time", .string, .required)
            .field("kind", .string, .required)
            .field("theme", .string, .required)
            .field("visit_plan_id", .int, .references("visit_plans", "id"))
            .field("summary", .string, .required)
            .field("highlights", .string, .required)
            .field("checks", .string, .required)
            .field("status", .string, .required)
            .field("submitted_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.schema("visit_members")
            .field("id", .int, .identifier(auto: true))
            .field("visit_id", .int, .required, .references("visits", "id"))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .unique(on: "visit_id", "inspector_id")
            .create()
        try await db.schema("class_observations")
            .field("id", .int, .identifier(auto: true))
            .field("visit_id", .int, .required, .references("visits", "id"))
            .field("kind", .string, .required)
            .field("class_name", .string, .required)
            .field("subject", .string, .required)
            .field("teacher", .string, .required)
            .field("topic", .string, .required)
            .field("scores", .string, .required)
            .field("comment", .string, .required)
            .create()
        try await db.schema("interviews")
            .field("id", .int, .identifier(auto: true))
            .field("visit_id", .int, .required, .references("visits", "id"))
            .field("interview_group", .string, .required)
            .field("people", .int, .required)
            .field("notes", .string, .required)
            .field("internal", .bool, .required)
            .create()
        try await db.schema("problems")
            .field("id", .int, .identifier(auto: true))
            .field("visit_id", .int, .references("visits", "id"))
            .field("school_id", .int, .required, .references("schools", "id"))
            .field("org_path", .string, .required)
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("category", .string, .required)
            .field("severity", .string, .required)
            .field("disposition", .string, .required)
            .field("description", .string, .required)
            .field("state", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("visit_photos")
            .field("id", .int, .identifier(auto: true))
            .field("visit_id", .int, .required, .references("visits", "id"))
            .field("hash", .string, .required)
            .field("content_type", .string, .required)
            .field("caption", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("visit_amendments")
            .field("id", .int, .identifier(auto: true))
            .field("visit_id", .int, .required, .references("visits", "id"))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("user_name", .string, .required)
            .field("reason", .string, .required)
            .field("changes", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("work_reports")
            .field("id", .int, .identifier(auto: true))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("org_path", .string, .required)
            .field("semester", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("selected", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("visit_grants")
            .field("id", .int, .identifier(auto: true))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("school_id", .int, .required, .references("schools", "id"))
            .field("until", .string, .required)
            .field("granted_by", .int, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await db.schema("district_settings").field("compliance", .string, .required, .sql(.default("{}"))).update()
        try await db.schema("district_settings").field("rubric", .string, .required, .sql(.default(""))).update()
        try await db.schema("district_settings").field("problem_categories", .string, .required, .sql(.default("")))
            .update()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX idx_visits_school_date ON visits (school_id, visit_date)",
            "CREATE INDEX idx_visits_inspector_date ON visits (inspector_id, visit_date)",
            "CREATE INDEX idx_visits_org_date ON visits (org_path, status, visit_date)",
            "CREATE INDEX idx_visits_date ON visits (visit_date)",
            "CREATE INDEX idx_visit_members_inspector ON visit_members (inspector_id, visit_id)",
            "CREATE INDEX idx_visit_members_visit ON visit_members (visit_id)",
            "CREATE INDEX idx_observations_visit ON class_observations (visit_id)",
            "CREATE INDEX idx_interviews_visit ON interviews (visit_id)",
            "CREATE INDEX idx_problems_school_state ON problems (school_id, state)",
            "CREATE INDEX idx_problems_visit ON problems (visit_id)",
            "CREATE INDEX idx_photos_visit ON visit_photos (visit_id)",
            "CREATE INDEX idx_amendments_visit ON visit_amendments (visit_id)",
            "CREATE INDEX idx_visit_plans_inspector ON visit_plans (inspector_id, school_id, planned_date)",
            "CREATE INDEX idx_work_reports_inspector ON work_reports (inspector_id, semester)",
            "CREATE INDEX idx_visit_grants ON visit_grants (inspector_id, school_id, until)",
            "CREATE INDEX idx_area_plans_org ON area_plans (org_path, semester, status)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for field in ["compliance", "rubric", "problem_categories"] {
            try await db.schema("district_settings").deleteField(FieldKey(stringLiteral: field)).update()
        }
        for table in [
            "visit_grants", "work_reports", "visit_amendments", "visit_photos", "problems", "interviews",
            "class_observations",
            "visit_members", "visits", "visit_plans", "area_plans",
        ] {
            try await db.schema(table).delete()
        }
    }
}
