import Fluent
import SQLKit

/// 001: the organisation tree, schools, inspectors, terms, assignments and responsibility areas.
struct M001_Directory: AsyncMigration {
    var name: String { "M001_Directory" }

    func prepare(on db: any Database) async throws {
        try await db.schema("org_units")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("parent_id", .int, .references("org_units", "id"))
            .field("path", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("responsibility_areas")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("org_path", .string, .required)
            .field("name", .string, .required)
            .field("lead_inspector_id", .int)
            .field("note", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("schools")
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("ownership", .string, .required)
            .field("township_id", .int, .required, .references("org_units", "id"))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("org_path", .string, .required)
            .field("area_id", .int, .references("responsibility_areas", "id"))
            .field("address", .string, .required)
            .field("principal", .string, .required)
            .field("phone", .string, .required)
            .field("students", .int, .required)
            .field("section_students", .string, .required)
            .field("classes", .int, .required)
            .field("staff", .int, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.schema("inspectors")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("org_path", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("gender", .string, .required)
            .field("phone", .string, .required)
            .field("photo", .string)
            .field("employer", .string, .required)
            .field("post", .string, .required)
            .field("term_start", .string)
            .field("term_end", .string)
            .field("duties", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.schema("inspector_terms")
            .field("id", .int, .identifier(auto: true))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .create()
        try await db.schema("assignments")
            .field("id", .int, .identifier(auto: true))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("school_id", .int, .required, .references("schools", "id"))
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX idx_org_units_path ON org_units (path)",
            "CREATE INDEX idx_schools_org_status_name ON schools (org_path, status, name)",
            "CREATE INDEX idx_schools_district_name ON schools (district_id, name)",
            "CREATE INDEX idx_schools_township ON schools (township_id)",
            "CREATE INDEX idx_schools_area ON schools (area_id)",
            "CREATE INDEX idx_inspectors_org_name ON inspectors (org_path, name)",
            "CREATE INDEX idx_inspector_terms_inspector ON inspector_terms (inspector_id)",
            "CREATE INDEX idx_assignments_school ON assignments (school_id, end_date)",
            "CREATE INDEX idx_assignments_inspector ON assignments (inspector_id, end_date)",
            "CREATE INDEX idx_areas_district ON responsibility_areas (district_id)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for table in ["assignments", "inspector_terms", "inspectors", "schools", "responsibility_areas", "org_units"] {
            try await db.schema(table).delete()
        }
    }
}
