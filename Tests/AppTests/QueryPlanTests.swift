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

    /// At the tree's root. A narrower index for the count, (status, org_path), was tried and dropped: SQLite then read
    /// the page through it and sorted every school of the subtree.
    func testTheSchoolListReadsItsPageInNameOrder() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let scope = try await app.office(at: .city)
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

    /// At the tree's root.
    func testTheAPIsSchoolListReadsItsPageInIDOrder() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let scope = try await app.office(at: .city)
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

/// Reads narrowed to part of the tree: the status or state that holds for half a table chooses no index there
/// (`BroadCondition`), and the rows are the ones the plain condition reads.
final class NarrowQueryPlanTests: XCTestCase {
    func testANodeBelowTheRootHoldsPartOfTheTree() {
        XCTAssertFalse(Subtree.isBelowRoot("/1/"))
        XCTAssertTrue(Subtree.isBelowRoot("/1/2/"))
        XCTAssertTrue(Subtree.isBelowRoot("/1/2/3/"))
    }

    func testABroadConditionIsAnExpressionOnSQLiteWhenTheQueryIsNarrowed() async throws {
        try await withApp { app in
            let sql = app.db as! any SQLDatabase
            func written(narrowed: Bool) -> String {
                sql.serialize(BroadCondition.equals("p.state", "open", narrowed: narrowed, on: sql)).sql
            }

            XCTAssertEqual(written(narrowed: true), sql.isSQLite ? "+p.state = ?1" : "p.state = $1")
            XCTAssertEqual(written(narrowed: false), sql.isSQLite ? "p.state = ?1" : "p.state = $1")
        }
    }

    func testPartOfTheSchoolsIsReadByItsRangeOrItsIDs() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let district = try await app.scope(of: "office")
            let inspector = try await app.scope(of: "inspector")
            let root = try await app.office(at: .city)

            for (who, scope, index) in [
                ("district office", district, "idx_schools_org_status_name (org_path>? AND org_path<?)"),
                ("inspector", inspector, "INTEGER PRIMARY KEY (rowid=?)"),
            ] {
                let list = SchoolList.filtered(SchoolList.Filter(), scope: scope, on: app.db).sort(\.$name).sort(\.$id)
                let pagePlan = try await plan(
                    of: list.copy().limit(50).rowsQuery(columns: SchoolList.Listed.columns), on: app.db)
                let ids = try await list.all().map(\.id)
                let plainIDs = try await scope.schoolAccess.readable(School.query(on: app.db))
                    .filter(\.$status == .open).sort(\.$name).sort(\.$id).all().map(\.id)

                XCTAssertTrue(scope.readsPartOfSchools, who)
                XCTAssertTrue(pagePlan.contains(index), "\(who): \(pagePlan)")
                XCTAssertFalse(ids.isEmpty, who)
                XCTAssertEqual(ids, plainIDs, who)
            }
            XCTAssertFalse(root.readsPartOfSchools, "the root's pages read the status-first indexes in order")
        }
    }

    func testAnInspectorsProblemRegisterReadsTheirOwnAndTheirSchoolsProblems() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let scope = try await app.scope(of: "inspector")
            let sql = app.db as! any SQLDatabase
            for state in [ProblemState.open, .closed] {
                var filter = ProblemRegister.Filter()
                filter.state = state.rawValue
                let body =
                    ProblemRegister.from(filter) + " " + ProblemRegister.whereClause(filter, scope: scope, on: sql)

                let countPlan = try await plan(of: "SELECT COUNT(*) AS n " + body, on: sql)
                let counted = try await sql.raw("SELECT COUNT(*) AS n " + body).first(decoding: Count.self)?.n
                let expected = try await Problem.query(on: app.db).filter(\.$draft == false).filter(\.$state == state)
                    .group(.or) {
                        $0.filter(\.$inspectorID == scope.principal.inspectorID!)
                            .filter(\.$schoolID ~~ scope.assignedSchoolIDs)
                    }.count()

                XCTAssertTrue(countPlan.contains("idx_problems_inspector_state_draft (inspector_id=?"), countPlan)
                XCTAssertTrue(countPlan.contains("idx_problems_school_state_draft (school_id=?"), countPlan)
                XCTAssertEqual(counted, expected, state.rawValue)
            }
        }
    }

    /// At the tree's root a broad filter matches much of the province: the page walks the problems newest first
    /// instead of sorting every match, and finds the rows the indexed read finds. A school's problems keep their index.
    func testTheRootsProblemRegisterWalksTheProblemsNewestFirst() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let root = try await app.office(at: .city)
            let sql = app.db as! any SQLDatabase
            for (state, severity) in [(nil, nil), ("all", "serious"), ("closed", nil), ("all", nil)] {
                var filter = ProblemRegister.Filter()
                (filter.state, filter.severity) = (state, severity)

                let page = ProblemRegister.pageIDs(filter, scope: root, limit: 5, offset: 1, before: nil, on: sql)
                let pagePlan = try await plan(of: page, on: sql)
                let walked = try await sql.raw(page).all(decoding: ID.self).map(\.id)
                let indexed = try await sql.raw(
                    "SELECT p.id FROM problems p " + ProblemRegister.whereClause(filter, scope: root, on: sql)
                        + " ORDER BY p.id DESC LIMIT 5 OFFSET 1"
                ).all(decoding: ID.self).map(\.id)

                XCTAssertTrue(ProblemRegister.walksByID(filter, scope: root))
                XCTAssertFalse(pagePlan.contains("TEMP B-TREE"), "\(filter): \(pagePlan)")
                XCTAssertEqual(walked, indexed, "\(filter)")
                XCTAssertFalse(walked.isEmpty, "\(filter)")
            }
            var school = ProblemRegister.Filter()
            school.school = 1
            XCTAssertFalse(ProblemRegister.walksByID(school, scope: root), "a school's problems are read by its index")
            let district = try await app.scope(of: "office")
            XCTAssertFalse(ProblemRegister.walksByID(ProblemRegister.Filter(), scope: district), "a subtree's range")
        }
    }

    /// At the tree's root the visit list reads the newest visits through the date's index instead of sorting a
    /// province's visits, and finds the rows the subtree's index finds. Drafts and a district keep the subtree's index.
    func testTheRootsVisitListReadsTheNewestThroughTheDatesIndex() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let root = try await app.office(at: .city)
            let newestFirst = { (q: QueryBuilder<Visit>) in q.sort(\.$visitDate, .descending).sort(\.$id, .descending) }
            func page(_ filter: VisitList.Filter, _ scope: Scope, byDate: Bool) -> QueryBuilder<Visit> {
                newestFirst(VisitList.filtered(filter, scope: scope, on: app.db, newestFirst: byDate)).limit(5)
            }
            for status in [nil, "submitted"] {
                var filter = VisitList.Filter()
                filter.status = status

                let pagePlan = try await plan(
                    of: page(filter, root, byDate: true).rowsQuery(columns: ["id"]), on: app.db)
                let read = try await page(filter, root, byDate: true).all(\.$id)
                let indexed = try await page(filter, root, byDate: false).all(\.$id)

                XCTAssertTrue(pagePlan.contains("INDEX idx_visits_date"), "\(filter): \(pagePlan)")
                XCTAssertFalse(pagePlan.contains("TEMP B-TREE"), "\(filter): \(pagePlan)")
                XCTAssertEqual(read, indexed, "\(filter)")
                XCTAssertFalse(read.isEmpty, "\(filter)")
            }
            var drafts = VisitList.Filter()
            drafts.status = "draft"
            let draftPlan = try await plan(of: page(drafts, root, byDate: true).rowsQuery(columns: ["id"]), on: app.db)
            let district = try await app.scope(of: "office")
            let districtPlan = try await plan(
                of: page(VisitList.Filter(), district, byDate: true).rowsQuery(columns: ["id"]), on: app.db)

            XCTAssertTrue(draftPlan.contains("idx_visits_org_status_date_school"), "drafts are few: \(draftPlan)")
            XCTAssertTrue(districtPlan.contains("idx_visits_org_status_date_school"), "a range: \(districtPlan)")
        }
    }

    /// At the tree's root the 全部 tab reads the notices in deadline order from M047's index, and the open tab the
    /// open ones alone from M043's (state, deadline, org_path) and sorts them, instead of sorting a province's notices;
    /// either finds the rows the subtree's index finds.
    func testTheRootsNoticeListReadsInDeadlineOrder() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let root = try await app.office(at: .city)
            func page(_ tab: String, inDeadlineOrder: Bool) -> QueryBuilder<RectificationNotice> {
                NoticeList.filtered(
                    NoticeList.Filter(state: tab), scope: root, today: TestClock.today, on: app.db,
                    inDeadlineOrder: inDeadlineOrder
                ).sort(\.$deadline).sort(\.$id).limit(5)
            }
            for (tab, index) in [
                ("all", "idx_notices_deadline_id"), ("open", "idx_notices_state_deadline_org (state=?)"),
            ] {
                let pagePlan = try await plan(
                    of: page(tab, inDeadlineOrder: true).rowsQuery(columns: ["id"]), on: app.db)
                let read = try await page(tab, inDeadlineOrder: true).all(\.$id)
                let indexed = try await page(tab, inDeadlineOrder: false).all(\.$id)

                XCTAssertTrue(pagePlan.contains(index), "\(tab): \(pagePlan)")
                XCTAssertEqual(pagePlan.contains("TEMP B-TREE"), tab == "open", "\(tab): \(pagePlan)")
                XCTAssertEqual(read, indexed, tab)
                XCTAssertFalse(read.isEmpty, tab)
            }
        }
    }

    func testTheMonthsSubmittedReportsAreReadByMonthAndSubtree() async throws {
        try await withApp { app in
            guard app.db.isSQLite else { throw XCTSkip("SQLite's planner only") }
            let scope = try await app.scope(of: "office")

            let submitted = MonthlyReportList.submitted(in: YearMonth(TestClock.today), scope: scope, on: app.db)
            let countPlan = try await plan(of: submitted.countQuery, on: app.db)

            XCTAssertTrue(
                countPlan.contains(
                    "idx_monthly_reports_month_org_submitted (month=? AND org_path>? AND org_path<?)"), countPlan)
        }
    }

    private struct Count: Decodable { let n: Int }
    private struct ID: Decodable { let id: Int }

    private func plan(of query: DatabaseQuery, on db: any Database) async throws -> String {
        try await plan(of: "\(query.sql)", on: db as! any SQLDatabase)
    }

    private func plan(of query: SQLQueryString, on sql: any SQLDatabase) async throws -> String {
        struct Step: Decodable { let detail: String }
        return try await sql.raw("EXPLAIN QUERY PLAN " + query).all(decoding: Step.self).map(\.detail)
            .joined(separator: "; ")
    }
}

extension Application {
    /// The district office's account as if it were filed under the first node of `level` (the demo's root is a city).
    fileprivate func office(at level: OrgLevel) async throws -> Scope {
        let office = Principal(try await user("office"))
        guard let node = try await OrgUnit.query(on: db).filter(\.$level == level).first() else {
            throw TestSetupError("no \(level)")
        }
        return Scope(
            principal: Principal(
                userID: office.userID, username: office.username, displayName: office.displayName, role: office.role,
                orgPath: node.path, orgUnitID: node.id!, schoolID: nil, inspectorID: nil,
                mustChangePassword: false),
            assignedSchoolIDs: [])
    }
}
