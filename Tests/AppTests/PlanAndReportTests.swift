import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 学期片区督导工作计划 (filed or returned by the office), 督导方案, 工作总结 and 督导案例.
final class PlanAndReportTests: XCTestCase {
    static func planForm(semester: Semester, action: String) -> [(String, String)] {
        [
            ("semester", semester.code), ("goals", "每月到每所责任学校督导不少于一次。"), ("focus", "作业管理；食堂安全。"),
            ("schedule", semester.months.map { "\($0.label)：常规督导" }.joined(separator: "\n")), ("action", action),
        ]
    }

    // MARK: - Area plans

    func testAnAreaPlanSavedSubmittedAndFiledMeetsRuleOne() async throws {
        try await withApp(history: false) { app in
            let day = TestClock.today
            let semester = Semester.containing(day)
            let before = try await app.compliance(inspector: 1)
            let inspector = try await login(app, "inspector")

            let form = try await inspector.get("/plans/new")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.string.contains("\(semester.label)片区督导工作计划"))
            let saved = try await inspector.post("/plans", form: Self.planForm(semester: semester, action: "save"))
            XCTAssertEqual(saved.status, .seeOther)
            let id = try XCTUnwrap(redirectID(saved, under: "/plans"))
            let draft = try await AreaPlan.find(id, on: app.db)
            XCTAssertEqual(draft?.status, .draft)
            XCTAssertEqual(draft?.semester, semester.code)
            let office = try await login(app, "office")
            let hidden = try await office.get("/plans/\(id)")
            XCTAssertEqual(hidden.status, .notFound, "the office does not see a draft")

            try await inspector.get("/plans/new")
            let submitted = try await inspector.post(
                "/plans", form: Self.planForm(semester: semester, action: "submit"))
            XCTAssertEqual(submitted.status, .seeOther)
            XCTAssertEqual(redirectID(submitted, under: "/plans"), id, "the same plan, not a second one")
            let waiting = try await AreaPlan.find(id, on: app.db)
            XCTAssertEqual(waiting?.status, .submitted)
            XCTAssertNotNil(waiting?.submittedAt)
            let locked = try await inspector.post("/plans", form: Self.planForm(semester: semester, action: "save"))
            XCTAssertEqual(locked.status, .unprocessableEntity)
            XCTAssertTrue(locked.body.string.contains("计划已提交，等待督导室审阅"))

            let review = try await office.get("/plans/\(id)")
            XCTAssertEqual(review.status, .ok)
            XCTAssertTrue(review.body.string.contains("action=\"/plans/\(id)/review\""))
            let filed = try await office.post(
                "/plans/\(id)/review", form: [("decision", "file"), ("comment", "同意备案。")])
            XCTAssertEqual(filed.status, .seeOther)
            XCTAssertEqual(filed.headers.first(name: .location), "/plans")
            let plan = try await AreaPlan.find(id, on: app.db)
            XCTAssertEqual(plan?.status, .filed)
            XCTAssertEqual(plan?.officeComment, "同意备案。")
            XCTAssertNotNil(plan?.reviewedAt)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "area_plan").filter(
                \.$action == "file"
            ).count()
            XCTAssertEqual(audit, 1)
            let after = try await app.compliance(inspector: 1)

            if day >= semester.firstDay {
                XCTAssertEqual(before.ruleStates(inspectorID: 1)[.areaPlan], .short(1))
            }
            XCTAssertEqual(after.ruleStates(inspectorID: 1)[.areaPlan], .met)
            let again = try await inspector.post("/plans", form: Self.planForm(semester: semester, action: "save"))
            XCTAssertEqual(again.status, .unprocessableEntity)
            XCTAssertTrue(again.body.string.contains("计划已备案，不能再修改"))
        }
    }

    func testSubmittingAnAreaPlanRequiresEveryPart() async throws {
        try await withApp(history: false) { app in
            let semester = Semester.containing(TestClock.today)
            let inspector = try await login(app, "inspector")
            try await inspector.get("/plans/new")

            let res = try await inspector.post(
                "/plans", form: replacing(Self.planForm(semester: semester, action: "submit"), "focus", with: ""))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请填写督导重点"))
            let plans = try await AreaPlan.query(on: app.db).count()
            XCTAssertEqual(plans, 0)
        }
    }

    func testFilingLiXiuyingsWaitingPlanFlipsHerRuleOne() async throws {
        try await withApp { app in
            let autumn = try XCTUnwrap(Semester(code: "2026-autumn"))
            let li = try await app.inspector(named: "李秀英")
            let planFound = try await AreaPlan.query(on: app.db).filter(\.$inspectorID == li.id!).first()
            let plan = try XCTUnwrap(planFound)
            XCTAssertEqual(plan.status, .submitted, "the demo leaves her plan waiting")
            let before = try await app.compliance(inspector: li.id!, semester: autumn)
            let office = try await login(app, "office")
            let list = try await office.get("/plans")
            XCTAssertTrue(list.body.string.contains("href=\"/plans/\(plan.id!)\""))
            try await office.get("/plans/\(plan.id!)")

            let res = try await office.post("/plans/\(plan.id!)/review", form: [("decision", "file"), ("comment", "")])

            XCTAssertEqual(res.status, .seeOther)
            let filed = try await AreaPlan.find(plan.id, on: app.db)
            XCTAssertEqual(filed?.status, .filed)
            let after = try await app.compliance(inspector: li.id!, semester: autumn)
            XCTAssertEqual(before.ruleStates(inspectorID: li.id!)[.areaPlan], .short(1))
            XCTAssertEqual(after.ruleStates(inspectorID: li.id!)[.areaPlan], .met)
            let twice = try await office.post("/plans/\(plan.id!)/review", form: [("decision", "file")])
            XCTAssertEqual(twice.status, .badRequest, "a filed plan is not reviewed again")
        }
    }

    func testReturningAPlanRequiresAComment() async throws {
        try await withApp { app in
            let li = try await app.inspector(named: "李秀英")
            let planFound = try await AreaPlan.query(on: app.db).filter(\.$inspectorID == li.id!).first()
            let plan = try XCTUnwrap(planFound)
            let office = try await login(app, "office")
            try await office.get("/plans/\(plan.id!)")

            let bare = try await office.post(
                "/plans/\(plan.id!)/review", form: [("decision", "return"), ("comment", "  ")])

            XCTAssertEqual(bare.status, .unprocessableEntity)
            XCTAssertTrue(bare.body.string.contains("请填写退回意见"))
            let unchanged = try await AreaPlan.find(plan.id, on: app.db)
            XCTAssertEqual(unchanged?.status, .submitted)

            let returned = try await office.post(
                "/plans/\(plan.id!)/review", form: [("decision", "return"), ("comment", "请补充各校月度重点。")])

            XCTAssertEqual(returned.status, .seeOther)
            let after = try await AreaPlan.find(plan.id, on: app.db)
            XCTAssertEqual(after?.status, .returned)
            XCTAssertEqual(after?.officeComment, "请补充各校月度重点。")
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "area_plan").filter(
                \.$action == "return"
            ).count()
            XCTAssertEqual(audit, 1)
        }
    }

    func testASummaryWrittenInTheWinterBreakCountsForTheTermJustEndedByTheDistrictsDates() async throws {
        try await withApp(history: false) { app in
            _ = try await app.changeDistrictSettings { $0.termDates = "2026-09-01~2027-01-22\n2027-02-24~2027-07-09" }
            app.clock = .fixed(Day(year: 2027, month: 2, day: 1)!.date(hour: 10))
            let inspector = try await login(app, "inspector")

            let form = try await inspector.get("/reports/new?kind=summary")
            let created = try await inspector.post(
                "/reports", form: [("kind", "summary"), ("title", "秋季学期工作总结"), ("body", "一、主要工作\n二、问题与改进")])

            XCTAssertTrue(form.body.string.contains("2026年秋季学期"))
            let id = try XCTUnwrap(redirectID(created, under: "/reports"))
            let found = try await WorkReport.find(id, on: app.db)
            XCTAssertEqual(found?.semester, "2026-autumn", "the fixed months would say 2027-spring")
        }
    }

    func testTermDatesAreCheckedOnTheSettingsPage() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let page = try await office.get("/settings")
            var fields = try WebhookSettingsTests.settingsFields(page.body.string)
            fields = replacing(fields, "termDates", with: "2026-09-01~2026-08-01")

            let res = try await office.post("/settings", form: fields)

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("第1行结束日期应晚于开始日期"))
        }
    }

    func testAnInspectorMayNotReviewPlans() async throws {
        try await withApp { app in
            let li = try await app.inspector(named: "李秀英")
            let planFound = try await AreaPlan.query(on: app.db).filter(\.$inspectorID == li.id!).first()
            let plan = try XCTUnwrap(planFound)
            let inspector = try await login(app, "inspector")

            let res = try await inspector.post("/plans/\(plan.id!)/review", form: [("decision", "file")])

            XCTAssertEqual(res.status, .forbidden)
            let after = try await AreaPlan.find(plan.id, on: app.db)
            XCTAssertEqual(after?.status, .submitted)
        }
    }

    // MARK: - Visit plans

    func testAVisitPlanMadeOnThePagesCanBeLinkedToTheVisit() async throws {
        try await withApp { app in
            let day = TestClock.today
            let inspector = try await login(app, "inspector")
            try await inspector.get("/visit-plans/new?school=2")

            let saved = try await inspector.post(
                "/visit-plans",
                form: [
                    ("school", "2"), ("date", day.description), ("tasks", "跟进上次的消防通道问题"), ("methods", "校园巡查"),
                    ("focus", "校园安全"),
                ])

            XCTAssertEqual(saved.status, .seeOther)
            let planID = try XCTUnwrap(redirectID(saved, under: "/visit-plans"))
            let page = try await inspector.get("/visit-plans/\(planID)")
            XCTAssertTrue(
                page.body.string.contains("/visits/new?school=2&amp;plan=\(planID)")
                    || page.body.string.contains("/visits/new?school=2&plan=\(planID)"))
            let id = try await inspector.createVisit(school: 2, plan: String(planID))
            let v = try await app.visit(id)
            XCTAssertEqual(v.visitPlanID, planID)
            let wrongSchool = try await inspector.post(
                "/visits",
                form: [
                    ("school", "1"), ("date", day.description), ("start", "08:30"), ("kind", "routine"),
                    ("plan", String(planID)),
                ])
            XCTAssertEqual(wrongSchool.status, .unprocessableEntity)
            XCTAssertTrue(wrongSchool.body.string.contains("所选督导方案不存在"))
        }
    }

    // MARK: - Reports

    func testAnInspectorWritesACaseStudyAndTheOfficeSelectsItForTheCompetition() async throws {
        try await withApp(history: false) { app in
            let semester = Semester.containing(TestClock.today)
            let inspector = try await login(app, "inspector")
            let form = try await inspector.get("/reports/new?kind=caseStudy")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.string.contains("督导案例"))

            let created = try await inspector.post(
                "/reports",
                form: [
                    ("kind", "caseStudy"), ("title", "一次作业公示引发的改变"), ("body", "一、背景\n二、做法\n三、成效"),
                ])

            XCTAssertEqual(created.status, .seeOther)
            let id = try XCTUnwrap(redirectID(created, under: "/reports"))
            let reportFound = try await WorkReport.find(id, on: app.db)
            let report = try XCTUnwrap(reportFound)
            XCTAssertEqual(report.kind, .caseStudy)
            XCTAssertEqual(report.inspectorID, 1)
            XCTAssertEqual(report.semester, semester.code)
            XCTAssertFalse(report.selected)
            let mine = try await inspector.get("/reports")
            XCTAssertTrue(mine.body.string.contains("一次作业公示引发的改变"))
            let notForInspectors = try await inspector.post("/reports/\(id)/select")
            XCTAssertEqual(notForInspectors.status, .forbidden)

            let office = try await login(app, "office")
            let page = try await office.get("/reports/\(id)")
            XCTAssertTrue(page.body.string.contains("推荐参加全区案例评选"))
            let select = try await office.post("/reports/\(id)/select")
            XCTAssertEqual(select.status, .seeOther)
            let selected = try await WorkReport.find(id, on: app.db)
            XCTAssertEqual(selected?.selected, true)
            let shown = try await office.get("/reports/\(id)")
            XCTAssertTrue(shown.body.string.contains("已推荐参评"))
            XCTAssertTrue(shown.body.string.contains("取消推荐"))
            try await office.post("/reports/\(id)/select")
            let unselected = try await WorkReport.find(id, on: app.db)
            XCTAssertEqual(unselected?.selected, false)
            let audits = try await AuditEvent.query(on: app.db).filter(\.$entity == "report").filter(\.$entityID == id)
                .count()
            XCTAssertEqual(audits, 3, "written, selected, unselected")
        }
    }

    func testOnlyCaseStudiesCanBeSelected() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            try await inspector.get("/reports/new?kind=summary")
            let created = try await inspector.post(
                "/reports", form: [("kind", "summary"), ("title", "期中小结"), ("body", "本学期……")])
            let id = try XCTUnwrap(redirectID(created, under: "/reports"))
            let office = try await login(app, "office")

            let res = try await office.post("/reports/\(id)/select")

            XCTAssertEqual(res.status, .badRequest)
            let report = try await WorkReport.find(id, on: app.db)
            XCTAssertEqual(report?.selected, false)
        }
    }

    func testASummaryAndACaseStudyClearRuleSixForTheSemester() async throws {
        try await withApp(history: false) { app in
            let day = TestClock.today
            let semester = Semester.containing(day)
            XCTAssertGreaterThanOrEqual(day, semester.firstDay, "the test day is in the semester")
            let inspector = try await login(app, "inspector")
            let before = try await app.compliance(inspector: 1)
            try await inspector.get("/reports/new")

            try await inspector.post("/reports", form: [("kind", "summary"), ("title", "学期小结"), ("body", "正文")])
            let half = try await app.compliance(inspector: 1)
            try await inspector.post("/reports", form: [("kind", "caseStudy"), ("title", "督导案例"), ("body", "正文")])
            let after = try await app.compliance(inspector: 1)

            XCTAssertEqual(before.ruleStates(inspectorID: 1)[.summaryAndCase], .pending)
            XCTAssertEqual(half.ruleStates(inspectorID: 1)[.summaryAndCase], .pending, "a case study is still missing")
            XCTAssertEqual(after.ruleStates(inspectorID: 1)[.summaryAndCase], .met)
        }
    }
}
