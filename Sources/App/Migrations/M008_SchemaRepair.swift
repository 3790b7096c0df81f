import Fluent
import SQLKit

/// 008: brings a database that ran the first versions of M003 and M004 to what they say now (M003 and
/// M004 were edited after they had landed: `problems.visit_id` became optional for complaints, and two
/// indexes were added), and lets M005 be reverted on SQLite (it drops `problems.complaint_id`, which
/// SQLite refuses while the column has an index or a foreign key).
struct M008_SchemaRepair: AsyncMigration {
    var name: String { "M008_SchemaRepair" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX IF NOT EXISTS idx_visits_date ON visits (visit_date)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS idx_problems_state_org ON problems (state, org_path)").run()
        if db.isSQLite {
            try await SQLiteTableRebuild.rebuild("problems", on: db, change: SQLiteTableRebuild.nullable("visit_id"))
        } else {
            try await sql.raw("ALTER TABLE problems ALTER COLUMN visit_id DROP NOT NULL").run()
        }
    }

    /// The repairs stay (they are what M003 and M004 say). Before M005 is reverted, its column loses
    /// its index and, on SQLite, its foreign key, so that it can be dropped.
    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX IF EXISTS idx_problems_complaint").run()
        if db.isSQLite {
            try await SQLiteTableRebuild.rebuild(
                "problems", on: db, change: SQLiteTableRebuild.withoutReference("complaint_id"))
        }
    }
}
