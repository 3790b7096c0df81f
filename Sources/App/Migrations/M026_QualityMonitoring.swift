import Fluent
import SQLKit

/// 026: rounds of 国家义务教育质量监测 — subjects, the district's steps with dates, owners and completion, the
/// sample schools, incidents, and the county's findings.
struct M026_QualityMonitoring: AsyncMigration {
    var name: String { "M026_QualityMonitoring" }

    func prepare(on db: any Database) async throws {
        try await db.schema("monitoring_rounds")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required)
            .field("org_path", .string, .required)
            .field("year", .int, .required)
            .field("subjects", .string, .required)
            .field("test_day", .string, .required)
            .field("findings", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "district_id", "year")
            .create()
        try await db.schema("monitoring_steps")
            .field("id", .int, .identifier(auto: true))
            .field("round_id", .int, .required, .references("monitoring_rounds", "id"))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("due", .string, .required)
            .field("owner", .string, .required)
            .field("done_on", .string)
            .field("note", .string, .required)
            .create()
        try await db.schema("monitoring_samples")
            .field("id", .int, .identifier(auto: true))
            .field("round_id", .int, .required, .references("monitoring_rounds", "id"))
            .field("school_id", .int, .required, .references("schools", "id"))
            .field("section", .string, .required)
            .unique(on: "round_id", "school_id")
            .create()
        try await db.schema("monitoring_incidents")
            .field("id", .int, .identifier(auto: true))
            .field("round_id", .int, .required, .references("monitoring_rounds", "id"))
            .field("school_id", .int)
            .field("day", .string, .required)
            .field("text", .string, .required)
            .field("recorded_by", .string, .required)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX monitoring_steps_round ON monitoring_steps (round_id, position)").run()
            try await sql.raw("CREATE INDEX monitoring_steps_due ON monitoring_steps (due)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX monitoring_steps_round").run()
            try await sql.raw("DROP INDEX monitoring_steps_due").run()
        }
        for table in ["monitoring_incidents", "monitoring_samples", "monitoring_steps", "monitoring_rounds"] {
            try await db.schema(table).delete()
        }
    }
}
