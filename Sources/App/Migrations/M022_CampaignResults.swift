import Fluent
import SQLKit

/// 022: what campaigns keep beyond M020 — each target's node scores (for indicator-level results and the heat
/// map) and its 申辩 deadline; each rating's comments per item; results published (通报), to schools and perhaps to
/// the public; the district's campaign rules (phases per kind, 申辩 days); the evidence files a target uploads per
/// item.
struct M022_CampaignResults: AsyncMigration {
    var name: String { "M022_CampaignResults" }

    func prepare(on db: any Database) async throws {
        try await db.schema("campaign_targets").field("node_scores", .string, .required, .sql(.default("{}")))
            .update()
        try await db.schema("campaign_targets").field("appeal_due", .string, .required, .sql(.default(""))).update()
        try await db.schema("campaign_ratings").field("comments", .string, .required, .sql(.default("{}"))).update()
        try await db.schema("campaigns").field("published_on", .string, .required, .sql(.default(""))).update()
        try await db.schema("campaigns").field("published_public", .bool, .required, .sql(.default(false))).update()
        try await db.schema("district_settings").field("campaign_rules", .string, .required, .sql(.default("{}")))
            .update()
        try await db.schema("campaign_evidence")
            .field("id", .int, .identifier(auto: true))
            .field("target_id", .int, .required, .references("campaign_targets", "id"))
            .field("item_code", .string, .required)
            .field("hash", .string, .required)
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("size", .int, .required)
            .field("uploaded_by", .int, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX campaign_evidence_target ON campaign_evidence (target_id, item_code)").run()
            // The reminder job looks for targets in their 申辩 by phase and deadline.
            try await sql.raw("CREATE INDEX campaign_targets_phase ON campaign_targets (phase, appeal_due)").run()
            // The ranking reads a campaign's targets by total, a page at a time.
            try await sql.raw("CREATE INDEX campaign_targets_total ON campaign_targets (campaign_id, total)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX campaign_targets_phase").run()
            try await sql.raw("DROP INDEX campaign_targets_total").run()
        }
        try await db.schema("campaign_evidence").delete()
        for (table, field) in [
            ("district_settings", "campaign_rules"), ("campaigns", "published_public"), ("campaigns", "published_on"),
            ("campaign_ratings", "comments"), ("campaign_targets", "appeal_due"), ("campaign_targets", "node_scores"),
        ] {
            try await db.schema(table).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
