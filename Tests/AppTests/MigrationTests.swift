import DudaoCore
import Fluent
import FluentSQLiteDriver
import SQLKit
import XCTVapor

@testable import App

/// The schema's migrations go up on an empty database, all the way down, and up again.
final class MigrationTests: XCTestCase {
    func testEveryMigrationRevertsAndRunsAgain() async throws {
        try await withEmptyApp { app in
            let tables = try await tableNames(app)
            XCTAssertTrue(tables.contains("complaints"))

            try await app.autoRevert()
            let afterRevert = try await tableNames(app).subtracting(["_fluent_migrations"])
            XCTAssertEqual(afterRevert, [], "revert leaves no table behind")

            try await app.autoMigrate()
            let again = try await tableNames(app)
            XCTAssertEqual(again, tables)
        }
    }

    /// M048's and M049's partial indexes hold the notices and complaints of every open state, so that PostgreSQL may
    /// read open rows in deadline order from them; SQLite, which would never read them, does not get them.
    func testTheOpenStateIndexesCoverTheOpenStatesOnPostgreSQLOnly() async throws {
        XCTAssertEqual(M048_OpenNoticeDeadlineIndex.openStates, NoticeState.open.map(\.rawValue))
        XCTAssertEqual(
            M049_OpenComplaintDeadlineIndex.openStates, ComplaintState.allCases.filter(\.isOpen).map(\.rawValue))
        try await withEmptyApp { app in
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            struct Name: Decodable { let name: String }
            let names = ["idx_notices_open_deadline", "idx_complaints_open_deadline"]
            let listed = SQLKit.SQLList(names.map { SQLBind($0) })
            let catalogue: SQLQueryString =
                sql.isSQLite
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (\(listed))"
                : "SELECT indexname AS name FROM pg_indexes WHERE indexname IN (\(listed))"

            let found = try await sql.raw(catalogue).all(decoding: Name.self).map(\.name)

            XCTAssertEqual(Set(found), sql.isSQLite ? [] : Set(names))
        }
    }

    /// A database that ran the first M003 and M004 (problems.visit_id required, two indexes missing) is
    /// brought to the current schema by M008, its rows kept.
    func testM008RepairsADatabaseMigratedWithTheFirstM003AndM004() async throws {
        try await withApp(history: false) { app in
            guard let sql = app.db as? any SQLDatabase else { return }
            let school = try await app.school(1)
            let inspector = try await app.inspector(named: "王建华")
            let visit = MatrixFixtures.makeVisit(
                school: school, inspector: inspector, status: .submitted, day: TestClock.today)
            try await visit.save(on: app.db)
            for n in 1...3 {
                try await MatrixFixtures.makeProblem(visit: visit, disposition: .rectify, text: "问题\(n)").save(
                    on: app.db)
            }
            // Put the database back as the first M003/M004 left it.
            try await sql.raw("DROP INDEX idx_visits_date").run()
            try await sql.raw("DROP INDEX IF EXISTS idx_problems_state_org").run()
            let kept = try await Problem.query(on: app.db).count()
            XCTAssertEqual(kept, 3)
            if app.db.isSQLite {
                try await SQLiteTableRebuild.rebuild("problems", on: app.db) {
                    $0.replacingOccurrences(of: "\"visit_id\" INTEGER", with: "\"visit_id\" INTEGER NOT NULL")
                }
            } else {
                try await sql.raw("ALTER TABLE problems ALTER COLUMN visit_id SET NOT NULL").run()
            }
            let required = try await visitIDIsOptional(sql)
            XCTAssertFalse(required)
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name = 'M008_SchemaRepair'").run()

            try await app.autoMigrate()

            let optional = try await visitIDIsOptional(sql)
            let dateIndex = try await indexExists("idx_visits_date", sql)
            let stateIndex = try await indexExists("idx_problems_state_org", sql)
            XCTAssertTrue(optional)
            XCTAssertTrue(dateIndex)
            XCTAssertTrue(stateIndex)
            let after = try await Problem.query(on: app.db).count()
            XCTAssertEqual(after, kept)
        }
    }

    private func visitIDIsOptional(_ sql: any SQLDatabase) async throws -> Bool {
        struct Column: Decodable {
            let name: String
            let notnull: Int
        }
        struct Nullable: Decodable { let is_nullable: String }
        if sql.dialect.name == "sqlite" {
            return try await sql.raw("PRAGMA table_info(problems)").all(decoding: Column.self).first {
                $0.name == "visit_id"
            }?.notnull == 0
        }
        return try await sql.raw(
            """
            SELECT is_nullable FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'problems' AND column_name = 'visit_id'
            """
        ).first(decoding: Nullable.self)?.is_nullable == "YES"
    }

    private func indexExists(_ name: String, _ sql: any SQLDatabase) async throws -> Bool {
        struct Count: Decodable { let n: Int }
        let query: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index' AND name = \(bind: name)"
            : "SELECT COUNT(*) AS n FROM pg_indexes WHERE schemaname = current_schema() AND indexname = \(bind: name)"
        return try await sql.raw(query).first(decoding: Count.self)?.n == 1
    }

    private func tableNames(_ app: Application) async throws -> Set<String> {
        guard let sql = app.db as? any SQLDatabase else { return [] }
        struct Name: Decodable { let name: String }
        if sql.dialect.name == "sqlite" {
            return Set(
                try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                    .all(decoding: Name.self).map(\.name))
        }
        return Set(
            try await sql.raw(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            )
            .all(decoding: Name.self).map(\.name))
    }
}
