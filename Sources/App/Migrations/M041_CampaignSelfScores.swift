import Fluent
import SQLKit

/// 041: a target keeps its 自评's score when the 自评 is handed in (the procedure step), and the city's 抽评 by
/// node beside its total: the results and the target's page read them instead of scoring every rating of the
/// campaign on each view (a rank item places a rating among all the others: seconds of work at 20 000 targets).
struct M041_CampaignSelfScores: AsyncMigration {
    var name: String { "M041_CampaignSelfScores" }

    func prepare(on db: any Database) async throws {
        try await db.schema("campaign_targets").field("self_total", .double).update()
        try await db.schema("campaign_targets").field("self_node_scores", .string, .required, .sql(.default("{}")))
            .update()
        try await db.schema("campaign_targets").field("recheck_node_scores", .string, .required, .sql(.default("{}")))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("campaign_targets").deleteField("recheck_node_scores").update()
        try await db.schema("campaign_targets").deleteField("self_node_scores").update()
        try await db.schema("campaign_targets").deleteField("self_total").update()
    }
}
