import DudaoCore
import Fluent
import Foundation
import SQLKit
import XCTVapor

@testable import App

/// The moment every test lives in — a Monday in the demo district's autumn semester, after its demo
/// history — so that no test depends on the real date. A test that needs another time sets `app.clock`.
enum TestClock {
    static let today = Day(year: 2026, month: 11, day: 30)!
    static let now = today.date(hour: 10)
    static let clock = AppClock.fixed(now)
}

/// A failure inside a helper that makes the rest of a test meaningless.
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` against a fresh application: its own database (in-memory SQLite, or a schema of its
/// own on PostgreSQL when TEST_DATABASE_URL is set), migrated and seeded with the demo district.
/// The schema, the data directory and the application are cleaned up whether `body` throws or not.
/// `history: false` leaves out the demo semester of visits, plans and reports (a clean slate).
/// `fileDatabase: true` puts SQLite in a file (WAL, several connections) instead of memory, as in production.
/// `clientAddressHeader` and `secureCookies` set those settings as a deployment behind a proxy would.
func withApp(
    history: Bool = true, fileDatabase: Bool = false, clientAddressHeader: String? = nil, secureCookies: Bool = false,
    _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var failure: (any Error)?
    do {
        var config = AppConfig.forTesting()
        if fileDatabase, case .sqliteMemory = config.database {
            try FileManager.default.createDirectory(atPath: config.dataDir, withIntermediateDirectories: true)
            config.database = .sqliteFile(config.dataDir + "/test.sqlite")
        }
        config.clientAddressHeader = clientAddressHeader ?? config.clientAddressHeader
        config.secureCookies = secureCookies || config.secureCookies
        try await configure(app, config)
        app.clock = TestClock.clock
        try await prepareDatabase(app)
        try await DemoSeed.seed(app.db, cost: 4, history: history)
        try await body(app)
    } catch {
        failure = error
    }
    if let config = app.storage[ConfigKey.self] {
        if case .postgres(_, let schema?) = config.database, let sql = app.db as? any SQLDatabase {
            do {
                try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            } catch {
                if failure == nil { failure = error }
            }
        }
        try? FileManager.default.removeItem(atPath: config.dataDir)
    }
    try await app.asyncShutdown()
    if let failure { throw failure }
}

extension Application {
    /// The seeded demo school with this id, or a thrown error.
    func school(_ id: Int) async throws -> School {
        guard let s = try await School.find(id, on: db) else { throw TestSetupError("no school \(id)") }
        return s
    }

    func user(_ username: String) async throws -> User {
        guard let u = try await User.query(on: db).filter(\.$username == username).first() else {
            throw TestSetupError("no user \(username)")
        }
        return u
    }

    func inspector(named name: String) async throws -> Inspector {
        guard let i = try await Inspector.query(on: db).filter(\.$name == name).first() else {
            throw TestSetupError("no inspector \(name)")
        }
        return i
    }

    func schoolCount() async throws -> Int { try await School.query(on: db).count() }
    func inspectorCount() async throws -> Int { try await Inspector.query(on: db).count() }

    /// The seeded district 青川区.
    func demoDistrict() async throws -> OrgUnit {
        guard let d = try await OrgUnit.query(on: db).filter(\.$name == "青川区").first() else {
            throw TestSetupError("no demo district")
        }
        return d
    }
}
