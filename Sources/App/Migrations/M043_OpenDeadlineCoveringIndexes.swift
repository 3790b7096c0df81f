import Fluent

/// 043: the office's to-do counts of notices and complaints due within three days read the index alone. M004's and
/// M005's (state, deadline) sent SQLite to the table for each open record's subtree; with the path in the index a
/// province's count is 3 → 0.3 ms for notices and 3 → 0.4 ms for complaints (20 000 schools, sqlite3 timings).
struct M043_OpenDeadlineCoveringIndexes: AsyncMigration {
    var name: String { "M043_OpenDeadlineCoveringIndexes" }

    static let replaced = IndexList([
        ("idx_notices_open_deadline", "rectification_notices (state, deadline)"),
        ("idx_complaints_open_deadline", "complaints (state, deadline)"),
    ])

    static let added = IndexList([
        ("idx_notices_state_deadline_org", "rectification_notices (state, deadline, org_path)"),
        ("idx_complaints_state_deadline_org", "complaints (state, deadline, org_path)"),
    ])

    func prepare(on db: any Database) async throws {
        try await Self.replaced.drop(on: db)
        try await Self.added.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await Self.added.drop(on: db)
        try await Self.replaced.create(on: db)
    }
}
