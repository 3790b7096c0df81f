import Fluent

/// 012: the complaint categories a district treats as urgent (empty: `ComplaintIntake.urgentCategories`).
struct M012_UrgentCategories: AsyncMigration {
    var name: String { "M012_UrgentCategories" }

    func prepare(on db: any Database) async throws {
        try await db.schema("district_settings").field("urgent_categories", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("district_settings").deleteField("urgent_categories").update()
    }
}
