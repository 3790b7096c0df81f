import Fluent

/// 033: the office home's "severe problems of the past week" by severity and date. Without it the database read a
/// province's problems through the subtree index to find the week's few (31 ms → 4 ms at 20 000 schools, SQLite).
struct M033_SevereProblemIndex: AsyncMigration {
    var name: String { "M033_SevereProblemIndex" }

    static let indexes = IndexList([("idx_problems_severity_created", "problems (severity, created_at)")])

    func prepare(on db: any Database) async throws { try await Self.indexes.create(on: db) }
    func revert(on db: any Database) async throws { try await Self.indexes.drop(on: db) }
}
