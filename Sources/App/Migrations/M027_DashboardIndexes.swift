import Fluent
import SQLKit

/// 027: indexes for the dashboard's monthly trend, which counts a province's problems by the month they were
/// found and its notices by the month they were closed (before, each month read every problem of the scope).
struct M027_DashboardIndexes: AsyncMigration {
    var name: String { "M027_DashboardIndexes" }

    static let indexes = [
        ("idx_problems_created", "problems (created_at)"),
        ("idx_notices_state_closed", "rectification_notices (state, closed_at)"),
    ]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, target) in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: name) ON \(unsafeRaw: target)").run()
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, _) in Self.indexes {
            try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: name)").run()
        }
    }
}
