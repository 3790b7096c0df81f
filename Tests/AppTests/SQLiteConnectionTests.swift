import Fluent
import SQLKit
import XCTVapor

@testable import App

/// The server's SQLite file: write-ahead log for the file, and every pooled connection set to synchronous=NORMAL,
/// not only the one that ran the migrations.
final class SQLiteConnectionTests: XCTestCase {
    func testEveryConnectionOfTheFileSyncsNormally() async throws {
        try await withApp(history: false, fileDatabase: true) { app in
            guard app.db.isSQLite else { return }  // PostgreSQL has no such setting
            struct Setting: Decodable { let synchronous: Int }
            struct Mode: Decodable { let journal_mode: String }
            var settings: [Int] = []
            for loop in app.eventLoopGroup.makeIterator() {
                let sql = try XCTUnwrap(
                    app.databases.database(.sqlite, logger: app.logger, on: loop) as? any SQLDatabase)
                let row = try await sql.raw("PRAGMA synchronous").first(decoding: Setting.self)
                settings.append(try XCTUnwrap(row).synchronous)
            }
            let mode = try await (app.db as? any SQLDatabase)?.raw("PRAGMA journal_mode").first(decoding: Mode.self)

            XCTAssertEqual(settings.count, app.eventLoopGroup.makeIterator().map { $0 }.count)
            XCTAssertEqual(Set(settings), [1], "1 is NORMAL, 2 FULL")
            XCTAssertEqual(mode?.journal_mode, "wal")
        }
    }
}
