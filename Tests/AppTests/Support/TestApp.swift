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

/// Runs `body` against a fresh application with its own database, migrated and seeded with the demo district:
/// an SQLite file, or on PostgreSQL (TEST_DATABASE_URL set) a database, copied from a template made once per run.
/// The schema, the data directory and the application are cleaned up whether `body` throws or not.
/// `history: false` leaves out the demo semester of visits, plans and reports (a clean slate).
/// `fileDatabase: true` also sets the database up as the server does at start (WAL, synchronous=NORMAL).
/// `clientAddressHeader` and `secureCookies` set those settings as a deployment behind a proxy would.
func withApp(
    history: Bool = true, fileDatabase: Bool = false, clientAddressHeader: String? = nil, secureCookies: Bool = false,
    attachmentsInDatabase: Bool = false, _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var failure: (any Error)?
    // The test's own database, copied from one migrated and seeded once per run: a PostgreSQL database, or an
    // SQLite file.
    var copy: String?
    var file: String?
    do {
        var config = AppConfig.forTesting()
        switch config.database {
        case .postgres(let url, _):
            let made = try await PostgresTestDatabases.shared.make(baseURL: url, history: history)
            config.database = .postgres(url: made.url, schema: nil)
            copy = made.name
        case .sqliteMemory, .sqliteFile:
            let path = try await SQLiteTestTemplates.shared.copy(history: history)
            config.database = .sqliteFile(path)
            file = path
        }
        config.clientAddressHeader = clientAddressHeader ?? config.clientAddressHeader
        config.secureCookies = secureCookies || config.secureCookies
        config.attachmentsInDatabase = attachmentsInDatabase
        try await configure(app, config)
        app.clock = TestClock.clock
        if fileDatabase { try await prepareDatabase(app) }
        try await body(app)
    } catch {
        failure = error
    }
    if let config = app.storage[ConfigKey.self] {
        try? FileManager.default.removeItem(atPath: config.dataDir)
    }
    try await app.asyncShutdown()
    if let file { SQLiteTestTemplates.shared.remove(file) }
    if let copy {
        do {
            try await PostgresTestDatabases.shared.drop(copy)
        } catch {
            if failure == nil { failure = error }
        }
    }
    if let failure { throw failure }
}

/// An application on an empty database of its own, migrated and not seeded (SQLite in memory, or a PostgreSQL
/// schema dropped afterwards): for what must start from nothing, such as migrations and the scale seed.
func withEmptyApp(_ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var failure: (any Error)?
    do {
        try await configure(app, AppConfig.forTesting())
        try await prepareDatabase(app)
        try await body(app)
    } catch {
        failure = error
    }
    if case .postgres(_, let schema?) = app.config.database, let sql = app.db as? any SQLDatabase {
        try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
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

    /// The scope a signed-in account's request would have.
    func scope(of username: String) async throws -> Scope {
        let user = try await self.user(username)
        var ids: [Int] = []
        if let inspector = user.inspectorID {
            ids = try await Assignment.currentSchoolIDs(inspectorID: inspector, on: db)
        }
        return Scope(principal: Principal(user), assignedSchoolIDs: ids)
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
