import Fluent
import SQLKit

/// 024: the inspectors' monthly reports (督导月报): drafted from their records, submitted to the office, received
/// or returned.
struct M024_MonthlyReports: AsyncMigration {
    var name: String { "M024_MonthlyReports" }

    func prepare(on db: any Database) async throws {
        try await db.schema("monthly_reports")
            .field("id", .int, .identifier(auto: true))
            .field("inspector_id", .int, .required, .references("inspectors", "id"))
            .field("district_id", .int, .required)
            .field("org_path", .string, .required)
            .field("month", .string, .required)
            .field("state", .string, .required)
            .field("figures", .string, .required)
            .field("remarks", .string, .required)
            .field("office_comment", .string, .required)
            .field("submitted_on", .string)
            .field("handled_by", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "inspector_id", "month")
            .create()
        if let sql = db as? any SQLDatabase {
            // The office lists a district's reports of one month.
            try await sql.raw("CREATE INDEX monthly_reports_district ON monthly_reports (district_id, month)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.raw("DROP INDEX monthly_reports_district").run() }
        try await db.schema("monthly_reports").delete()
    }
}
