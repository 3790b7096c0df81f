import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 整改闭环 on the pages: a problem found on a visit → a numbered notice → issued → the school acknowledges and
/// reports with evidence → the inspector returns it or closes it (销号). Every step is checked on the server.
final class RectificationLoopTests: XCTestCase {
    /// A visit to school 1 with one problem, a notice for it issued by the inspector; the inspector's session stays signed in.
    static func issuedNotice(
        _ app: Application, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> (inspector: TestSession, notice: Int, problem: Int) {
        let inspector = try await login(app, "inspector", file: file, line: line)
        let (_, problem) = try await inspector.recordVisitWithProblem(school: 1, file: file, line: line)
        let notice = try await inspector.createNotice(school: 1, problems: [problem], file: file, line: line)
        let issued = try await inspector.act(onNotice: notice, .issue, file: file, line: line)
        guard issued.status == .seeOther else {
            throw TestSetupError("issuing notice \(notice) failed: \(issued.status.code)")
        }
        return (inspector, notice, problem)
    }

    /// `issuedNotice`, then acknowledged and reported by the school with one PNG; returns the school's session too.
    static func reportedNotice(
        _ app: Application, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> (inspector: TestSession, school: TestSession, notice: Int, problem: Int) {
        let (inspector, notice, problem) = try await issuedNotice(app, file: file, line: line)
        let school = try await login(app, "school", file: file, line: line)
        try await school.get("/notices/\(notice)", file: file, line: line)
        let reported = try await school.report(onNotice: notice, body: "已清理消防通道，更换灭火器6具。", file: file, line: line)
        guard reported.status == .seeOther else {
            throw TestSetupError("reporting on notice \(notice) failed: \(reported.status.code)")
        }
        return (inspector, school, notice, problem)
    }

    // MARK: - The whole loop

    func testAProblemFoundOnAVisitGoesThroughNoticeReportReturnReportAgainAndClose() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let (visit, problemID) = try await inspector.recordVisitWithProblem(school: 1)
            let submittedVisit = try await app.visit(visit)
            XCTAssertEqual(submittedVisit.status, .submitted)

            // The new-notice form offers the problem.
            let form = try await inspector.get("/notices/new?school=1")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(
                form.body.string.contains(#"name="problems[]" value="\#(problemID)""#), "the problem is a candidate")

            // Generate the notice: a draft with the next number of the year.
            let deadline = TestClock.today.adding(days: 20)
            let created = try await inspector.post(
                "/notices",
                form: [
                    ("school", "1"), ("problems[]", String(problemID)), ("requirements", "1. 立即清理消防通道；\n2. 更换过期灭火器。"),
                    ("deadline", deadline.description),
                ])
            XCTAssertEqual(created.status, .seeOther)
            let id = try XCTUnwrap(redirectID(created, under: "/notices"))
            let draft = try await app.notice(id)
            XCTAssertEqual(draft.state, .draft)
            XCTAssertTrue(draft.number.contains("〔\(TestClock.today.year)〕"), "number \(draft.number)")
            XCTAssertTrue(draft.number.hasSuffix("号"))
            XCTAssertEqual(draft.schoolID, 1)
            XCTAssertEqual(draft.inspectorID, 1)
            XCTAssertEqual(draft.deadline, deadline.description)
            let linked = try await app.problem(problemID)
            XCTAssertEqual(linked.noticeID, id)
            XCTAssertEqual(linked.deadline, deadline.description)

            // Issue it.
            let issue = try await inspector.act(onNotice: id, .issue)
            XCTAssertEqual(issue.status, .seeOther)
            XCTAssertEqual(issue.headers.first(name: .location), "/notices/\(id)")
            let issued = try await app.notice(id)
            XCTAssertEqual(issued.state, .issued)
            XCTAssertNotNil(issued.issuedAt)

            // The school sees it in its list and on its page, with the acknowledge button and the report form.
            let school = try await login(app, "school")
            let list = try await school.get("/notices")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.body.string.contains(issued.number))
            XCTAssertTrue(list.body.string.contains(#"href="/notices/\#(id)""#))
            let page = try await school.get("/notices/\(id)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains(issued.number))
            XCTAssertTrue(page.body.string.contains(#"value="acknowledge""#))
            XCTAssertTrue(page.body.string.contains(#"action="/notices/\#(id)/report""#))

            // Acknowledge, then report with a photo.
            let ack = try await school.act(onNotice: id, .acknowledge)
            XCTAssertEqual(ack.status, .seeOther)
            try await assertState(app, notice: id, .acknowledged)
            let report = try await school.report(onNotice: id, body: "已清理消防通道，更换灭火器6具。", files: [.png("现场照片.png")])
            XCTAssertEqual(report.status, .seeOther)
            try await assertState(app, notice: id, .reported)
            let reports = try await RectificationReport.query(on: app.db).filter(\.$noticeID == id).all()
            XCTAssertEqual(reports.count, 1)
            XCTAssertEqual(reports.first?.outcome, "pending")
            XCTAssertEqual(reports.first?.storedFiles.map(\.name), ["现场照片.png"])
            XCTAssertEqual(reports.first?.storedFiles.map(\.type), ["image/png"])

            // A return without a reason is refused with a message; the notice stays reported.
            let bare = try await inspector.act(onNotice: id, .returnReport, comment: "  ")
            XCTAssertEqual(bare.status, .unprocessableEntity)
            XCTAssertTrue(bare.body.string.contains("请填写退回重报的理由"))
            try await assertState(app, notice: id, .reported)

            // Returned with a reason.
            let back = try await inspector.act(onNotice: id, .returnReport, comment: "请补充灭火器检查台账照片。")
            XCTAssertEqual(back.status, .seeOther)
            try await assertState(app, notice: id, .returned)
            let returned = try await RectificationReport.query(on: app.db).filter(\.$noticeID == id).first()
            XCTAssertEqual(returned?.outcome, "returned")
            XCTAssertEqual(returned?.reviewComment, "请补充灭火器检查台账照片。")

            // Reported again, then closed: the problem is closed with it.
            try await school.get("/notices/\(id)")
            let again = try await school.report(onNotice: id, body: "已补充灭火器检查台账。", files: [.png("台账.png")])
            XCTAssertEqual(again.status, .seeOther)
            try await assertState(app, notice: id, .reported)
            let close = try await inspector.act(onNotice: id, .close, comment: "整改到位，同意销号。")
            XCTAssertEqual(close.status, .seeOther)
            let closed = try await app.notice(id)
            XCTAssertEqual(closed.state, .closed)
            XCTAssertNotNil(closed.closedAt)
            try await assertState(app, problem: problemID, .closed)
            let outcomes = try await RectificationReport.query(on: app.db).filter(\.$noticeID == id).sort(\.$id).all()
                .map(\.outcome)
            XCTAssertEqual(outcomes, ["returned", "accepted"])
            let actions = try await app.events("notice", id).map(\.action)
            XCTAssertEqual(actions, ["create", "issue", "acknowledge", "report", "returnReport", "report", "close"])
        }
    }

    // MARK: - Evidence and print

    func testEvidenceFilesDownloadForTheInspectorAndTheSchoolButNotForAnotherSchool() async throws {
        try await withApp { app in
            let (inspector, school, notice, _) = try await Self.reportedNotice(app)
            let report = try await RectificationReport.query(on: app.db).filter(\.$noticeID == notice).first()
            let hash = try XCTUnwrap(report?.storedFiles.first?.hash)
            let path = "/notices/\(notice)/files/\(hash)"
            try await Factory.schoolAccount("school-b", for: try await app.school(2), on: app.db)
            let other = try await login(app, "school-b")

            let byInspector = try await inspector.get(path)
            let bySchool = try await school.get(path)
            let byOther = try await other.get(path)

            XCTAssertEqual(byInspector.status, .ok)
            XCTAssertEqual(byInspector.headers.first(name: .contentType), "image/png")
            XCTAssertEqual(Data(buffer: byInspector.body), tinyPNG)
            XCTAssertEqual(bySchool.status, .ok)
            XCTAssertEqual(Data(buffer: bySchool.body), tinyPNG)
            XCTAssertEqual(byOther.status, .notFound)
            XCTAssertNotEqual(Data(buffer: byOther.body), tinyPNG)
        }
    }

    func testAFileHashNotInTheNoticesReportsIsNotServed() async throws {
        try await withApp { app in
            let (inspector, _, notice, _) = try await Self.reportedNotice(app)
            // A visit photo is in the same store, but it is not evidence of this notice.
            let visit = try await inspector.createVisit(school: 1)
            try await inspector.uploadPhoto(
                "/visits/\(visit)/photos", data: tinyPNG + Data("other".utf8), caption: "别的照片")
            let photo = try await VisitPhoto.query(on: app.db).filter(\.$visitID == visit).first()
            let hash = try XCTUnwrap(photo?.hash)

            let res = try await inspector.get("/notices/\(notice)/files/\(hash)")

            XCTAssertEqual(res.status, .notFound)
        }
    }

    func testPrintPageHasTheNumberBothCopiesAndTheReceiptSlip() async throws {
        try await withApp { app in
            let (inspector, notice, _) = try await Self.issuedNotice(app)
            let number = try await app.notice(notice).number

            let res = try await inspector.get("/notices/\(notice)/print")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains(number))
            XCTAssertTrue(html.contains("第一联"))
            XCTAssertTrue(html.contains("第二联"))
            XCTAssertTrue(html.contains("回　执"))
            XCTAssertTrue(html.contains("责任督学：王建华"))
        }
    }

    // MARK: - Refused on the server

    func testSchoolCannotIssueOrCloseItsOwnNotice() async throws {
        try await withApp { app in
            let (_, notice, _) = try await Self.issuedNotice(app)
            let school = try await login(app, "school")
            try await school.get("/notices/\(notice)")

            let issue = try await school.act(onNotice: notice, .issue)
            let close = try await school.act(onNotice: notice, .close)

            XCTAssertEqual(issue.status, .forbidden)
            XCTAssertTrue(issue.body.string.contains("只有督学或督导室可以下达整改通知书"))
            XCTAssertEqual(close.status, .forbidden)
            XCTAssertTrue(close.body.string.contains("只有督学或督导室可以复查销号"))
            try await assertState(app, notice: notice, .issued)
        }
    }

    func testSchoolCannotCloseEvenAReportedNotice() async throws {
        try await withApp { app in
            let (_, school, notice, problem) = try await Self.reportedNotice(app)

            let close = try await school.act(onNotice: notice, .close)

            XCTAssertEqual(close.status, .forbidden)
            try await assertState(app, notice: notice, .reported)
            try await assertState(app, problem: problem, .open)
        }
    }

    func testAnInspectorCannotOpenTheNoticeFormForASchoolNotTheirs() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")

            let res = try await inspector.get("/notices/new?school=5")

            XCTAssertEqual(res.status, .notFound)
        }
    }

    func testSchoolDoesNotSeeADraftNotice() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let (_, problem) = try await inspector.recordVisitWithProblem(school: 1)
            let notice = try await inspector.createNotice(school: 1, problems: [problem])
            let number = try await app.notice(notice).number
            let school = try await login(app, "school")

            let page = try await school.get("/notices/\(notice)")
            let list = try await school.get("/notices?state=all")
            let acknowledge = try await school.act(onNotice: notice, .acknowledge)

            XCTAssertEqual(page.status, .notFound)
            XCTAssertFalse(list.body.string.contains(number))
            XCTAssertEqual(acknowledge.status, .notFound)
            try await assertState(app, notice: notice, .draft)
        }
    }

    func testLeaderReadsTheNoticeButCannotAct() async throws {
        try await withApp { app in
            let (_, _, notice, _) = try await Self.reportedNotice(app)
            let leader = try await login(app, "leader")

            let page = try await leader.get("/notices/\(notice)")
            let close = try await leader.act(onNotice: notice, .close)
            let back = try await leader.act(onNotice: notice, .returnReport, comment: "领导意见")

            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains(#"value="close""#), "no buttons for the leader")
            XCTAssertEqual(close.status, .forbidden)
            XCTAssertTrue(close.body.string.contains("领导只能查看整改通知书，不能办理"))
            XCTAssertEqual(back.status, .forbidden)
            try await assertState(app, notice: notice, .reported)
        }
    }

    func testAWithdrawnNoticeStillListsItsProblemWhichIsFreeForANewNotice() async throws {
        try await withApp { app in
            let (inspector, notice, problem) = try await Self.issuedNotice(app)
            let office = try await login(app, "office")

            let withdrawn = try await office.act(onNotice: notice, .withdraw, comment: "问题定性有误，重新下达")
            let page = try await office.get("/notices/\(notice)")
            let form = try await inspector.get("/notices/new?school=1")

            XCTAssertEqual(withdrawn.status, .seeOther)
            try await assertState(app, notice: notice, .withdrawn)
            XCTAssertTrue(page.body.string.contains("教学楼消防通道堆放杂物"), "the withdrawn notice still shows what it listed")
            let released = try await app.problem(problem)
            XCTAssertNil(released.noticeID)
            XCTAssertTrue(
                form.body.string.contains(#"name="problems[]" value="\#(problem)""#),
                "the problem can go on a new notice")
        }
    }

    func testTheOfficeOpensANoticeOnAProblemAndIssuesIt() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let (_, problem) = try await inspector.recordVisitWithProblem(school: 1)
            let office = try await login(app, "office")

            let problemPage = try await office.get("/problems/\(problem)")
            let form = try await office.get("/notices/new?school=1&problem=\(problem)")
            let created = try await office.post(
                "/notices",
                form: [
                    ("school", "1"), ("problems[]", String(problem)), ("requirements", "立即清理消防通道。"),
                    ("deadline", TestClock.today.adding(days: 15).description),
                ])
            let id = try XCTUnwrap(redirectID(created, under: "/notices"))
            let issued = try await office.act(onNotice: id, .issue)

            XCTAssertTrue(problemPage.body.string.contains("下达整改通知"), "the office sees the button on the problem")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.string.contains(#"name="problems[]" value="\#(problem)""#))
            XCTAssertEqual(issued.status, .seeOther)
            let notice = try await app.notice(id)
            XCTAssertEqual(notice.state, .issued)
            XCTAssertEqual(notice.inspectorID, 1, "the school's responsible inspector re-checks it")
            let covered = try await app.problem(problem)
            XCTAssertEqual(covered.noticeID, id)
        }
    }

    func testAnotherSchoolCannotLoadActOnOrReportOnTheNotice() async throws {
        try await withApp { app in
            let (_, notice, _) = try await Self.issuedNotice(app)
            let number = try await app.notice(notice).number
            try await Factory.schoolAccount("school-b", for: try await app.school(2), on: app.db)
            let other = try await login(app, "school-b")

            let page = try await other.get("/notices/\(notice)")
            let print = try await other.get("/notices/\(notice)/print")
            let list = try await other.get("/notices?state=all")
            let acknowledge = try await other.act(onNotice: notice, .acknowledge)
            let report = try await other.report(onNotice: notice, body: "冒名报送")

            XCTAssertEqual(page.status, .notFound)
            XCTAssertFalse(page.body.string.contains(number))
            XCTAssertEqual(print.status, .notFound)
            XCTAssertFalse(list.body.string.contains(number))
            XCTAssertEqual(acknowledge.status, .notFound)
            XCTAssertEqual(report.status, .notFound)
            try await assertState(app, notice: notice, .issued)
            let reports = try await RectificationReport.query(on: app.db).filter(\.$noticeID == notice).count()
            XCTAssertEqual(reports, 0)
        }
    }

    func testTheDemoSchoolCannotOpenTheNoticeOfSchool2() async throws {
        try await withApp { app in
            let notice = try await app.notice(number: "青督整〔2026〕2号")
            XCTAssertEqual(notice.schoolID, 2)
            let school = try await login(app, "school")

            let res = try await school.get("/notices/\(notice.id!)")

            XCTAssertEqual(res.status, .notFound)
        }
    }

    func testWithApprovalRequiredTheInspectorSubmitsAndTheOfficeApprovesToIssue() async throws {
        try await withApp { app in
            try await app.changeDistrictSettings { $0.noticeRequiresApproval = true }
            let inspector = try await login(app, "inspector")
            let (_, problem) = try await inspector.recordVisitWithProblem(school: 1)
            let notice = try await inspector.createNotice(school: 1, problems: [problem])

            // Issuing directly is refused.
            let issue = try await inspector.act(onNotice: notice, .issue)
            XCTAssertEqual(issue.status, .forbidden)
            XCTAssertTrue(issue.body.string.contains("本区要求整改通知书经督导室审批后下达"))
            try await assertState(app, notice: notice, .draft)

            // Submitted for approval: the office is told.
            let submit = try await inspector.act(onNotice: notice, .submitForApproval)
            XCTAssertEqual(submit.status, .seeOther)
            try await assertState(app, notice: notice, .pendingApproval)
            let officeID = try await app.user("office").id!
            let toOffice = try await AppNotification.query(on: app.db).filter(\.$userID == officeID)
                .filter(\.$link == "/notices/\(notice)").count()
            XCTAssertEqual(toOffice, 1)

            // The inspector cannot approve their own notice; the office approves: issued.
            let selfApprove = try await inspector.act(onNotice: notice, .approve)
            XCTAssertEqual(selfApprove.status, .forbidden)
            let office = try await login(app, "office")
            try await office.get("/notices/\(notice)")
            let approve = try await office.act(onNotice: notice, .approve, comment: "同意下达")
            XCTAssertEqual(approve.status, .seeOther)
            let issued = try await app.notice(notice)
            XCTAssertEqual(issued.state, .issued)
            XCTAssertNotNil(issued.issuedAt)
        }
    }

    // MARK: - Bad report input

    func testAReportWithoutTextIsRefusedAndNothingIsSaved() async throws {
        try await withApp { app in
            let (_, notice, _) = try await Self.issuedNotice(app)
            let school = try await login(app, "school")
            try await school.get("/notices/\(notice)")

            let res = try await school.report(onNotice: notice, body: "   ")

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请填写整改情况"))
            let reports = try await RectificationReport.query(on: app.db).filter(\.$noticeID == notice).count()
            XCTAssertEqual(reports, 0)
            try await assertState(app, notice: notice, .issued)
        }
    }

    func testAReportWithAFileThatIsNotAnImageOrPDFIsRefusedAndNothingIsSaved() async throws {
        try await withApp { app in
            let (_, notice, _) = try await Self.issuedNotice(app)
            let school = try await login(app, "school")
            try await school.get("/notices/\(notice)")

            let res = try await school.report(onNotice: notice, body: "已整改。", files: [.png(), .text("说明.txt")])

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("“说明.txt”不是可接受的文件"))
            let reports = try await RectificationReport.query(on: app.db).filter(\.$noticeID == notice).count()
            XCTAssertEqual(reports, 0)
            try await assertState(app, notice: notice, .issued)
        }
    }

    func testAPDFIsAcceptedAsEvidence() async throws {
        try await withApp { app in
            let (_, notice, _) = try await Self.issuedNotice(app)
            let school = try await login(app, "school")
            try await school.get("/notices/\(notice)")
            let pdf = UploadPart(
                field: "files[]", fileName: "整改方案.pdf", contentType: "application/pdf",
                data: Data("%PDF-1.4\n%…\n".utf8))

            let res = try await school.report(onNotice: notice, body: "附整改方案。", files: [pdf])

            XCTAssertEqual(res.status, .seeOther)
            let report = try await RectificationReport.query(on: app.db).filter(\.$noticeID == notice).first()
            XCTAssertEqual(report?.storedFiles.map(\.type), ["application/pdf"])
        }
    }

    func testNoticeRequiresAProblemRequirementsAndAFutureDeadline() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let (_, problem) = try await inspector.recordVisitWithProblem(school: 1)
            let before = try await RectificationNotice.query(on: app.db).count()
            try await inspector.get("/notices/new?school=1")

            let res = try await inspector.post(
                "/notices",
                form: [
                    ("school", "1"), ("requirements", ""), ("deadline", TestClock.today.description),
                ])

            XCTAssertEqual(res.status, .unprocessableEntity)
            let html = res.body.string
            XCTAssertTrue(html.contains("请至少选择一个问题"))
            XCTAssertTrue(html.contains("请填写整改要求"))
            XCTAssertTrue(html.contains("整改期限应晚于今天"))
            let after = try await RectificationNotice.query(on: app.db).count()
            XCTAssertEqual(after, before)
            let unlinked = try await app.problem(problem)
            XCTAssertNil(unlinked.noticeID)
        }
    }
}
