import Fluent
import SQLKit

/// 010: 一月一主题 as a district's own calendar, one row per district, year and month (the months without a theme
/// have no row). Nothing is shown to a district until its office enters or loads its calendar.
struct M010_ThemeCalendar: AsyncMigration {
    var name: String { "M010_ThemeCalendar" }

    func prepare(on db: any Database) async throws {
        try await db.schema("theme_months")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("year", .int, .required)
            .field("month", .int, .required)
            .field("theme", .string, .required)
            .field("focus", .string, .required)
            .unique(on: "district_id", "year", "month")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("theme_months").delete()
    }
}
