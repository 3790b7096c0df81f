import DudaoCore
import Fluent
import SQLKit
import XCTVapor

@testable import App

/// The indexes a hot query was given are the ones SQLite chooses for it. SQLite plans without statistics of value
/// ranges, so a query that two indexes serve may pick the worse one; PostgreSQL plans from its own statistics of
/// the data, which a test database is too small to show.
final class QueryPlanTests: XCTestCase {
    func testTheWeeksSevereProblemsAreReadByDateForEveryOffice() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            for username in ["office", "leader"] {
                let scope = try await app.scope(of: username)
                let week = HomeTodo.severeOfWeek(scope: scope, today: TestClock.today, on: app.db)

                let countPlan = try await plan(of: week.countQuery, on: app.db)
                let rowsPlan = try await plan(
                    of: week.copy().limit(HomeTodo.shown).rowsQuery(columns: HomeTodo.ProblemLine.columns), on: app.db)

                for plan in [countPlan, rowsPlan] {
                    XCTAssertTrue(
                        plan.contains(
                            "idx_problems_severity_created_org_draft (severity=? AND created_at>? AND created_at<?)"),
                        "\(username): \(plan)")
                }
            }
        }
    }

    /// A narrower index for the count, (status, org_path), was tried and dropped: SQLite then read the page through it
    /// and sorted every school of the subtree.
    func testTheSchoolListReadsItsPageInNameOrder() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let scope = try await app.scope(of: "office")
            let list = SchoolList.filtered(SchoolList.Filter(), scope: scope, on: app.db).sort(\.$name).sort(\.$id)

            let pagePlan = try await plan(
                of: list.copy().limit(50).rowsQuery(columns: SchoolList.Listed.columns), on: app.db)

            XCTAssertTrue(pagePlan.contains("INDEX idx_schools_status_name_id "), pagePlan)
            XCTAssertFalse(pagePlan.contains("TEMP B-TREE"), "the page is read in order, not sorted: \(pagePlan)")
        }
    }

    /// The count of the list reads the subtree's range, not every open school of M045's (status, id, org_path), and
    /// counts what the plain condition counts (see `SchoolList.filtered`).
    func testTheSchoolListCountsTheSubtreesRange() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let scope = try await app.scope(of: "office")
            for status in [nil, "closed", "all"] {
                var filter = SchoolList.Filter()
                filter.status = status

                let counted = SchoolList.filtered(filter, scope: scope, on: app.db, counting: true)
                let countPlan = try await plan(of: counted.countQuery, on: app.db)
                let total = try await counted.rowCount()
                let plainTotal = try await SchoolList.filtered(filter, scope: scope, on: app.db).rowCount()

                XCTAssertTrue(
                    countPlan.contains("INDEX idx_schools_org_status_name (org_path>? AND org_path<?)"),
                    "\(status ?? "open"): \(countPlan)")
                XCTAssertEqual(total, plainTotal, status ?? "open")
            }
        }
    }

    func testTheAPIsSchoolListReadsItsPageInIDOrder() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let scope = try await app.scope(of: "office")
            let list = SchoolList.filtered(SchoolList.Filter(), scope: scope, on: app.db).sort(\.$id)

            let pagePlan = try await plan(
                of: list.copy().limit(50).rowsQuery(columns: APIController.SchoolDTO.Row.columns), on: app.db)

            XCTAssertTrue(pagePlan.contains("INDEX idx_schools_status_id_org "), pagePlan)
            XCTAssertFalse(pagePlan.contains("TEMP B-TREE"), "the page is read in order, not sorted: \(pagePlan)")
        }
    }

    private func plan(of query: DatabaseQuery, on db: any Database) async throws -> String {
        struct Step: Decodable { let detail: String }
        let steps = try await (db as! any SQLDatabase).raw(
            "EXPLAIN QUERY PLAN \(query.sql)"
        ).all(decoding: Step.self)
        return steps.map(\.detail).joined(separator: "; ")
    }
}
