import Fluent
import SQLKit

/// 015: an inspector's appointment (专职/兼职, `kind`) is separate from their duties (督学, 责任督学, 特约督学, which
/// combine: `roles`). The old single choice becomes both: 特约 and 责任督学 were part-time appointments with that
/// duty; every other inspector is a 督学, and one holding a school now is also its 责任督学. And the district
/// decides whether a 特约督学 may be a school's responsible inspector (default: no).
struct M015_InspectorDuties: AsyncMigration {
    var name: String { "M015_InspectorDuties" }

    func prepare(on db: any Database) async throws {
        try await db.schema("inspectors").field("roles", .string, .required, .sql(.default(""))).update()
        try await db.schema("district_settings")
            .field("special_may_be_responsible", .bool, .required, .sql(.default(false))).update()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE inspectors SET roles = 'responsible', kind = 'partTime' WHERE kind = 'responsible'")
            .run()
        try await sql.raw("UPDATE inspectors SET roles = 'special', kind = 'partTime' WHERE kind = 'special'").run()
        try await sql.raw("UPDATE inspectors SET roles = 'inspector' WHERE roles = ''").run()
        try await sql.raw(
            """
            UPDATE inspectors SET roles = roles || ',responsible'
            WHERE roles NOT LIKE '%responsible%'
              AND id IN (SELECT inspector_id FROM assignments WHERE end_date IS NULL)
            """
        ).run()
    }

    /// Back to one choice: a 特约督学 is 特约, a part-time 责任督学 who is not also a 督学 is 责任督学.
    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("UPDATE inspectors SET kind = 'special' WHERE roles LIKE '%special%'").run()
            try await sql.raw(
                "UPDATE inspectors SET kind = 'responsible' WHERE roles = 'responsible' AND kind = 'partTime'"
            ).run()
        }
        try await db.schema("district_settings").deleteField("special_may_be_responsible").update()
        try await db.schema("inspectors").deleteField("roles").update()
    }
}
