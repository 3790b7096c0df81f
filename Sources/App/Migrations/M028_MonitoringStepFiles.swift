import Fluent
import SQLKit

/// 028: the documents of a quality-monitoring step (名单、方案、培训记录、回执): a JSON list of stored files.
struct M028_MonitoringStepFiles: AsyncMigration {
    var name: String { "M028_MonitoringStepFiles" }

    func prepare(on db: any Database) async throws {
        try await db.schema("monitoring_steps").field("files", .string, .required, .sql(.default("[]"))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("monitoring_steps").deleteField("files").update()
    }
}
