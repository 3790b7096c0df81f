import Fluent

/// 018: a visit photo may show one of the visit's problems or observations (else the visit as a whole).
struct M018_PhotoSubjects: AsyncMigration {
    var name: String { "M018_PhotoSubjects" }

    func prepare(on db: any Database) async throws {
        try await db.schema("visit_photos").field("problem_id", .int).update()
        try await db.schema("visit_photos").field("observation_id", .int).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("visit_photos").deleteField("observation_id").update()
        try await db.schema("visit_photos").deleteField("problem_id").update()
    }
}
