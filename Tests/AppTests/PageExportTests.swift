import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// The exports of the office's other lists and tables (plans, summaries and cases, 六个一 detail, coverage,
/// bulletins, accounts, messages): each carries what its page shows, over every page, and nothing outside the
/// account's scope.
final class PageExportTests: XCTestCase {
    func testAnInspectorExportsTheirOwnPlansAndReportsAndTheOfficeEveryonesWithTheirText() async throws {
        try await withApp { app in
            let me = try await app.user("inspector")
            let inspector = try await login(app, "inspector")
            let office = try await login(app, "office")

            let myReports = try await inspector.exportRows("/reports/export.csv")
            let allCases = try await office.exportRows("/reports/export.xlsx?kind=caseStudy")
            let myPlans = try await inspector.exportRows("/plans/export.csv")
            let allPlans = try await office.exportRows("/plans/export.csv")
            let myVisitPlans = try await inspector.exportRows("/visit-plans/export.csv")

            let mine = try await WorkReport.query(on: app.db).filter(\.$inspectorID == me.inspectorID!).all()
            XCTAssertFalse(mine.isEmpty)
            XCTAssertEqual(Set(myReports.dropFirst().map { $0[2] }), Set(mine.map(\.title)))
            XCTAssertEqual(myReports.dropFirst().map(\.last), mine.sorted { $0.id! > $1.id! }.map(\.body), "full text")
            let cases = try await WorkReport.query(on: app.db).filter(\.$kind == .caseStudy).count()
            XCTAssertEqual(allCases.count - 1, cases)
            XCTAssertTrue(allCases.dropFirst().allSatisfy { $0[1] == "督导案例" })
            let name = try await Inspector.find(me.inspectorID, on: app.db)!.name
            XCTAssertFalse(myPlans.count < 2)
            XCTAssertTrue(myPlans.dropFirst().allSatisfy { $0[1] == name }, "only their own")
            let areaPlans = try await AreaPlan.query(on: app.db).count()
            XCTAssertEqual(allPlans.count - 1, areaPlans)
            let visitPlans = try await VisitPlan.query(on: app.db).filter(\.$inspectorID == me.inspectorID!).count()
            XCTAssertEqual(myVisitPlans.count - 1, visitPlans)
        }
    }

    func testTheSixOnesDetailExportsTheRulesAndTheCalendarForTheInspectorAndTheOffice() async throws {
        try await withApp { app in
            let me = try await app.user("inspector")
            let inspector = try await login(app, "inspector")
            let office = try await login(app, "office")

            let own = try await inspector.exportRows("/compliance/mine/export.csv")
            let seen = try await office.exportRows("/compliance/inspectors/\(me.inspectorID!)/export.xlsx")

            XCTAssertEqual(own[0], ["要求", "落实情况"])
            XCTAssertEqual(
                own.dropFirst().prefix(6).map { $0[0] }, ComplianceRule.allCases.map { "\($0.number). \($0.label)" })
            let calendar = try XCTUnwrap(own.firstIndex { $0.first == "学校" })
            let assigned = try await Assignment.current(on: app.db).filter(\.$inspectorID == me.inspectorID!).count()
            XCTAssertGreaterThanOrEqual(own[(calendar + 1)...].prefix { $0.count > 1 }.count, assigned)
            XCTAssertTrue(own.contains { $0.first == "不足项" })
            func trimmed(_ rows: [[String]]) -> [[String]] {
                rows.map { Array($0.reversed().drop(while: \.isEmpty).reversed()) }.filter { !$0.isEmpty }
            }
            XCTAssertEqual(trimmed(own), trimmed(seen), "the same page, whoever reads it")
        }
    }

    func testCoverageExportsTheUncoveredSchoolsOfTheOfficesDistrictOnly() async throws {
        try await withApp { app in
            let second = try await Factory.secondDistrict(on: app.db)
            let ours = try await app.school(1)
            try await Assignment.query(on: app.db).filter(\.$schoolID == ours.id!).delete()
            let office = try await login(app, "office")
            let office2 = try await login(app, "office2")

            let here = try await office.exportRows("/coverage/export.csv")
            let there = try await office2.exportRows("/coverage/export.xlsx")

            XCTAssertEqual(here[0], ["学校代码", "学校", "类型", "镇街"])
            XCTAssertTrue(here.contains { $0[1] == ours.name })
            XCTAssertFalse(here.contains { $0[1] == second.school.name })
            XCTAssertEqual(there.dropFirst().map { $0[1] }, [second.school.name])
        }
    }

    func testBulletinsAccountsAndMessagesExportWithinTheirScope() async throws {
        try await withApp { app in
            _ = try await Factory.secondDistrict(on: app.db)
            let office = try await login(app, "office")
            try await office.get("/bulletins")
            let drafted = try await office.post("/bulletins", form: [("month", "2026-10")])
            XCTAssertEqual(drafted.status, .seeOther)
            let me = try await app.user("inspector")
            for (user, title) in [(me, "给王建华的消息"), (try await app.user("office"), "给督导室的消息")] {
                let n = AppNotification()
                n.userID = user.id!
                n.title = title
                n.link = "/"
                n.read = false
                try await n.create(on: app.db)
            }
            let school = try await login(app, "school")
            let admin = try await login(app, "admin")
            let inspector = try await login(app, "inspector")

            let draftsToo = try await office.exportRows("/bulletins/export.csv")
            let publishedOnly = try await school.exportRows("/bulletins/export.csv")
            let accounts = try await admin.exportRows("/accounts/export.xlsx")
            let messages = try await inspector.exportRows("/notifications/export.csv")

            let bulletins = try await Bulletin.query(on: app.db).all()
            XCTAssertEqual(draftsToo.count - 1, bulletins.count)
            let published = bulletins.filter { $0.state == .published }
            XCTAssertFalse(published.isEmpty)
            XCTAssertEqual(
                publishedOnly.dropFirst().map { $0[1] }, published.map(\.title), "a school reads published issues only")
            let users = try await User.query(on: app.db).count()
            XCTAssertEqual(accounts.count - 1, users, "the admin's city holds every district")
            XCTAssertTrue(accounts.contains { $0[0] == "office2" })
            let office2Accounts = try await login(app, "office2").get("/accounts/export.csv")
            XCTAssertEqual(office2Accounts.status, .forbidden)
            let own = try await AppNotification.query(on: app.db).filter(\.$userID == me.id!).count()
            XCTAssertEqual(messages.count - 1, own)
            XCTAssertTrue(messages.contains { $0[1] == "给王建华的消息" })
            XCTAssertFalse(messages.contains { $0[1] == "给督导室的消息" })
        }
    }

    func testAnExportLinkSitsOnEveryOtherListPage() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            let inspector = try await login(app, "inspector")
            let admin = try await login(app, "admin")
            let id = try await app.user("inspector").inspectorID!
            try await office.post("/monitoring", form: [("year", "2027"), ("testDay", "2027-04-20")])
            let round = try await MonitoringRound.query(on: app.db).first()!
            for (session, page, export) in [
                (office, "/campaigns", "/campaigns/export.csv"), (office, "/bulletins", "/bulletins/export.csv"),
                (office, "/monitoring", "/monitoring/export.csv"),
                (office, "/monitoring/\(round.id!)", "/monitoring/\(round.id!)/export.csv"),
                (office, "/coverage", "/coverage/export.csv"), (office, "/plans", "/plans/export.csv"),
                (office, "/reports", "/reports/export.csv"),
                (office, "/balance/returns?year=2026", "/balance/returns/export.csv?year=2026"),
                (office, "/balance/preschool?year=2026", "/balance/preschool/export.csv?year=2026"),
                (office, "/compliance/inspectors/\(id)", "/compliance/inspectors/\(id)/export.csv"),
                (inspector, "/compliance/mine", "/compliance/mine/export.csv"),
                (inspector, "/visit-plans", "/visit-plans/export.csv"), (admin, "/accounts", "/accounts/export.csv"),
            ] {
                let html = try await session.get(page).body.string
                XCTAssertTrue(html.contains(export), page)
            }
        }
    }
}
