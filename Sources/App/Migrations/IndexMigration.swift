import Fluent
import SQLKit

/// A migration that only adds indexes (an `IndexList`): `prepare` creates them, `revert` drops them.
protocol IndexMigration: AsyncMigration {
    static var indexes: IndexList { get }
}

extension IndexMigration {
    func prepare(on db: any Database) async throws { try await Self.indexes.create(on: db) }
    func revert(on db: any Database) async throws { try await Self.indexes.drop(on: db) }
}

/// A migration that adds partial indexes of the rows in some states, on PostgreSQL only. SQLite cannot tell that a
/// query's list of states lies within an index's and never reads such an index, so it would only cost its writes.
protocol PostgreSQLStateIndexMigration: AsyncMigration {
    static var indexes: IndexList { get }
}

extension PostgreSQLStateIndexMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, !sql.isSQLite else { return }
        try await Self.indexes.create(on: db)
    }

    func revert(on db: any Database) async throws { try await Self.indexes.drop(on: db) }

    /// `state IN ('a', 'b')`, the literal condition of a partial index (an index's condition takes no parameters).
    static func stateIn(_ states: [String]) -> String {
        "state IN (\(states.map { "'\($0)'" }.joined(separator: ", ")))"
    }
}
