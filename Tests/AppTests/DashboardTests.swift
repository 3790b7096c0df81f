import DudaoCore
import Fluent
import Foundation
import XCTVapor

@testable import App

/// 数据看板: every figure equals the records behind it, counted here another way; the filters narrow every
/// panel; the page reads on a phone and names the district.
final class DashboardTests: XCTestCase {
    func load(_ app: Application, township: Int? = nil, type: SchoolType? = nil) async throws -> Dashboard {
        let district = try await app.demoDistrict()
        let settings = try await DistrictSettings.forDistrict(district.id!, on: app.db)
        return try await Dashboard.load(
            root: district, input: .init(township: township, type: type), today: TestClock.clock.today,
            terms: settings.terms, categories: settings.categories, on: app.db)
    }

    func testThePageDrawnOnceWithItsKeptFiguresIsThePageDrawnWhole() async throws {
        try await withApp { app in
            var board = try await load(app)
            board.countedAt = fixtureTime
            let ctx = PageContext.fixture(.office, path: "/dashboard")

            let kept = DashboardView(ctx: ctx, content: DashboardContent.drawn(board, countedAt: fixtureTime))

            XCTAssertEqual(kept.document().render(), DashboardView(ctx: ctx, model: board).document().render())
            XCTAssertTrue(kept.document().render().contains("数据统计于"), "the drawn part says when it was counted")
        }
    }

    func testTheFiguresEqualTheRecordsBehindThem() async throws {
        try await withApp { app in
            let today = TestClock.clock.today
            let since = DashboardFigures.months(endingAt: today, count: 12)[0].firstDay.date()

            let board = try await load(app)

            let problems = try await Problem.query(on: app.db).filter(\.$createdAt >= since).all()
            XCTAssertGreaterThan(problems.count, 0, "the demo history has problems")
            for c in board.categories {
                XCTAssertEqual(c.open, problems.filter { $0.category == c.key && $0.state == .open }.count, c.key)
                XCTAssertEqual(c.closed, problems.filter { $0.category == c.key && $0.state == .closed }.count, c.key)
            }
            XCTAssertEqual(board.categories.reduce(0) { $0 + $1.total }, problems.count)
            // Records are stamped by the system clock: count those up to the end of the test's month.
            let end = YearMonth(today).next.firstDay.date()
            XCTAssertEqual(board.found.reduce(0, +), problems.filter { $0.createdAt! < end }.count)
            let closedNotices = try await RectificationNotice.query(on: app.db).filter(\.$state == .closed).all()
            for (k, m) in board.months.enumerated() {
                let (from, to) = (m.firstDay.date(), m.next.firstDay.date())
                XCTAssertEqual(
                    board.found[k], problems.filter { $0.createdAt! >= from && $0.createdAt! < to }.count, "\(m)")
                XCTAssertEqual(
                    board.closed[k], closedNotices.filter { $0.closedAt.map { $0 >= from && $0 < to } ?? false }.count,
                    "\(m)")
            }
            let month = YearMonth(today)
            let visits = try await Visit.query(on: app.db).filter(\.$status == .submitted)
                .filter(\.$visitDate >= month.firstDay.description).filter(\.$visitDate <= month.lastDay.description)
                .all()
            XCTAssertEqual(board.visitedThisMonth, Set(visits.map(\.schoolID)).count)
            let open = try await School.query(on: app.db).filter(\.$status == .open).count()
            XCTAssertEqual(board.schools, open)
            let overdue = try await RectificationNotice.query(on: app.db)
                .filter(\.$state ~~ [.issued, .acknowledged, .returned]).all()
                .filter { $0.deadline < today.description }.count
            XCTAssertEqual(board.noticesOverdue, overdue)
        }
    }

    func testAFilterNarrowsEveryPanel() async throws {
        try await withApp { app in
            let school = try await School.find(1, on: app.db)!
            let all = try await load(app)

            let one = try await load(app, township: school.townshipID, type: .kindergarten)

            let kindergartens = try await School.query(on: app.db).filter(\.$townshipID == school.townshipID)
                .filter(\.$type == .kindergarten).filter(\.$status == .open).count()
            XCTAssertEqual(one.schools, kindergartens)
            XCTAssertLessThan(one.categories.reduce(0) { $0 + $1.total }, all.categories.reduce(0) { $0 + $1.total })
            let ids = try await School.query(on: app.db).filter(\.$townshipID == school.townshipID)
                .filter(\.$type == .kindergarten).all().compactMap(\.id)
            let problems = try await Problem.query(on: app.db).filter(\.$schoolID ~~ ids).count()
            XCTAssertEqual(one.categories.reduce(0) { $0 + $1.total }, problems)
            XCTAssertTrue(one.scopeLabel.hasSuffix("幼儿园"))
        }
    }

    func testTheLeaderReadsThePageAndAWrongFilterIsRefused() async throws {
        try await withApp { app in
            let leader = try await login(app, "leader")

            let page = try await leader.get("/dashboard")
            let wrongType = try await leader.get("/dashboard?type=university")
            let hugeTownship = try await leader.get("/dashboard?township=99999999999999999999")

            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("青川区，截至 2026年"))
            XCTAssertTrue(page.body.string.contains("<svg"))
            XCTAssertEqual(wrongType.status, .badRequest)
            XCTAssertEqual(hugeTownship.status, .badRequest)
        }
    }

    func testACityAccountSeesEveryDistrictBelowIt() async throws {
        try await withApp { app in
            let second = try await Factory.secondDistrict(on: app.db)
            let city = try await OrgUnit.find(second.district.parentID!, on: app.db)!
            let settings = try await DistrictSettings.forDistrict(second.district.id!, on: app.db)

            let board = try await Dashboard.load(
                root: city, input: .init(), today: TestClock.today, terms: settings.terms,
                categories: settings.categories, on: app.db)

            let below = try await School.query(on: app.db).filter(\.$status == .open)
                .filter(\.$orgPath >= city.path).filter(\.$orgPath < city.path + ":").count()
            XCTAssertTrue(board.isCity)
            XCTAssertEqual(board.schools, below)
            XCTAssertTrue(board.townships.contains { $0.label == second.district.name })
        }
    }

    func testEachTownshipTileCountsItsOwnSchoolsVisitsAndOpenProblems() async throws {
        try await withApp { app in
            let board = try await load(app)

            let district = try await app.demoDistrict()
            let terms = try await DistrictSettings.forDistrict(district.id!, on: app.db).terms
            let span = DashboardFigures.span(of: board.semester, terms: terms)
            let schools = try await School.query(on: app.db).filter(\.$status == .open).all()
            let visits = try await Visit.query(on: app.db).filter(\.$status == .submitted)
                .filter(\.$visitDate >= span.lowerBound.description)
                .filter(\.$visitDate <= span.upperBound.description).all()
            let open = try await Problem.query(on: app.db).filter(\.$state == .open).all()
            let township = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.townshipID) })
            XCTAssertEqual(board.tiles.count, board.townships.count)
            for tile in board.tiles {
                XCTAssertEqual(tile.schools, schools.filter { $0.townshipID == tile.id }.count, tile.name)
                let visited = Set(visits.map(\.schoolID).filter { township[$0] == tile.id })
                XCTAssertEqual(tile.visited, visited.count, tile.name)
                XCTAssertEqual(tile.openProblems, open.filter { township[$0.schoolID] == tile.id }.count, tile.name)
            }
            XCTAssertEqual(board.tiles.reduce(0) { $0 + $1.schools }, board.schools)
            XCTAssertEqual(board.tiles.reduce(0) { $0 + $1.visited }, board.visitedThisSemester)
        }
    }

    func testLastMonthsInspectorsFurthestBehindComeFirstWithTheirAssignedSchoolsVisited() async throws {
        try await withApp { app in
            let month = YearMonth(TestClock.clock.today).previous

            let board = try await load(app)

            let current = try await Assignment.query(on: app.db).filter(\.$endDate == nil).all()
            let visits = try await Visit.query(on: app.db).filter(\.$status == .submitted)
                .filter(\.$visitDate >= month.firstDay.description).filter(\.$visitDate <= month.lastDay.description)
                .all()
            XCTAssertFalse(board.inspectorsBehind.isEmpty, "the demo has responsible inspectors")
            for i in board.inspectorsBehind {
                let mine = Set(current.filter { $0.inspectorID == i.id }.map(\.schoolID))
                XCTAssertEqual(i.assigned, mine.count, i.name)
                let visited = Set(
                    visits.filter { $0.inspectorID == i.id && mine.contains($0.schoolID) }.map(\.schoolID))
                XCTAssertEqual(i.visited, visited.count, i.name)
            }
            let shares = board.inspectorsBehind.map { Double($0.visited) / Double($0.assigned) }
            XCTAssertEqual(shares, shares.sorted(), "the smallest share of schools visited first")
            let responsible = try await Inspector.query(on: app.db).filter(\.$status == .active)
                .filter(\.$id ~~ Set(current.map(\.inspectorID))).all()
            let done = responsible.filter { i in
                let mine = Set(current.filter { $0.inspectorID == i.id }.map(\.schoolID))
                return mine.isSubset(of: Set(visits.filter { $0.inspectorID == i.id }.map(\.schoolID)))
            }
            XCTAssertEqual(board.inspectorsDoneLastMonth, Share(done.count, of: responsible.count))
            XCTAssertEqual(board.inspectorsDone.whole, responsible.count)
            XCTAssertLessThanOrEqual(board.inspectorsDone.part, board.inspectorsDone.whole)
        }
    }

    func testTheMedianIsTheMiddleValue() {
        XCTAssertNil(DashboardFigures.median([]))
        XCTAssertEqual(DashboardFigures.median([5]), 5)
        XCTAssertEqual(DashboardFigures.median([9, 1, 4]), 4)
        XCTAssertEqual(DashboardFigures.median([1, 2, 3, 10]), 2.5)
        let months = DashboardFigures.months(endingAt: Day(year: 2026, month: 2, day: 10)!, count: 3)
        XCTAssertEqual(months.map(\.description), ["2025-12", "2026-01", "2026-02"])
        XCTAssertEqual(Share(1, of: 4).ratio, 0.25)
        XCTAssertNil(Share(1, of: 0).ratio)
    }

    func testTheMedianOfCountedValuesIsTheMedianOfTheValuesTheyCount() {
        let cases: [[(value: Int, count: Int)]] = [
            [], [(7, 0)], [(3, 1)], [(10, 2), (2, 1)], [(5, 2), (1, 2)], [(4, 3), (9, 1), (0, 2), (6, 0)],
            [(1, 1), (2, 1), (3, 1), (10, 1)], [(30, 1000), (2, 999)],
        ]
        for counts in cases {
            let values = counts.flatMap { Array(repeating: $0.value, count: max(0, $0.count)) }.sorted()
            let middle: Double? =
                values.isEmpty
                ? nil
                : values.count % 2 == 1
                    ? Double(values[values.count / 2])
                    : Double(values[values.count / 2 - 1] + values[values.count / 2]) / 2
            XCTAssertEqual(DashboardFigures.median(ofCounts: counts), middle, "\(counts)")
        }
        XCTAssertEqual(DashboardFigures.median(ofCounts: [(5, 2), (1, 2)]), 3)
        XCTAssertNil(DashboardFigures.median(ofCounts: [(7, 0)]))
    }
}
