import Fluent
import SQLKit

/// 032: indexes for the API's incremental sync, which reads notices, complaints and bulletins in update order
/// from a moment (`updatedSince`); without them each page sorted the whole scope.
struct M032_SyncIndexes: AsyncMigration {
    var name: String { "M032_SyncIndexes" }

    static let indexes = IndexList([
        ("idx_notices_updated", "rectification_notices (updated_at, id)"),
        ("idx_complaints_updated", "complaints (updated_at, id)"),
        ("idx_bulletins_updated", "bulletins (updated_at, id)"),
    ])

    func prepare(on db: any Database) async throws { try await Self.indexes.create(on: db) }
    func revert(on db: any Database) async throws { try await Self.indexes.drop(on: db) }
}

/// Named indexes (name, "table (columns)") that a migration adds, and drops again on revert.
struct IndexList: Sendable {
    let indexes: [(name: String, target: String)]

    init(_ indexes: [(String, String)]) { self.indexes = indexes.map { (name: $0.0, target: $0.1) } }

    func create(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for index in indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: index.name) ON \(unsafeRaw: index.target)").run()
        }
    }

    func drop(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for index in indexes {
            try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: index.name)").run()
        }
    }
}
