import Fluent

/// 013: the lists and rubrics a district sets for itself (issue 9, item 4 and kindergartens): the kindergarten
/// rubric, the rubric's grade lines, the document checklists of schools and kindergartens, the complaint
/// categories. Empty means today's defaults.
struct M013_SettingsLists: AsyncMigration {
    var name: String { "M013_SettingsLists" }

    static let columns = [
        "kindergarten_rubric", "rubric_bands", "document_checklist", "kindergarten_documents", "complaint_categories",
    ]

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for column in Self.columns {
            try await db.schema("district_settings").field(.string(column), .string, .required, .sql(.default("")))
                .update()
        }
    }

    func revert(on db: any Database) async throws {
        for column in Self.columns.reversed() {
            try await db.schema("district_settings").deleteField(.string(column)).update()
        }
    }
}
