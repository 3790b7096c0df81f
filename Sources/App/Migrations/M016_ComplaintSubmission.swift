import Fluent
import SQLKit

/// 016: the public complaint form carries a one-time token; a complaint keeps it, unique, so a refresh or a double
/// tap of 提交 files one complaint, not two.
struct M016_ComplaintSubmission: AsyncMigration {
    var name: String { "M016_ComplaintSubmission" }

    func prepare(on db: any Database) async throws {
        try await db.schema("complaints").field("submission_token", .string).update()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            "CREATE UNIQUE INDEX idx_complaints_submission ON complaints (submission_token)"
        ).run()
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX IF EXISTS idx_complaints_submission").run()
        }
        try await db.schema("complaints").deleteField("submission_token").update()
    }
}
