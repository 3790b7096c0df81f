import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// The office acts where the rules let it (issue 9, item 3): it records a visit itself, alone or with a team of
/// inspectors, and issues a 整改通知书 on a problem of its district.
final class OfficeVisitTests: XCTestCase {
    func testTheOfficeRecordsAVisitWithATeamAndTheTeamIsCreditedAndFollowsItsProblemsUp() async throws {
        try await withApp(history: false) { app in
            let li = try await app.inspector(named: "李秀英")
            let before =
                try await app.compliance(inspector: li.id!).creditedVisits[li.id!]?[YearMonth(TestClock.today)] ?? 0
            let office = try await login(app, "office")

            let school = try await office.get("/schools/1")
            let form = try await office.get("/visits/new?school=1")
            let id = try await office.createVisit(school: 1, members: [li.id!])
            let draft = try await office.get("/visits/\(id)")
            _ = try await office.post("/visits/\(id)", form: [("summary", "督导室会同责任区督学开展随机督导。")])
            _ = try await office.post("/visits/\(id)/observations", form: VisitFormTests.lesson())
            let problem = try await office.post(
                "/visits/\(id)/problems",
                form: [
                    ("category", "安全"), ("severity", "serious"), ("disposition", "rectify"),
                    ("description", "实验室危化品未双人双锁管理。"),
                ])
            let submitted = try await office.post("/visits/\(id)/submit")
            let list = try await office.get("/visits")

            XCTAssertTrue(school.body.string.contains("新建督导记录"), "the school page offers the office a visit")
            XCTAssertEqual(form.status, .ok)
            XCTAssertFalse(form.body.string.contains(#"name="plan""#), "plans are an inspector's")
            XCTAssertTrue(form.body.string.contains("督导组成员"))
            XCTAssertTrue(draft.body.string.contains("督导室 陈立新、李秀英"))
            XCTAssertFalse(draft.body.string.contains("未关联督导方案"))
            XCTAssertEqual(problem.status, .seeOther)
            XCTAssertEqual(submitted.status, .seeOther)
            let visit = try await app.visit(id)
            XCTAssertNil(visit.inspectorID)
            XCTAssertEqual(visit.status, .submitted)
            let problems = try await Problem.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(problems.map(\.inspectorID), [li.id!], "the team member follows the problem up")
            XCTAssertTrue(list.body.string.contains("督导室 陈立新"))
            XCTAssertTrue(list.body.string.contains(#"href="/visits/new""#), "the list offers the office a new visit")
            let credited = try await app.compliance(inspector: li.id!)
            XCTAssertEqual(
                credited.creditedVisits[li.id!]?[YearMonth(TestClock.today)], before + 1,
                "the member's 六个一 counts the visit")
        }
    }

    func testAVisitTheOfficeRecordsAloneIsFollowedUpByTheSchoolsResponsibleInspector() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let id = try await office.createVisit(school: 1, kind: "random")
            _ = try await office.post("/visits/\(id)", form: [("summary", "随机督导食堂。")])
            _ = try await office.post(
                "/visits/\(id)/problems",
                form: [
                    ("category", "食堂卫生"), ("severity", "minor"), ("disposition", "rectify"),
                    ("description", "食品留样记录不全。"),
                ])

            let problems = try await Problem.query(on: app.db).filter(\.$visitID == id).all()
            let responsible = try await DirectoryQueries.currentInspectors(of: [1], on: app.db)[1]
            XCTAssertEqual(problems.map(\.inspectorID), [responsible?.id].compactMap { $0 })
        }
    }

    func testNoOneElseEditsTheOfficesDraftAndAnotherDistrictsOfficeCannotRecordHere() async throws {
        try await withApp(history: false) { app in
            let other = try await Factory.secondDistrict(on: app.db)
            let office = try await login(app, "office")
            let id = try await office.createVisit(school: 1)
            let inspector = try await login(app, "inspector")
            let office2 = try await login(app, "office2")

            let byInspector = try await inspector.post("/visits/\(id)", form: [("summary", "改写")])
            let otherForm = try await office2.get("/visits/new?school=1")
            let otherEdit = try await office2.post("/visits/\(id)", form: [("summary", "改写")])
            let ownSchool = try await office2.get("/visits/new?school=\(other.school.id!)")

            XCTAssertEqual(byInspector.status, .notFound, "a draft is not readable by others")
            XCTAssertEqual(otherForm.status, .forbidden)
            XCTAssertEqual(otherEdit.status, .notFound)
            XCTAssertEqual(ownSchool.status, .ok)
            let summary = try await app.visit(id).summary
            XCTAssertEqual(summary, "")
        }
    }
}
