import Fluent

/// 031: one row per timer job and period, so that with several instances each job runs once per period.
struct M031_JobRuns: AsyncMigration {
    var name: String { "M031_JobRuns" }

    func prepare(on db: any Database) async throws {
        try await db.schema("job_runs")
            .field("id", .int, .identifier(auto: true))
            .field("job", .string, .required)
            .field("slot", .int64, .required)
            .field("instance", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("outcome", .string, .required)
            .unique(on: "job", "slot")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("job_runs").delete()
    }
}
