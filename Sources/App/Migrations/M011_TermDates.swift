import Fluent

/// 011: the district's term dates (学期起止日期) as a setting; empty keeps the fixed months of `Semester`.
struct M011_TermDates: AsyncMigration {
    var name: String { "M011_TermDates" }

    func prepare(on db: any Database) async throws {
        try await db.schema("district_settings").field("term_dates", .string, .required, .sql(.default(""))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("district_settings").deleteField("term_dates").update()
    }
}
