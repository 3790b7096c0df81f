import Fluent
import SQLKit

/// 037: 工作总结 and 督导案例 join the API's incremental sync. A report changes after it is written (the office
/// recommends a case for the district's competition), so it gets `updated_at`, set to its creation time for the
/// reports already there, and the index the sync reads it by.
struct M037_WorkReportUpdates: AsyncMigration {
    var name: String { "M037_WorkReportUpdates" }

    static let indexes = IndexList([("idx_work_reports_updated", "work_reports (updated_at, id)")])

    func prepare(on db: any Database) async throws {
        try await db.schema("work_reports").field("updated_at", .datetime).update()
        try await db.sql().raw("UPDATE work_reports SET updated_at = created_at").run()
        try await Self.indexes.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await Self.indexes.drop(on: db)
        try await db.schema("work_reports").deleteField("updated_at").update()
    }
}
