import Fluent
import SQLKit

/// 025: 督导简报 — drafted from a month's records, edited, numbered (第N期, per district and year), approved and
/// published; a correction is a new issue pointing at the one it corrects.
struct M025_Bulletins: AsyncMigration {
    var name: String { "M025_Bulletins" }

    func prepare(on db: any Database) async throws {
        try await db.schema("bulletins")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required)
            .field("org_path", .string, .required)
            .field("period", .string, .required)
            .field("title", .string, .required)
            .field("sections", .string, .required)
            .field("state", .string, .required)
            .field("year", .int)
            .field("number", .int)
            .field("approved_on", .string)
            .field("published_on", .string)
            .field("published_public", .bool, .required)
            .field("corrects_id", .int)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "district_id", "year", "number")
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX bulletins_district ON bulletins (district_id, period)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.raw("DROP INDEX bulletins_district").run() }
        try await db.schema("bulletins").delete()
    }
}
