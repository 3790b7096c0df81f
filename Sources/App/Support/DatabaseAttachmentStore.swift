import Fluent
import Foundation
import SQLKit
import Vapor

/// Attachments kept in the database (`attachment_blobs`, M030), so that every instance of a province's platform
/// sees every file and the database's backup holds them too. Content-addressed like the disk store: writing a file
/// that is already there changes nothing.
final class DatabaseAttachmentStore: AttachmentStore, @unchecked Sendable {
    /// Weak: the application holds the store; the store only borrows its database.
    private weak var app: Application?
    /// A transaction's database, for a store used inside it.
    private let database: (any Database)?

    init(_ app: Application) {
        self.app = app
        self.database = nil
    }

    private init(database: any Database) {
        self.app = nil
        self.database = database
    }

    func within(_ db: any Database) -> any AttachmentStore { DatabaseAttachmentStore(database: db) }

    private func sql() throws -> any SQLDatabase {
        guard let db = database ?? app?.db else { throw Abort(.internalServerError) }
        return try db.sql()
    }

    func put(_ data: Data) async throws -> String {
        let hash = ContentHash.of(data)
        try await insert(hash, data)
        return hash
    }

    func put(fileAt path: String, hash: String) async throws {
        guard ContentHash.isValid(hash), let data = FileManager.default.contents(atPath: path) else {
            throw Abort(.internalServerError)
        }
        try await insert(hash, data)
        try? FileManager.default.removeItem(atPath: path)
    }

    func get(_ hash: String) async throws -> Data? {
        guard ContentHash.isValid(hash) else { return nil }
        struct Row: Decodable { let data: Data }
        return try await sql().raw("SELECT data FROM attachment_blobs WHERE hash = \(bind: hash)")
            .first(decoding: Row.self)?.data
    }

    private func insert(_ hash: String, _ data: Data) async throws {
        try await sql().raw(
            """
            INSERT INTO attachment_blobs (hash, size, data) VALUES (\(bind: hash), \(bind: data.count), \(bind: data))
            ON CONFLICT (hash) DO NOTHING
            """
        ).run()
    }
}
