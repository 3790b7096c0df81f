import Fluent

/// 019: a district's indicator systems (指标体系) and their versions. A version's document is the whole tree as
/// JSON; a published version never changes, and results keep the version they were scored on.
struct M019_IndicatorSystems: AsyncMigration {
    var name: String { "M019_IndicatorSystems" }

    func prepare(on db: any Database) async throws {
        try await db.schema("indicator_templates")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("built_in_key", .string)
            .field("copied_from_id", .int)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "district_id", "built_in_key")
            .create()
        try await db.schema("indicator_versions")
            .field("id", .int, .identifier(auto: true))
            .field("template_id", .int, .required, .references("indicator_templates", "id"))
            .field("number", .int, .required)
            .field("state", .string, .required)
            .field("document", .string, .required)
            .field("leaf_count", .int, .required)
            .field("created_by", .int)
            .field("created_at", .datetime, .required)
            .field("published_at", .datetime)
            .unique(on: "template_id", "number")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("indicator_versions").delete()
        try await db.schema("indicator_templates").delete()
    }
}
