import Fluent
import SQLKit

/// 020: campaigns (督导任务) over targets, each target with its team, its phase in the procedure and its
/// ratings (the target's own, each member's, the team's); a problem may come from a campaign's 督导意见书.
struct M020_Campaigns: AsyncMigration {
    var name: String { "M020_Campaigns" }

    func prepare(on db: any Database) async throws {
        try await db.schema("campaigns")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("version_id", .int, .required, .references("indicator_versions", "id"))
            .field("phases", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("announced", .bool, .required)
            .field("created_by", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("campaign_targets")
            .field("id", .int, .identifier(auto: true))
            .field("campaign_id", .int, .required, .references("campaigns", "id"))
            .field("school_id", .int)
            .field("org_unit_id", .int)
            .field("name", .string, .required)
            .field("org_path", .string, .required)
            .field("school_type", .string)
            .field("phase", .string)
            .field("lead_user_id", .int, .required)
            .field("total", .double)
            .field("grade", .string)
            .field("vetoed", .bool, .required)
            .field("preliminary", .string, .required)
            .field("appeal", .string, .required)
            .field("appeal_answer", .string, .required)
            .field("opinion_number", .string)
            .field("opinion", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("campaign_members")
            .field("id", .int, .identifier(auto: true))
            .field("target_id", .int, .required, .references("campaign_targets", "id"))
            .field("user_id", .int, .required, .references("users", "id"))
            .unique(on: "target_id", "user_id")
            .create()
        try await db.schema("campaign_ratings")
            .field("id", .int, .identifier(auto: true))
            .field("target_id", .int, .required, .references("campaign_targets", "id"))
            .field("user_id", .int, .required)
            .field("tier", .string, .required)
            .field("answers", .string, .required)
            .field("submitted", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "target_id", "user_id", "tier")
            .create()
        try await db.schema("problems").field("campaign_target_id", .int).update()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX campaign_targets_campaign ON campaign_targets (campaign_id, id)").run()
            try await sql.raw("CREATE INDEX campaign_targets_school ON campaign_targets (school_id)").run()
            try await sql.raw("CREATE INDEX campaign_members_user ON campaign_members (user_id)").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("problems").deleteField("campaign_target_id").update()
        try await db.schema("campaign_ratings").delete()
        try await db.schema("campaign_members").delete()
        try await db.schema("campaign_targets").delete()
        try await db.schema("campaigns").delete()
    }
}
