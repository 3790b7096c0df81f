import DudaoCore
import Fluent
import XCTest

@testable import App

/// Every role's home starts with what it must do, each item a link to its record, from the demo district
/// (seen on the test clock's day, 2026-11-30).
final class HomeTodoTests: XCTestCase {
    /// The text of the home's to-do section.
    func todo(_ session: TestSession) async throws -> String {
        let res = try await session.get("/")
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        guard let start = html.range(of: #"<section class="todo""#),
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else {
            XCTFail("no to-do section")
            return ""
        }
        return String(html[start.lowerBound..<end.upperBound])
    }

    func testTheInspectorSeesSchoolsToVisitReviewsComplaintsAndShortfalls() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")

            let list = try await todo(inspector)

            XCTAssertTrue(list.contains("本月待督导学校"))
            XCTAssertTrue(list.contains("城关初级中学"))
            XCTAssertTrue(list.contains("今天到期"), "the month ends today")
            XCTAssertTrue(list.contains("未提交的督导记录"))
            XCTAssertTrue(list.contains("待复查的整改"))
            XCTAssertTrue(list.contains("青督整〔2026〕2号"))
            XCTAssertTrue(list.contains("交办的举报投诉"))
            XCTAssertTrue(list.contains("TS-QC26-4567"))
            XCTAssertTrue(list.contains("逾期12天"))
            XCTAssertTrue(list.contains("“六个一”不足项"))
            let notice = try await app.notice(number: "青督整〔2026〕2号")
            XCTAssertTrue(list.contains(#"href="/notices/\#(notice.id!)""#))
        }
    }

    func testTheOfficeSeesIntakeLateNoticesLateComplaintsInspectorsBehindAndPlansToFile() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let list = try await todo(office)

            XCTAssertTrue(list.contains("待受理的投诉"))
            XCTAssertTrue(list.contains("TS-QC26-2345"))
            XCTAssertTrue(list.contains("逾期或三天内到期的整改"))
            XCTAssertTrue(list.contains("青督整〔2026〕3号"))
            XCTAssertTrue(list.contains("逾期18天"))
            XCTAssertTrue(list.contains("临近或超过时限的投诉"))
            XCTAssertTrue(list.contains("TS-QC26-5678"))
            XCTAssertTrue(list.contains("本月尚有学校未督导的督学"))
            XCTAssertTrue(list.contains("待备案的片区工作计划"))
        }
    }

    func testTheOfficeSeesANoticeWaitingForApprovalAndASevereProblemOfTheWeek() async throws {
        try await withApp { app in
            try await app.changeDistrictSettings { $0.noticeRequiresApproval = true }
            let inspector = try await login(app, "inspector")
            let (_, problem) = try await inspector.recordVisitWithProblem(
                school: 1, description: "消防通道被杂物堵塞", severity: .urgent)
            // Found on the test's today: Fluent stamps a new record with the real time.
            try await Problem.query(on: app.db).filter(\.$id == problem).set(\.$createdAt, to: TestClock.now).update()
            let id = try await inspector.createNotice(school: 1, problems: [problem])
            try await inspector.act(onNotice: id, .submitForApproval)
            let office = try await login(app, "office")

            let list = try await todo(office)

            XCTAssertTrue(list.contains("待审批的整改通知书"))
            XCTAssertTrue(list.contains(#"href="/notices/\#(id)""#))
            XCTAssertTrue(list.contains("近七天发现的严重问题"))
            XCTAssertTrue(list.contains("消防通道被杂物堵塞"))
        }
    }

    func testTheLeaderReadsTheSameHeadlinesUnderItsOwnHeading() async throws {
        try await withApp { app in
            let leader = try await login(app, "leader")

            let list = try await todo(leader)

            XCTAssertTrue(list.contains("需要关注的事项"))
            XCTAssertTrue(list.contains("逾期或三天内到期的整改"))
            XCTAssertFalse(list.contains("待审批的整改通知书"), "a leader does not see notices before they are issued")
        }
    }

    func testTheSchoolSeesItsOwnNoticeToSignAndNoOtherSchools() async throws {
        try await withApp { app in
            let school = try await login(app, "school")

            let list = try await todo(school)

            XCTAssertTrue(list.contains("待签收的整改通知书"))
            XCTAssertTrue(list.contains("青督整〔2026〕1号"))
            XCTAssertTrue(list.contains("还剩20天"))
            XCTAssertFalse(list.contains("青督整〔2026〕3号"), "another school's notice")
            XCTAssertFalse(list.contains("青督整〔2026〕2号"), "another school's notice")
        }
    }

    func testSigningMovesTheNoticeFromToSignToToRectify() async throws {
        try await withApp { app in
            let school = try await login(app, "school")
            let notice = try await app.notice(number: "青督整〔2026〕1号")

            try await school.act(onNotice: notice.id!, .acknowledge)
            let list = try await todo(school)

            XCTAssertFalse(list.contains("待签收的整改通知书"))
            XCTAssertTrue(list.contains("待整改"))
            XCTAssertTrue(list.contains("青督整〔2026〕1号"))
        }
    }

    func testInspectorsBehindCountsEveryInspectorWithAnUnvisitedSchoolAndListsTheMostBehindFirst() async throws {
        try await withApp { app in
            let office = try await app.user("office")
            let month = YearMonth(TestClock.today)
            let visited = Set(
                try await Visit.query(on: app.db).filter(\.$status == .submitted)
                    .filter(\.$visitDate >= month.firstDay.description).filter(
                        \.$visitDate <= month.lastDay.description
                    )
                    .all().map(\.schoolID))
            let openSchools = Set(try await School.query(on: app.db).filter(\.$status == .open).all().compactMap(\.id))
            let active = Set(try await Inspector.query(on: app.db).filter(\.$status == .active).all().compactMap(\.id))
            let unvisited = try await Assignment.current(on: app.db).all().filter {
                openSchools.contains($0.schoolID) && active.contains($0.inspectorID) && !visited.contains($0.schoolID)
            }
            let expected = Dictionary(grouping: unvisited, by: \.inspectorID).mapValues(\.count)

            let (rows, total) = try await HomeTodo.inspectorsBehind(
                scope: Scope(principal: Principal(office), assignedSchoolIDs: []), today: TestClock.today, on: app.db)

            XCTAssertGreaterThan(total, 0, "the demo has inspectors behind this month")
            XCTAssertEqual(total, expected.count)
            XCTAssertEqual(rows.count, min(HomeTodo.shown, expected.count))
            XCTAssertEqual(rows.map(\.schools), rows.map { expected[$0.id] ?? -1 })
            XCTAssertEqual(rows.map(\.schools), rows.map(\.schools).sorted(by: >), "the most behind first")
        }
    }
}
