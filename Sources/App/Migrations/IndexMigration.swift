import Fluent

/// A migration that only adds indexes (an `IndexList`): `prepare` creates them, `revert` drops them.
protocol IndexMigration: AsyncMigration {
    static var indexes: IndexList { get }
}

extension IndexMigration {
    func prepare(on db: any Database) async throws { try await Self.indexes.create(on: db) }
    func revert(on db: any Database) async throws { try await Self.indexes.drop(on: db) }
}
