import Fluent
import SQLKit

/// 040: 市级抽评, the third tier of an assessment. The campaign keeps the share the city re-scores and the day
/// its sample was drawn; a target keeps whether it was drawn and the city's score beside the county's (the
/// city's answers are a rating of tier `recheck`). Plain columns with defaults: no index is needed (a campaign's
/// targets are read through `campaign_id`).
struct M040_CampaignCityRecheck: AsyncMigration {
    var name: String { "M040_CampaignCityRecheck" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await db.schema("campaigns").field("recheck_percent", .int, .required, .sql(.default(0))).update()
        try await db.schema("campaigns").field("recheck_drawn_on", .string, .required, .sql(.default(""))).update()
        try await db.schema("campaign_targets").field("recheck", .bool, .required, .sql(.default(false))).update()
        try await db.schema("campaign_targets").field("recheck_total", .double).update()
        try await db.schema("campaign_targets").field("recheck_grade", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("campaign_targets").deleteField("recheck_grade").update()
        try await db.schema("campaign_targets").deleteField("recheck_total").update()
        try await db.schema("campaign_targets").deleteField("recheck").update()
        try await db.schema("campaigns").deleteField("recheck_drawn_on").update()
        try await db.schema("campaigns").deleteField("recheck_percent").update()
    }
}
