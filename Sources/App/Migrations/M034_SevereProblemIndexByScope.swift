import Fluent

/// 034: replaces 033's (severity, created_at) with (severity, org_path, created_at). 033's index sped the office home's
/// severe problems of the week for a province, but the problem register filtered by severity then chose it too and
/// read every problem of that severity (a district's page: 1 → 68 ms; a province's: 141 → 280 ms, SQLite, 20 000
/// schools). With the subtree in the index each query reads only its own subtree's problems of that severity: the
/// home's count 36 → 11 ms for a province, the register's count 103 → 51 ms and page 141 → 90 ms, a district's
/// unchanged at about 1 ms.
struct M034_SevereProblemIndexByScope: AsyncMigration {
    var name: String { "M034_SevereProblemIndexByScope" }

    static let added = IndexList([("idx_problems_severity_org_created", "problems (severity, org_path, created_at)")])

    func prepare(on db: any Database) async throws {
        try await M033_SevereProblemIndex.indexes.drop(on: db)
        try await Self.added.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await Self.added.drop(on: db)
        try await M033_SevereProblemIndex.indexes.create(on: db)
    }
}
