import Fluent

/// 017: a form sent from a phone's outbox carries a one-time key (`X-Once`); the key of each change the server
/// made is kept for a week, so a resend after a lost answer changes nothing twice.
struct M017_FormSubmissions: AsyncMigration {
    var name: String { "M017_FormSubmissions" }

    func prepare(on db: any Database) async throws {
        try await db.schema("form_submissions")
            .field("key", .string, .identifier(auto: false))
            .field("user_id", .int, .required)
            .field("location", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("form_submissions").delete()
    }
}
