import Foundation
import SQLKit
import Vapor

@testable import App

/// On PostgreSQL each test gets a database of its own, copied (`CREATE DATABASE … TEMPLATE`) from a template that
/// was migrated and seeded once per test run — one with the demo's history, one without. Copying takes a fraction
/// of a second where migrating and seeding again took seconds in every test.
actor PostgresTestDatabases {
    static let shared = PostgresTestDatabases()

    /// A connection to the run's own database (TEST_DATABASE_URL) for creating and dropping the copies.
    private var admin: Application?
    private var templates: [Bool: String] = [:]
    private var made = 0
    private let prefix = "dudao_t\(getpid())_"

    /// A fresh copy of the template for `history`: its URL (for the test's application) and its name.
    func make(baseURL: String, history: Bool) async throws -> (url: String, name: String) {
        let sql = try await adminDatabase(baseURL)
        let template = try await template(history: history, baseURL: baseURL, sql: sql)
        made += 1
        let name = prefix + String(made)
        try await sql.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template)").run()
        return (try Self.url(baseURL, database: name), name)
    }

    /// An empty database (to restore a backup into), dropped like a copy.
    func makeEmpty(baseURL: String) async throws -> (url: String, name: String) {
        let sql = try await adminDatabase(baseURL)
        made += 1
        let name = prefix + "e" + String(made)
        try await sql.raw("CREATE DATABASE \(ident: name)").run()
        return (try Self.url(baseURL, database: name), name)
    }

    /// Drops a test's copy, once its application has closed its connections. Without `FORCE`: the server then
    /// stops an autovacuum worker still in the copy itself, where `FORCE` would have to signal it and is refused
    /// to a role that is not a superuser. A copy that cannot be dropped now is left for the next run's clean-up.
    func drop(_ name: String) async throws {
        guard let sql = admin?.db as? any SQLDatabase else { return }
        for attempt in 1...3 {
            do {
                try await sql.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
                return
            } catch  where attempt < 3 {
                try await Task.sleep(for: .milliseconds(200))
            } catch {
                return
            }
        }
    }

    private func adminDatabase(_ baseURL: String) async throws -> any SQLDatabase {
        if let sql = admin?.db as? any SQLDatabase { return sql }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        var config = AppConfig.forTesting()
        config.database = .postgres(url: baseURL, schema: nil)
        try await configure(app, config)
        admin = app
        guard let sql = app.db as? any SQLDatabase else { throw TestSetupError("the test database is not SQL") }
        try await dropLeftovers(sql)
        return sql
    }

    /// Copies and templates left by runs that ended without cleaning up (their process is gone).
    private func dropLeftovers(_ sql: any SQLDatabase) async throws {
        struct Row: Decodable { let datname: String }
        let names = try await sql.raw("SELECT datname FROM pg_database WHERE datname LIKE 'dudao\\_t%'")
            .all(decoding: Row.self).map(\.datname)
        for name in names {
            let digits = name.dropFirst("dudao_t".count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0 else { continue }
            try? await sql.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
        }
    }

    private func template(history: Bool, baseURL: String, sql: any SQLDatabase) async throws -> String {
        if let name = templates[history] { return name }
        let name = prefix + (history ? "tpl_history" : "tpl_plain")
        try await sql.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
        try await sql.raw("CREATE DATABASE \(ident: name)").run()
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        var config = AppConfig.forTesting()
        config.database = .postgres(url: try Self.url(baseURL, database: name), schema: nil)
        do {
            try await configure(app, config)
            try await prepareDatabase(app)
            try await DemoSeed.seed(app.db, cost: 4, history: history)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        // A template may have no connection open while it is copied.
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: config.dataDir)
        templates[history] = name
        return name
    }

    static func url(_ base: String, database: String) throws -> String {
        guard var parts = URLComponents(string: base) else { throw TestSetupError("TEST_DATABASE_URL is not a URL") }
        parts.path = "/" + database
        guard let url = parts.string else { throw TestSetupError("cannot build a URL for \(database)") }
        return url
    }
}
