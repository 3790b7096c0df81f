import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// The timer's 督办: overdue notices and complaints escalate 提醒 → 约谈 → 通报 by the district's policy, each step once.
/// The job is called directly with an explicit `today`, so nothing depends on the real date.
final class EscalationJobTests: XCTestCase {
    /// A notice for school 1 issued through the pages on a clean slate (no demo history), with its deadline.
    static func issuedNotice(_ app: Application) async throws -> (id: Int, deadline: Day) {
        let (_, notice, _) = try await RectificationLoopTests.issuedNotice(app)
        guard let deadline = try await app.notice(notice).deadlineDay else {
            throw TestSetupError("notice without deadline")
        }
        return (notice, deadline)
    }

    // MARK: - Notices

    func testNothingEscalatesOnTheDeadlineItself() async throws {
        try await withApp(history: false) { app in
            let (notice, deadline) = try await Self.issuedNotice(app)

            let outcome = try await EscalationJob.run(on: app.db, today: deadline)

            XCTAssertEqual(outcome.escalated, 0)
            let steps = try await app.escalations("notice", notice)
            XCTAssertEqual(steps, [])
            let after = try await app.notice(notice)
            XCTAssertNil(after.escalation)
        }
    }

    func testTheDayAfterTheDeadlineAnIssuedNoticeGetsAReminderOnce() async throws {
        try await withApp(history: false) { app in
            let (notice, deadline) = try await Self.issuedNotice(app)
            let day = deadline.adding(days: 1)

            let first = try await EscalationJob.run(on: app.db, today: day)
            let eventsAfterFirst = try await app.events("notice", notice).count
            let second = try await EscalationJob.run(on: app.db, today: day)
            let eventsAfterSecond = try await app.events("notice", notice).count

            XCTAssertEqual(first.escalated, 1)
            XCTAssertEqual(first.checked, 1)
            let steps = try await app.escalations("notice", notice)
            XCTAssertEqual(steps, ["escalate:reminder"])
            let reminded = try await app.notice(notice)
            XCTAssertEqual(reminded.escalation, .reminder)
            XCTAssertEqual(reminded.state, .issued, "escalation does not change the state")
            XCTAssertEqual(second.escalated, 0, "the same day again takes no step")
            XCTAssertEqual(second.checked, 1)
            XCTAssertEqual(eventsAfterSecond, eventsAfterFirst)
        }
    }

    func testTheEighthDayOverdueAddsTheInterviewAndTheSixteenthThePublicNotice() async throws {
        try await withApp(history: false) { app in
            let (notice, deadline) = try await Self.issuedNotice(app)
            _ = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 1))

            let seventh = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 7))
            let eighth = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 8))
            let interviewed = try await app.notice(notice)
            let sixteenth = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 16))

            XCTAssertEqual(seventh.escalated, 0)
            XCTAssertEqual(eighth.escalated, 1)
            XCTAssertEqual(interviewed.escalation, .interview)
            XCTAssertEqual(sixteenth.escalated, 1)
            let steps = try await app.escalations("notice", notice)
            XCTAssertEqual(steps, ["escalate:reminder", "propose:interview", "propose:publicNotice"])
            let published = try await app.notice(notice)
            XCTAssertEqual(published.escalation, .publicNotice)
        }
    }

    func testAJobThatFirstRunsLateTakesEveryDueStepAtOnceAndEndsAtTheHarshest() async throws {
        try await withApp(history: false) { app in
            let (notice, deadline) = try await Self.issuedNotice(app)

            let outcome = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 10))

            XCTAssertEqual(outcome.escalated, 2)
            let steps = try await app.escalations("notice", notice)
            XCTAssertEqual(steps, ["escalate:reminder", "propose:interview"])
            let after = try await app.notice(notice)
            XCTAssertEqual(after.escalation, .interview)
        }
    }

    func testEscalationTellsTheOfficeTheInspectorAndTheSchool() async throws {
        try await withApp(history: false) { app in
            let (notice, deadline) = try await Self.issuedNotice(app)
            let link = "/notices/\(notice)"
            let before = try await AppNotification.query(on: app.db).filter(\.$link == link).count()

            _ = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 1))

            let told = try await AppNotification.query(on: app.db).filter(\.$link == link).all()
                .filter { $0.title.contains("逾期1天未报送整改报告，请尽快办理") }.map(\.userID)
            let expected = [
                try await app.user("office").id!, try await app.user("inspector").id!, try await app.user("school").id!,
            ]
            XCTAssertEqual(Set(told), Set(expected))
            let after = try await AppNotification.query(on: app.db).filter(\.$link == link).count()
            XCTAssertEqual(after, before + 3, "one each, not one per role query")
        }
    }

    func testClosedReportedAndDraftNoticesAreNeverEscalated() async throws {
        try await withApp(history: false) { app in
            // One closed through the pages, one reported and waiting for the re-check, one still a draft.
            let (inspector, _, closed, _) = try await RectificationLoopTests.reportedNotice(app)
            try await inspector.act(onNotice: closed, .close, comment: "整改到位")
            try await assertState(app, notice: closed, .closed)
            let (_, _, reported, _) = try await RectificationLoopTests.reportedNotice(app)
            let (_, problem) = try await inspector.recordVisitWithProblem(school: 2, description: "食堂留样记录缺少签字。")
            let draft = try await inspector.createNotice(school: 2, problems: [problem])
            let latest = try await RectificationNotice.query(on: app.db).all().compactMap(\.deadlineDay).max()
            let farLater = try XCTUnwrap(latest).adding(days: 60)

            let outcome = try await EscalationJob.run(on: app.db, today: farLater)

            XCTAssertEqual(outcome.checked, 0)
            XCTAssertEqual(outcome.escalated, 0)
            for id in [closed, reported, draft] {
                let steps = try await app.escalations("notice", id)
                XCTAssertEqual(steps, [], "notice \(id)")
                let n = try await app.notice(id)
                XCTAssertNil(n.escalation, "notice \(id)")
            }
        }
    }

    func testTheDemoClosedNoticeIsNeverEscalatedWhileTheDemoOverdueOneGoesOnToThePublicNotice() async throws {
        try await withApp { app in
            let closed = try await app.notice(number: "青督整〔2026〕4号")
            let overdue = try await app.notice(number: "青督整〔2026〕3号")
            XCTAssertEqual(closed.state, .closed)
            XCTAssertEqual(overdue.escalation, .interview)
            let closedDeadline = try XCTUnwrap(closed.deadlineDay)
            let overdueDeadline = try XCTUnwrap(overdue.deadlineDay)
            let closedEvents = try await app.events("notice", closed.id!).count

            _ = try await EscalationJob.run(on: app.db, today: closedDeadline.adding(days: 100))
            _ = try await EscalationJob.run(on: app.db, today: overdueDeadline.adding(days: 16))

            let closedAfter = try await app.notice(closed.id!)
            XCTAssertNil(closedAfter.escalation)
            let closedEventsAfter = try await app.events("notice", closed.id!).count
            XCTAssertEqual(closedEventsAfter, closedEvents)
            let steps = try await app.escalations("notice", overdue.id!)
            XCTAssertEqual(
                steps, ["escalate:reminder", "propose:interview", "propose:publicNotice"],
                "the demo's reminder and interview are not taken again")
            let overdueAfter = try await app.notice(overdue.id!)
            XCTAssertEqual(overdueAfter.escalation, .publicNotice)
        }
    }

    func testADistrictPolicyChangesWhenStepsComeDue() async throws {
        try await withApp(history: false) { app in
            let policy = EscalationPolicy(steps: [
                .init(step: .reminder, afterDaysOverdue: 3), .init(step: .interview, afterDaysOverdue: 5),
            ])
            let json = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
            try await app.changeDistrictSettings { $0.escalation = json }
            let (notice, deadline) = try await Self.issuedNotice(app)

            let third = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 3))
            let fourth = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 4))
            let sixth = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 6))
            let much = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 60))

            XCTAssertEqual([third.escalated, fourth.escalated, sixth.escalated, much.escalated], [0, 1, 1, 0])
            let steps = try await app.escalations("notice", notice)
            XCTAssertEqual(
                steps, ["escalate:reminder", "propose:interview"], "no public notice in this district's policy")
        }
    }

    // MARK: - Complaints

    func testAnOverdueComplaintEscalatesOncePerStep() async throws {
        try await withApp { app in
            let complaint = try await app.complaint(code: "TS-QC26-4567")
            XCTAssertEqual(complaint.state, .verifying)
            XCTAssertNil(complaint.escalation)
            let deadline = try XCTUnwrap(complaint.deadline.flatMap(Day.init(parsing:)))
            let day = deadline.adding(days: 1)

            _ = try await EscalationJob.run(on: app.db, today: day)
            let eventsAfterFirst = try await app.events("complaint", complaint.id!).count
            let second = try await EscalationJob.run(on: app.db, today: day)
            let eventsAfterSecond = try await app.events("complaint", complaint.id!).count

            let steps = try await app.escalations("complaint", complaint.id!)
            XCTAssertEqual(steps, ["escalate:reminder"])
            let reminded = try await app.complaint(complaint.id!)
            XCTAssertEqual(reminded.escalation, .reminder)
            XCTAssertEqual(reminded.state, .verifying)
            XCTAssertEqual(second.escalated, 0, "nothing at all is taken twice on the same day")
            XCTAssertEqual(eventsAfterSecond, eventsAfterFirst)

            _ = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 8))
            let later = try await app.escalations("complaint", complaint.id!)
            XCTAssertEqual(later, ["escalate:reminder", "propose:interview"])
        }
    }

    func testTheDemoComplaintAlreadyInterviewedIsNotRemindedAgain() async throws {
        try await withApp { app in
            let complaint = try await app.complaint(code: "TS-QC26-5678")
            XCTAssertEqual(complaint.state, .handling)
            XCTAssertEqual(complaint.escalation, .interview)
            let deadline = try XCTUnwrap(complaint.deadline.flatMap(Day.init(parsing:)))

            _ = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 8))
            let steps = try await app.escalations("complaint", complaint.id!)

            XCTAssertEqual(steps, ["escalate:reminder", "propose:interview"])
            let after = try await app.complaint(complaint.id!)
            XCTAssertEqual(after.escalation, .interview)
        }
    }

    func testRepliedClosedAndRejectedComplaintsAreNeverEscalated() async throws {
        try await withApp { app in
            let finished = ["TS-QC26-6789", "TS-QC26-7892", "TS-QC26-8923"]
            var before: [Int: Int] = [:]
            for code in finished {
                let c = try await app.complaint(code: code)
                before[c.id!] = try await app.events("complaint", c.id!).count
            }

            _ = try await EscalationJob.run(on: app.db, today: Day(year: 2030, month: 1, day: 1)!)

            for code in finished {
                let c = try await app.complaint(code: code)
                let count = try await app.events("complaint", c.id!).count
                XCTAssertEqual(count, before[c.id!], code)
                XCTAssertNil(c.escalation, code)
            }
        }
    }
    // MARK: - Due soon

    func testASchoolIsRemindedOnceThreeDaysBeforeTheDeadline() async throws {
        try await withApp(history: false) { app in
            let (notice, deadline) = try await Self.issuedNotice(app)
            let schoolUser = try await app.user("school")
            let before = try await AppNotification.query(on: app.db).filter(\.$userID == schoolUser.id!).count()

            let early = try await DueSoonJob.run(on: app.db, today: deadline.adding(days: -4), now: TestClock.now)
            let due = try await DueSoonJob.run(on: app.db, today: deadline.adding(days: -3), now: TestClock.now)
            let again = try await DueSoonJob.run(on: app.db, today: deadline.adding(days: -1), now: TestClock.now)

            XCTAssertEqual([early, due, again], [0, 1, 0])
            let actions = try await app.events("notice", notice).map(\.action)
            XCTAssertEqual(actions.filter { $0 == "due-soon" }.count, 1)
            let after = try await AppNotification.query(on: app.db).filter(\.$userID == schoolUser.id!).count()
            XCTAssertEqual(after, before + 1)
            let n = try await app.notice(notice)
            XCTAssertNil(n.escalation, "a reminder before the deadline is not an escalation")
        }
    }

    func testNoDueSoonReminderForAReportedNotice() async throws {
        try await withApp(history: false) { app in
            let (_, _, notice, _) = try await RectificationLoopTests.reportedNotice(app)
            let reported = try await app.notice(notice)
            let deadline = try XCTUnwrap(reported.deadlineDay)

            let sent = try await DueSoonJob.run(on: app.db, today: deadline.adding(days: -1), now: TestClock.now)

            XCTAssertEqual(sent, 0)
        }
    }
    // MARK: - 督办清单

    func testTheOfficeSeesTheStepsTakenInTheEscalationsList() async throws {
        try await withApp(history: false) { app in
            let (notice, deadline) = try await Self.issuedNotice(app)
            let number = try await app.notice(notice).number
            _ = try await EscalationJob.run(on: app.db, today: deadline.adding(days: 8))
            let office = try await login(app, "office")

            let res = try await office.get("/escalations")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains("整改通知书 \(number)"))
            XCTAssertTrue(html.contains(#"href="/notices/\#(notice)""#))
            XCTAssertTrue(html.contains("逾期8天，提醒办理"))
            XCTAssertTrue(html.contains("逾期8天，建议约谈（待督导室决定）"))
        }
    }

    func testTheEscalationsListIsForTheOfficeOfTheDistrictOnly() async throws {
        try await withApp { app in
            let overdue = try await app.notice(number: "青督整〔2026〕3号")
            let second = try await Factory.secondDistrict(on: app.db)
            XCTAssertEqual(second.office.username, "office2")
            let otherOffice = try await login(app, "office2")
            let school = try await login(app, "school")
            let inspector = try await login(app, "inspector")

            let other = try await otherOffice.get("/escalations")
            let bySchool = try await school.get("/escalations")
            let byInspector = try await inspector.get("/escalations")

            XCTAssertEqual(other.status, .ok)
            XCTAssertFalse(other.body.string.contains(overdue.number))
            XCTAssertTrue(other.body.string.contains("暂无督办事项"))
            XCTAssertEqual(bySchool.status, .forbidden)
            XCTAssertEqual(byInspector.status, .forbidden)
        }
    }
}
