import Fluent
import Foundation
import SQLKit

/// SQLite cannot change a column's constraints with ALTER TABLE: the table is rebuilt with a changed
/// CREATE statement, its rows copied, its indexes made again — in one transaction, foreign keys
/// checked at commit (the procedure of the SQLite manual, "Making Other Kinds Of Table Schema Changes").
enum SQLiteTableRebuild {
    static func rebuild(_ table: String, on db: any Database, change: @escaping @Sendable (String) -> String)
        async throws
    {
        try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            struct Row: Decodable { let sql: String }
            guard
                let create = try await sql.raw(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)"
                ).first(decoding: Row.self)?.sql
            else { return }
            let changed = change(create)
            guard changed != create else { return }
            let indexes = try await sql.raw(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table) AND sql IS NOT NULL"
            ).all(decoding: Row.self).map(\.sql)
            let temporary = table + "_rebuild"
            guard let range = changed.range(of: "\"\(table)\"") ?? changed.range(of: table) else { return }
            let createTemporary = changed.replacingCharacters(in: range, with: "\"\(temporary)\"")
            try await sql.raw("PRAGMA defer_foreign_keys = ON").run()
            try await sql.raw(SQLQueryString(createTemporary)).run()
            try await sql.raw("INSERT INTO \(ident: temporary) SELECT * FROM \(ident: table)").run()
            try await sql.raw("DROP TABLE \(ident: table)").run()
            try await sql.raw("ALTER TABLE \(ident: temporary) RENAME TO \(ident: table)").run()
            for index in indexes { try await sql.raw(SQLQueryString(index)).run() }
        }
    }

    /// The column's `NOT NULL` removed.
    static func nullable(_ column: String) -> @Sendable (String) -> String {
        { $0.replacingOccurrences(of: "\"\(column)\" INTEGER NOT NULL", with: "\"\(column)\" INTEGER") }
    }

    /// The column's `REFERENCES …` clause removed.
    static func withoutReference(_ column: String) -> @Sendable (String) -> String {
        { create in
            guard let start = create.range(of: "\"\(column)\" INTEGER") else { return create }
            let rest = create[start.upperBound...]
            guard let ref = rest.range(of: " REFERENCES ") else { return create }
            // The clause ends at the next column (", \"") or at the end of the column list.
            let end = rest[ref.lowerBound...].range(of: ", \"")?.lowerBound ?? create.index(before: create.endIndex)
            guard rest.distance(from: rest.startIndex, to: ref.lowerBound) == 0 else { return create }
            return String(create[..<ref.lowerBound]) + String(create[end...])
        }
    }
}
