import Fluent
import SQLKit

/// 007: claims for the timer jobs, so that with several instances on one PostgreSQL a reminder is recorded
/// and sent once and a webhook delivery is attempted once per attempt.
/// - `webhook_deliveries.lease_until`: the instance attempting a delivery holds it until then.
/// - `webhook_deliveries.abandoned_at`: a delivery refused before sending (its address is not public) is not retried.
/// - One due-soon reminder event per notice, kept by a unique index. Duplicates that two instances may already
///   have recorded are removed first (the earliest one stays); `revert` does not bring them back.
struct M007_JobClaims: AsyncMigration {
    var name: String { "M007_JobClaims" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await db.schema("webhook_deliveries").field("lease_until", .datetime).update()
        try await db.schema("webhook_deliveries").field("abandoned_at", .datetime).update()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            DELETE FROM case_events WHERE action = 'due-soon' AND id NOT IN (
                SELECT MIN(id) FROM case_events WHERE action = 'due-soon' GROUP BY target, target_id)
            """
        ).run()
        try await sql.raw(
            "CREATE UNIQUE INDEX idx_case_events_due_soon ON case_events (target, target_id) WHERE action = 'due-soon'"
        ).run()
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX idx_case_events_due_soon").run()
        }
        try await db.schema("webhook_deliveries").deleteField("abandoned_at").update()
        try await db.schema("webhook_deliveries").deleteField("lease_until").update()
    }
}
