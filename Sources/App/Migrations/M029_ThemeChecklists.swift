import Fluent

/// 029: a month of the theme calendar may name an indicator system (主题检查表), and a visit keeps the list its
/// inspector filled in (JSON with the version it was taken from).
struct M029_ThemeChecklists: AsyncMigration {
    var name: String { "M029_ThemeChecklists" }

    func prepare(on db: any Database) async throws {
        try await db.schema("theme_months").field("template_id", .int).update()
        try await db.schema("visits").field("checklist", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("visits").deleteField("checklist").update()
        try await db.schema("theme_months").deleteField("template_id").update()
    }
}
