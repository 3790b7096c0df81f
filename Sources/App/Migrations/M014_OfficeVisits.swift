import Fluent
import SQLKit

/// 014: the office records visits too (rules.md §2: the office supervises schools itself, alone or with a team of
/// inspectors). A visit's lead inspector becomes optional, and `recorded_by` names the office account that
/// recorded a visit without one.
struct M014_OfficeVisits: AsyncMigration {
    var name: String { "M014_OfficeVisits" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if db.isSQLite {
            try await SQLiteTableRebuild.rebuild("visits", on: db, change: SQLiteTableRebuild.nullable("inspector_id"))
        } else {
            try await sql.raw("ALTER TABLE visits ALTER COLUMN inspector_id DROP NOT NULL").run()
        }
        try await db.schema("visits").field("recorded_by", .int, .references("users", "id")).update()
    }

    /// The column goes; the lead stays optional (a visit the office recorded has none to restore).
    func revert(on db: any Database) async throws {
        if db.isSQLite {
            try await SQLiteTableRebuild.rebuild(
                "visits", on: db, change: SQLiteTableRebuild.withoutReference("recorded_by"))
        }
        try await db.schema("visits").deleteField("recorded_by").update()
    }
}
