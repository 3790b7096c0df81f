import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 问责 as decisions (问责办法): the timer only proposes; the office decides a measure against a named unit or
/// person, which may answer (申辩) within 15 days; the office records the outcome.
final class AccountabilityRouteTests: XCTestCase {
    /// An issued notice of school 1 sixteen days overdue, after the timer has run: its proposals are recorded.
    static func overdueNotice(_ app: Application) async throws -> (notice: Int, today: Day) {
        let (notice, deadline) = try await EscalationJobTests.issuedNotice(app)
        let today = deadline.adding(days: 16)
        _ = try await EscalationJob.run(on: app.db, today: today)
        return (notice, today)
    }

    /// The office's decision on `notice` against school 1 through the form, dated `decidedOn`.
    static func decide(
        _ office: TestSession, notice: Int, decidedOn: Day, number: String = "城督问〔2026〕1号",
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> Int {
        try await office.get("/accountability/new?notice=\(notice)", file: file, line: line)
        let res = try await office.post(
            "/accountability",
            form: [
                ("source", "notice"), ("sourceID", String(notice)), ("target", "unit"), ("targetName", "城关街道中心小学"),
                ("measure", "unitInterview"), ("reason", "整改通知书逾期十六天未报送整改报告，经提醒仍未整改。"),
                ("documentNumber", number), ("decidedOn", decidedOn.description),
            ], file: file, line: line)
        guard let id = redirectID(res, under: "/accountability") else {
            throw TestSetupError("deciding failed: \(res.status.code) \(res.body.string.prefix(300))")
        }
        return id
    }

    func testTheTimerProposesInterviewAndNoticeButDecidesNothing() async throws {
        try await withApp(history: false) { app in
            let (notice, _) = try await Self.overdueNotice(app)
            let office = try await login(app, "office")

            let page = try await office.get("/accountability")

            let steps = try await app.escalations("notice", notice)
            XCTAssertEqual(steps, ["escalate:reminder", "propose:interview", "propose:publicNotice"])
            let decisions = try await AccountabilityDecision.query(on: app.db).count()
            XCTAssertEqual(decisions, 0, "no 通报 without the office")
            XCTAssertTrue(page.body.string.contains("待决定的问责建议"))
            XCTAssertTrue(page.body.string.contains("逾期16天，建议通报（待督导室决定）"))
            XCTAssertTrue(page.body.string.contains(#"href="/accountability/new?notice=\#(notice)""#))
        }
    }

    func testAnOverdueComplaintAtTheOfficeRemindsTheOfficeAndNeverTheSchool() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let receipt = try await submitPublicComplaint(app, PublicComplaint(district: district.id!))
            let code = try XCTUnwrap(trackingCode(in: receipt.body.string))
            let complaint = try await app.complaint(code: code)
            XCTAssertEqual(complaint.state, .received)
            let deadline = try XCTUnwrap(complaint.deadline.flatMap(Day.init(parsing:)))
            let schoolUser = try await app.user("school").id!

            _ = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 20))

            let steps = try await app.escalations("complaint", complaint.id!)
            XCTAssertEqual(steps, ["escalate:reminder", "escalate:interview", "escalate:publicNotice"])
            XCTAssertFalse(steps.contains { $0.hasPrefix("propose:") }, "the office's own delay proposes nothing")
            let toSchool = try await AppNotification.query(on: app.db).filter(\.$userID == schoolUser)
                .filter(\.$link == "/complaints/\(complaint.id!)").count()
            XCTAssertEqual(toSchool, 0)
        }
    }

    func testTheOfficeDecidesTheSchoolAnswersInTimeAndTheOfficeUpholds() async throws {
        try await withApp(history: false) { app in
            let (notice, _) = try await Self.overdueNotice(app)
            let office = try await login(app, "office")
            let form = try await office.get("/accountability/new?notice=\(notice)")
            let id = try await Self.decide(office, notice: notice, decidedOn: TestClock.today)

            let school = try await login(app, "school")
            let seen = try await school.get("/accountability/\(id)")
            let answered = try await school.postMultipart(
                "/accountability/\(id)/respond", fields: [("response", "已于次日完成整改并报送，逾期系网络故障所致。")],
                files: [.png("报送截图.png")])
            let again = try await school.postMultipart("/accountability/\(id)/respond", fields: [("response", "补充")])
            let upheld = try await office.post("/accountability/\(id)/outcome", form: [("outcome", "upheld")])

            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.string.contains(#"value="城关街道中心小学""#), "the school is the proposed target")
            XCTAssertTrue(form.body.string.contains("逾期16天，建议通报"), "the proposal starts the reason")
            XCTAssertEqual(seen.status, .ok)
            XCTAssertTrue(seen.body.string.contains("提出申辩"))
            XCTAssertEqual(answered.status, .seeOther)
            XCTAssertEqual(again.status, .unprocessableEntity, "one answer only")
            XCTAssertTrue(again.body.string.contains("已提交过申辩"))
            XCTAssertEqual(upheld.status, .seeOther)
            let found = try await AccountabilityDecision.find(id, on: app.db)
            let d = try XCTUnwrap(found)
            XCTAssertEqual(d.state, .upheld)
            XCTAssertEqual(d.targetSchoolID, 1)
            XCTAssertEqual(d.storedResponseFiles.map(\.name), ["报送截图.png"])
            let told = try await AppNotification.query(on: app.db).filter(\.$link == "/accountability/\(id)").all()
            XCTAssertTrue(told.contains { $0.title.contains("可在15日内申辩") })
            XCTAssertTrue(told.contains { $0.title.contains("提出申辩") })
            let events = try await app.events("notice", notice).map(\.action)
            XCTAssertTrue(events.contains("decide:unitInterview"))
            let audited = try await AuditEvent.query(on: app.db).filter(\.$entity == "accountability").count()
            XCTAssertEqual(audited, 3, "decided, answered, upheld")
        }
    }

    func testAnAnswerOnTheFifteenthDayIsAcceptedAndOnTheSixteenthRefused() async throws {
        try await withApp(history: false) { app in
            let (notice, _) = try await Self.overdueNotice(app)
            let office = try await login(app, "office")
            let inTime = try await Self.decide(office, notice: notice, decidedOn: TestClock.today.adding(days: -15))
            let late = try await Self.decide(
                office, notice: notice, decidedOn: TestClock.today.adding(days: -16), number: "城督问〔2026〕2号")
            let school = try await login(app, "school")

            try await school.get("/accountability/\(inTime)")
            let accepted = try await school.postMultipart(
                "/accountability/\(inTime)/respond", fields: [("response", "申辩理由")])
            let latePage = try await school.get("/accountability/\(late)")
            let refused = try await school.postMultipart(
                "/accountability/\(late)/respond", fields: [("response", "申辩理由")])

            XCTAssertEqual(accepted.status, .seeOther)
            XCTAssertFalse(
                latePage.body.string.contains(#"action="/accountability/\#(late)/respond""#), "no form after the window"
            )
            XCTAssertTrue(latePage.body.string.contains("申辩期已于"))
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let foundLate = try await AccountabilityDecision.find(late, on: app.db)
            let lateDecision = try XCTUnwrap(foundLate)
            XCTAssertEqual(lateDecision.state, .decided)
            XCTAssertEqual(lateDecision.response, "")
        }
    }

    func testASecondMeasureInAYearIsAggravatingAndPrintsSo() async throws {
        try await withApp(history: false) { app in
            let (notice, _) = try await Self.overdueNotice(app)
            let office = try await login(app, "office")
            let first = try await Self.decide(office, notice: notice, decidedOn: TestClock.today.adding(days: -30))
            let second = try await Self.decide(
                office, notice: notice, decidedOn: TestClock.today, number: "城督问〔2026〕2号")

            let firstPage = try await office.get("/accountability/\(first)")
            let secondPage = try await office.get("/accountability/\(second)")
            let print = try await office.get("/accountability/\(second)/print")

            XCTAssertFalse(firstPage.body.string.contains("从重情节"))
            XCTAssertTrue(secondPage.body.string.contains("本年度已对该对象问责1次，依问责办法属从重情节"))
            XCTAssertEqual(print.status, .ok)
            XCTAssertTrue(print.body.string.contains("教育督导问责决定书"))
            XCTAssertTrue(print.body.string.contains("从重处理"))
        }
    }

    func testAnotherSchoolAndTheInspectorCannotSeeItAndOnlyTheOfficeDecides() async throws {
        try await withApp(history: false) { app in
            let (notice, _) = try await Self.overdueNotice(app)
            let office = try await login(app, "office")
            let id = try await Self.decide(office, notice: notice, decidedOn: TestClock.today)
            try await Factory.schoolAccount("school2", for: try await app.school(2), on: app.db)
            let other = try await login(app, "school2")
            let inspector = try await login(app, "inspector")
            let leader = try await login(app, "leader")

            let otherPage = try await other.get("/accountability/\(id)")
            let otherList = try await other.get("/accountability")
            let inspectorPage = try await inspector.get("/accountability/\(id)")
            let leaderPage = try await leader.get("/accountability/\(id)")
            let leaderDecides = try await leader.post("/accountability/\(id)/outcome", form: [("outcome", "withdrawn")])
            let otherAnswers = try await other.postMultipart(
                "/accountability/\(id)/respond", fields: [("response", "x")])

            XCTAssertEqual(otherPage.status, .notFound)
            XCTAssertFalse(otherList.body.string.contains("城督问〔2026〕1号"))
            XCTAssertEqual(inspectorPage.status, .notFound)
            XCTAssertEqual(leaderPage.status, .ok)
            XCTAssertFalse(leaderPage.body.string.contains("保存处理结果"))
            XCTAssertEqual(leaderDecides.status, .forbidden)
            XCTAssertEqual(otherAnswers.status, .notFound)
        }
    }

    func testASecondTapWithTheSameNumberMakesNoSecondDecision() async throws {
        try await withApp(history: false) { app in
            let (notice, _) = try await Self.overdueNotice(app)
            let office = try await login(app, "office")
            _ = try await Self.decide(office, notice: notice, decidedOn: TestClock.today)

            let again = try await office.post(
                "/accountability",
                form: [
                    ("source", "notice"), ("sourceID", String(notice)), ("target", "unit"), ("targetName", "城关街道中心小学"),
                    ("measure", "unitInterview"), ("reason", "整改通知书逾期十六天未报送整改报告，经提醒仍未整改。"),
                    ("documentNumber", "城督问〔2026〕1号"), ("decidedOn", TestClock.today.description),
                ])

            XCTAssertEqual(again.status, .unprocessableEntity)
            XCTAssertTrue(again.body.string.contains("文号“城督问〔2026〕1号”已有问责决定，请核对"))
            let count = try await AccountabilityDecision.query(on: app.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func testARefusedDecisionKeepsWhatWasTypedAndSavesNothing() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/accountability/new")

            let res = try await office.post(
                "/accountability",
                form: [
                    ("target", "person"), ("targetName", "张某（某校副校长）"), ("measure", "unitInterview"),
                    ("reason", "太短"), ("documentNumber", ""), ("decidedOn", "2099-01-01"),
                ])

            XCTAssertEqual(res.status, .unprocessableEntity)
            let html = res.body.string
            XCTAssertTrue(html.contains("“约谈”适用于单位，与问责对象不符"))
            XCTAssertTrue(html.contains("请写明问责事由（至少10个字）"))
            XCTAssertTrue(html.contains("请填写文号"))
            XCTAssertTrue(html.contains("决定日期不能晚于今天"))
            XCTAssertTrue(html.contains(#"value="张某（某校副校长）""#))
            let saved = try await AccountabilityDecision.query(on: app.db).count()
            XCTAssertEqual(saved, 0)
        }
    }
}
