import Fluent
import SQLKit
import Vapor

extension SQLDatabase {
    var isSQLite: Bool { dialect.name == "sqlite" }
}

extension Database {
    var isSQLite: Bool { (self as? any SQLDatabase)?.isSQLite == true }

    /// A transaction that writes. On SQLite the writes of this process wait for their turn
    /// (`SQLiteWriteQueue`) before they take a connection, and the transaction's first statement takes the
    /// write lock, so a writer of another process or outside a transaction is waited for (the driver's
    /// busy handler) instead of failing with "database is locked" when a transaction that has read tries
    /// to write. One already inside a transaction holds its connection and does not queue: it could wait for
    /// a writer that waits for that connection. On PostgreSQL it is a plain transaction; rows that decide a
    /// change are locked with `lockedFind`.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard isSQLite, !inTransaction else { return try await lockingTransaction(body) }
        return try await SQLiteWriteQueue.shared.run { try await lockingTransaction(body) }
    }

    private func lockingTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await transaction { db in
            if db.isSQLite, let sql = db as? any SQLDatabase {
                try await sql.raw("UPDATE write_gate SET n = 0 WHERE id = 1").run()
            }
            return try await body(db)
        }
    }

    /// Reads a row inside a write transaction so that no one else changes it until the transaction
    /// ends: `FOR UPDATE` on PostgreSQL; on SQLite the transaction already holds the write lock.
    func lockedFind<M: Model>(_ type: M.Type, _ id: M.IDValue) async throws -> M?
    where M.IDValue: Encodable & Sendable {
        if !isSQLite, let sql = self as? any SQLDatabase {
            try await sql.select().column("id").from(M.schema).where("id", .equal, SQLBind(id)).for(.update)
                .run()
        }
        return try await M.find(id, on: self)
    }
}

/// The record changed since the page was shown: someone else acted first.
struct AlreadyHandled: AbortError {
    var status: HTTPResponseStatus { .conflict }
    var reason: String { "该事项已被他人处理，请刷新页面查看最新状态" }
}
