import Fluent

/// 021: questionnaires of a campaign and their anonymous answers, one per device and target (a device is known only
/// by the hash of a random cookie; nothing personal is stored).
struct M021_Questionnaires: AsyncMigration {
    var name: String { "M021_Questionnaires" }

    func prepare(on db: any Database) async throws {
        try await db.schema("questionnaires")
            .field("id", .int, .identifier(auto: true))
            .field("campaign_id", .int, .required, .references("campaigns", "id"))
            .field("title", .string, .required)
            .field("audience", .string, .required)
            .field("questions", .string, .required)
            .field("closes_on", .string, .required)
            .field("link_secret", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("questionnaire_answers")
            .field("id", .int, .identifier(auto: true))
            .field("questionnaire_id", .int, .required, .references("questionnaires", "id"))
            .field("target_id", .int, .required, .references("campaign_targets", "id"))
            .field("device_hash", .string, .required)
            .field("answers", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "questionnaire_id", "target_id", "device_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("questionnaire_answers").delete()
        try await db.schema("questionnaires").delete()
    }
}
