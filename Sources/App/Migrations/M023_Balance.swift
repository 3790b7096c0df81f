import Fluent
import SQLKit

/// 023: the yearly resource returns of schools and kindergartens (办学条件年报) that the balance statistics
/// (差异系数) and the preschool figures (普及普惠) are computed from; each township's resident children of
/// kindergarten age per year; the district's section weights for combined schools.
struct M023_Balance: AsyncMigration {
    var name: String { "M023_Balance" }

    func prepare(on db: any Database) async throws {
        var returns = db.schema("balance_returns")
            .field("id", .int, .identifier(auto: true))
            .field("school_id", .int, .required, .references("schools", "id"))
            .field("district_id", .int, .required)
            .field("org_path", .string, .required)
            .field("year", .int, .required)
            .field("students_primary", .int, .required)
            .field("students_junior", .int, .required)
            .field("students_senior", .int, .required)
            .field("children", .int, .required)
            .field("inclusive", .bool, .required)
        for column in BalanceReturn.resourceColumns {
            returns = returns.field(FieldKey(stringLiteral: column), .double, .required)
        }
        try await returns
            .field("state", .string, .required)
            .field("updated_by", .string, .required)
            .field("locked_by", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "school_id", "year")
            .create()
        try await db.schema("preschool_populations")
            .field("id", .int, .identifier(auto: true))
            .field("township_id", .int, .required, .references("org_units", "id"))
            .field("district_id", .int, .required)
            .field("year", .int, .required)
            .field("children", .int, .required)
            .unique(on: "township_id", "year")
            .create()
        try await db.schema("district_settings").field("section_weights", .string, .required, .sql(.default("")))
            .update()
        if let sql = db as? any SQLDatabase {
            // The statistics read a district's returns of one year.
            try await sql.raw("CREATE INDEX balance_returns_district ON balance_returns (district_id, year)").run()
            try await sql.raw(
                "CREATE INDEX preschool_populations_district ON preschool_populations (district_id, year)"
            )
            .run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX balance_returns_district").run()
            try await sql.raw("DROP INDEX preschool_populations_district").run()
        }
        try await db.schema("preschool_populations").delete()
        try await db.schema("balance_returns").delete()
        try await db.schema("district_settings").deleteField("section_weights").update()
    }
}
