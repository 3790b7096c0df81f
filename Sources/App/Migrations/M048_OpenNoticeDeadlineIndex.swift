import Fluent
import SQLKit

/// 048: the open notices in deadline order, on PostgreSQL. Closed notices hold the earliest deadlines, so PostgreSQL,
/// walking M047's (deadline, id) for the open tab or for the office home's notices due within three days, passed
/// 75 000 closed notices first (68–79 ms at 87 108 notices); this partial index holds the open ones only
/// (0.07–0.5 ms). SQLite cannot tell that a query's state list lies within the index's and reads M043's
/// (state, deadline, org_path) as before, so the index is not made there.
struct M048_OpenNoticeDeadlineIndex: AsyncMigration {
    var name: String { "M048_OpenNoticeDeadlineIndex" }

    /// `NoticeState.open` as written when this migration landed (a test holds the two equal).
    static let openStates = ["draft", "pendingApproval", "issued", "acknowledged", "reported", "returned"]

    static let indexes = IndexList([
        (
            "idx_notices_open_deadline",
            "rectification_notices (deadline, id) WHERE state IN (\(openStates.map { "'\($0)'" }.joined(separator: ", ")))"
        )
    ])

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, !sql.isSQLite else { return }
        try await Self.indexes.create(on: db)
    }

    func revert(on db: any Database) async throws { try await Self.indexes.drop(on: db) }
}
