import Fluent
import SQLKit

/// 035: the API's incremental sync reaches problems, monthly reports, campaigns and their results. Problems and
/// campaigns had no update time: each gets `updated_at`, set to its creation time for the rows already there (a
/// client's first full copy takes them all anyway). Each list is read in update order, so each gets an index on it.
struct M035_SyncedRecords: AsyncMigration {
    var name: String { "M035_SyncedRecords" }

    static let stamped = ["problems", "campaigns"]

    static let indexes = IndexList([
        ("idx_problems_updated", "problems (updated_at, id)"),
        ("idx_monthly_reports_updated", "monthly_reports (updated_at, id)"),
        ("idx_campaigns_updated", "campaigns (district_id, updated_at, id)"),
        ("idx_campaign_targets_updated", "campaign_targets (campaign_id, updated_at, id)"),
    ])

    func prepare(on db: any Database) async throws {
        for table in Self.stamped {
            try await db.schema(table).field("updated_at", .datetime).update()
            try await db.sql().raw("UPDATE \(ident: table) SET updated_at = created_at").run()
        }
        try await Self.indexes.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await Self.indexes.drop(on: db)
        for table in Self.stamped {
            try await db.schema(table).deleteField("updated_at").update()
        }
    }
}
