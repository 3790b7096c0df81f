import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 督导记录 on the pages: drafted section by section, autosaved, submitted and locked, amended with a reason;
/// what it changes in the 六个一.
final class VisitFormTests: XCTestCase {
    static let rubricScores: [(String, String)] = [
        ("scores[教学目标]", "12"), ("scores[教学内容]", "16"), ("scores[教学方法]", "15"), ("scores[学生参与]", "20"),
        ("scores[教学效果]", "16"),
    ]

    static func lesson(topic: String = "两位数乘两位数") -> [(String, String)] {
        [
            ("kind", "lesson"), ("className", "四（2）班"), ("subject", "数学"), ("teacher", "李红梅"), ("topic", topic),
            ("comment", "目标明确，环节清楚。"),
        ] + rubricScores
    }

    /// The basic form as the page's autosave script sends it (every field of the form, plus the token).
    static func basicForm(_ v: Visit, summary: String) -> [(String, String)] {
        [
            ("date", v.visitDate), ("kind", v.kind.rawValue), ("start", v.startTime), ("end", v.endTime),
            ("theme", v.theme),
            ("summary", summary), ("highlights", v.highlights),
        ]
    }

    /// Whether the current month requires a visit to each school (inside a semester, not a vacation month).
    static func monthRequiresVisits(_ settings: ComplianceSettings, _ day: Day) -> Bool {
        Semester.containing(day).contains(day) && !settings.vacationMonths.contains(day.month)
    }

    // MARK: - A complete visit

    func testRecordingACompleteVisitSectionBySectionThenSubmittingLocksItAndCountsItForTheMonth() async throws {
        try await withApp { app in
            let day = TestClock.today
            let month = YearMonth(day)
            let settings = try await app.complianceSettings()
            XCTAssertTrue(Self.monthRequiresVisits(settings, day), "the test day is a school month")
            let before = try await app.compliance(inspector: 1)
            let inspector = try await login(app, "inspector")

            // Start the draft.
            let newForm = try await inspector.get("/visits/new?school=1")
            XCTAssertEqual(newForm.status, .ok)
            let created = try await inspector.post(
                "/visits",
                form: [
                    ("school", "1"), ("date", day.description), ("start", "08:30"), ("kind", "routine"), ("theme", ""),
                    ("plan", ""),
                ])
            XCTAssertEqual(created.status, .seeOther)
            let id = try XCTUnwrap(redirectID(created, under: "/visits"))
            XCTAssertEqual(created.headers.first(name: .location), "/visits/\(id)")
            let draft = try await app.visit(id)
            XCTAssertEqual(draft.status, .draft)
            XCTAssertEqual(draft.schoolID, 1)
            XCTAssertEqual(draft.inspectorID, 1)
            XCTAssertEqual(draft.visitDate, day.description)
            let monthTheme = try await ThemeMonth.theme(
                districtID: try await app.demoDistrict().id!, on: day, db: app.db)
            XCTAssertEqual(draft.theme, monthTheme ?? "", "an empty theme takes the district's theme of the month")
            let page = try await inspector.get("/visits/\(id)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("data-autosave"))

            // The summary, autosaved in the background.
            let summary = "推门听课一节，课堂组织有序；查阅作业批改记录，四年级书面作业偏多。"
            let autosave = try await inspector.post(
                "/visits/\(id)", form: Self.basicForm(draft, summary: summary),
                extraHeaders: [("X-Autosave", "1")])
            XCTAssertEqual(autosave.status, .noContent)
            let saved = try await app.visit(id).summary
            XCTAssertEqual(saved, summary)

            // A lesson with rubric scores.
            let lesson = try await inspector.post("/visits/\(id)/observations", form: Self.lesson())
            XCTAssertEqual(lesson.status, .seeOther)
            XCTAssertEqual(lesson.headers.first(name: .location), "/visits/\(id)#observations")
            let observations = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(observations.count, 1)
            XCTAssertEqual(observations.first?.scoreMap, ["教学目标": 12, "教学内容": 16, "教学方法": 15, "学生参与": 20, "教学效果": 16])

            // Two interviews: two teachers, three students.
            let teachers = try await inspector.post(
                "/visits/\(id)/interviews",
                form: [
                    ("group", "teachers"), ("people", "2"), ("notes", "教师反映课后服务排班较紧。"),
                ])
            XCTAssertEqual(teachers.status, .seeOther)
            let students = try await inspector.post(
                "/visits/\(id)/interviews",
                form: [
                    ("group", "students"), ("people", "3"), ("notes", "学生表示作业一般一小时内完成。"),
                ])
            XCTAssertEqual(students.status, .seeOther)
            let interviews = try await Interview.query(on: app.db).filter(\.$visitID == id).sort(\.$id).all()
            XCTAssertEqual(interviews.map(\.group), [.teachers, .students])
            XCTAssertEqual(interviews.map(\.people), [2, 3])

            // Documents checked and homework measured: 75 minutes is over the 60 allowed for grades 3–6.
            let checks = try await inspector.post(
                "/visits/\(id)/checks",
                form: [
                    ("documents[]", "作业布置与批改"), ("documentNotes", "抽查作业本12本。"), ("band", "upperPrimary"),
                    ("homeworkMinutes", "75"), ("sleepHours", ""), ("firstLesson", ""), ("peLessons", ""),
                    ("phones", ""),
                    ("reading", ""), ("exercise", ""), ("afterSchool", ""),
                ])
            XCTAssertEqual(checks.status, .seeOther)
            let record = try await app.visit(id).checkRecord
            XCTAssertEqual(record.documents, ["作业布置与批改"])
            XCTAssertEqual(record.workload.band, .upperPrimary)
            XCTAssertEqual(record.workload.homeworkMinutes, 75)
            XCTAssertEqual(record.findings.map(\.ok), [false])

            // A problem and a photo.
            let problem = try await inspector.post(
                "/visits/\(id)/problems",
                form: [
                    ("category", "作业管理"), ("severity", "minor"), ("disposition", "rectify"),
                    ("description", "四年级书面作业时长超过规定，作业公示不及时。"),
                ])
            XCTAssertEqual(problem.status, .seeOther)
            let photo = try await inspector.uploadPhoto("/visits/\(id)/photos", data: tinyPNG, caption: "查阅作业批改")
            XCTAssertEqual(photo.status, .seeOther)
            XCTAssertEqual(photo.headers.first(name: .location), "/visits/\(id)#photos")
            let photos = try await VisitPhoto.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(photos.count, 1)
            XCTAssertEqual(photos.first?.contentType, "image/png")
            XCTAssertEqual(photos.first?.caption, "查阅作业批改")
            let problems = try await Problem.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(problems.count, 1)
            XCTAssertEqual(problems.first?.schoolID, 1)
            XCTAssertEqual(problems.first?.state, .open)

            // Everything shows on the draft's page.
            let full = try await inspector.get("/visits/\(id)")
            let html = full.body.string
            XCTAssertTrue(html.contains("《两位数乘两位数》"))
            XCTAssertTrue(html.contains("教学目标 12/15"))
            XCTAssertTrue(html.contains("评定：良好（79分）"))
            XCTAssertTrue(html.contains("教师2人 · 学生3人"))
            XCTAssertTrue(html.contains("<li class=\"bad\">✗ 作业管理："), "the homework finding is marked as not compliant")
            XCTAssertTrue(html.contains("超过60分钟的规定"))
            XCTAssertTrue(html.contains("四年级书面作业时长超过规定"))
            let pid = try XCTUnwrap(photos.first?.id)
            XCTAssertTrue(html.contains("src=\"/visits/\(id)/photos/\(pid)\""))
            let image = try await inspector.get("/visits/\(id)/photos/\(pid)")
            XCTAssertEqual(image.status, .ok)
            XCTAssertEqual(image.headers.first(name: .contentType), "image/png")
            XCTAssertEqual(Data(buffer: image.body), tinyPNG)

            // The failed homework check is offered as a problem; it was recorded in the inspector's own words, so it is
            // dismissed with that reason. Until then the record is not submitted.
            XCTAssertTrue(html.contains("检查未达标项（1）"))
            let early = try await inspector.post("/visits/\(id)/submit")
            XCTAssertEqual(early.status, .unprocessableEntity)
            XCTAssertTrue(early.body.string.contains("还有1项检查未达标"))
            let dismissed = try await inspector.post(
                "/visits/\(id)/findings",
                form: [
                    ("message", "小学三至六年级书面作业平均约75分钟，超过60分钟的规定"), ("decision", "dismiss"),
                    ("reason", "已在“存在问题”中记录"),
                ])
            XCTAssertEqual(dismissed.status, .seeOther)

            // Submit: locked.
            let submit = try await inspector.post("/visits/\(id)/submit")
            XCTAssertEqual(submit.status, .seeOther)
            XCTAssertEqual(submit.headers.first(name: .location), "/visits/\(id)")
            let submitted = try await app.visit(id)
            XCTAssertEqual(submitted.status, .submitted)
            XCTAssertNotNil(submitted.submittedAt)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "visit").filter(\.$entityID == id)
                .filter(\.$action == "submit").count()
            XCTAssertEqual(audit, 1)
            let locked = try await inspector.get("/visits/\(id)")
            XCTAssertEqual(locked.status, .ok)
            let lockedHTML = locked.body.string
            XCTAssertTrue(lockedHTML.contains("已提交"))
            XCTAssertFalse(lockedHTML.contains("data-autosave"))
            for section in ["observations", "interviews", "checks", "problems", "photos", "submit", "remove"] {
                XCTAssertFalse(
                    lockedHTML.contains("action=\"/visits/\(id)/\(section)\""), "the \(section) form is gone")
            }
            XCTAssertTrue(lockedHTML.contains("action=\"/visits/\(id)/amend\""), "the author may still amend")
            XCTAssertTrue(lockedHTML.contains(summary))
            let late = try await inspector.post("/visits/\(id)/observations", form: Self.lesson(topic: "提交后补记"))
            XCTAssertEqual(late.status, .forbidden)
            let count = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(count, 1)

            // The 六个一: one more visit this month; the school is visited; the only gap is the missing plan.
            let after = try await app.compliance(inspector: 1)
            XCTAssertEqual(
                after.visitsCount(inspectorID: 1, month: month), before.visitsCount(inspectorID: 1, month: month) + 1)
            XCTAssertEqual(after.monthStates[.init(inspectorID: 1, schoolID: 1, month: month)], .visited)
            XCTAssertEqual(
                after.shortfalls.filter { $0.visitID == id }.map(\.rule), [.visitPlan],
                "one lesson, two teachers and three students meet rules 4 and 5; no plan was linked")
        }
    }

    func testSubmittingTheFirstVisitOfTheMonthTurnsTheSchoolFromDueToVisited() async throws {
        try await withApp(history: false) { app in
            let day = TestClock.today
            let month = YearMonth(day)
            let key = ComplianceResult.MonthKey(inspectorID: 1, schoolID: 1, month: month)
            let settings = try await app.complianceSettings()
            XCTAssertTrue(Self.monthRequiresVisits(settings, day), "the test day is a school month")
            let inspector = try await login(app, "inspector")

            let before = try await app.compliance(inspector: 1)
            let id = try await inspector.createVisit(school: 1)
            let withDraft = try await app.compliance(inspector: 1)
            try await inspector.post("/visits/\(id)", form: [("summary", "推门听课一节。")])
            try await inspector.post("/visits/\(id)/submit")
            let after = try await app.compliance(inspector: 1)

            XCTAssertEqual(before.monthStates[key], .due)
            XCTAssertEqual(withDraft.monthStates[key], .due, "a draft does not count")
            XCTAssertEqual(withDraft.visitsCount(inspectorID: 1, month: month), 0)
            XCTAssertEqual(after.monthStates[key], .visited)
            XCTAssertEqual(after.visitsCount(inspectorID: 1, month: month), 1)
            XCTAssertEqual(
                after.monthStates[.init(inspectorID: 1, schoolID: 2, month: month)], .due, "other schools still wait")
        }
    }

    func testEachFailedCheckBecomesAProblemOrIsDismissedWithAReasonBeforeSubmitting() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            _ = try await inspector.post("/visits/\(id)", form: [("summary", "查阅作业，检查手机管理。")])
            let checks: [(String, String)] = [
                ("band", "upperPrimary"), ("homeworkMinutes", "80"), ("phones", "no"), ("reading", "yes"),
            ]
            _ = try await inspector.post("/visits/\(id)/checks", form: checks)
            let homework = "小学三至六年级书面作业平均约80分钟，超过60分钟的规定"
            let phones = "手机管理不到位：学生手机进入课堂或未统一保管"

            let page = try await inspector.get("/visits/\(id)")
            let recorded = try await inspector.post(
                "/visits/\(id)/findings", form: [("message", homework), ("decision", "record")])
            let noReason = try await inspector.post(
                "/visits/\(id)/findings", form: [("message", phones), ("decision", "dismiss"), ("reason", "")])
            let withReason = try await inspector.post(
                "/visits/\(id)/findings", form: [("message", phones), ("decision", "dismiss"), ("reason", "当场已整改")])
            _ = try await inspector.post("/visits/\(id)/checks", form: checks)
            let submitted = try await inspector.post("/visits/\(id)/submit")

            XCTAssertTrue(page.body.string.contains("检查未达标项（2）"))
            XCTAssertEqual(recorded.status, .seeOther)
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.string.contains("请填写不作为问题的理由"))
            XCTAssertEqual(withReason.status, .seeOther)
            XCTAssertEqual(submitted.status, .seeOther, "saving the checks again keeps the reason")
            let problems = try await Problem.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(problems.map(\.category), ["作业管理"])
            XCTAssertEqual(problems.map(\.description), [homework])
            XCTAssertEqual(problems.map(\.disposition), [.rectify])
            let visit = try await app.visit(id)
            XCTAssertEqual(visit.checkRecord.dismissed, [phones: "当场已整改"])
        }
    }

    func testSubmittingWithoutASummaryOrArrivalTimeIsRefused() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1, start: "")

            let res = try await inspector.post("/visits/\(id)/submit")

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请先填写“督导情况”再提交"))
            XCTAssertTrue(res.body.string.contains("请填写到校时间"))
            let v = try await app.visit(id)
            XCTAssertEqual(v.status, .draft)
        }
    }

    func testAVisitCannotBeDatedInTheFuture() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            try await inspector.get("/visits/new?school=1")
            let countBefore = try await Visit.query(on: app.db).count()

            let res = try await inspector.post(
                "/visits",
                form: [
                    ("school", "1"), ("date", TestClock.today.adding(days: 1).description), ("start", "08:30"),
                    ("kind", "routine"),
                ])

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("督导日期不能晚于今天"))
            let countAfter = try await Visit.query(on: app.db).count()
            XCTAssertEqual(countAfter, countBefore)
        }
    }

    func testComprehensiveSupervisionIsNotAKindOfOneInspectorsVisitButARandomVisitIs() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let form = try await inspector.get("/visits/new?school=1")
            let countBefore = try await Visit.query(on: app.db).count()

            let refused = try await inspector.post(
                "/visits", form: [("school", "1"), ("date", TestClock.today.description), ("kind", "comprehensive")])
            let random = try await inspector.createVisit(school: 1, kind: "random")

            XCTAssertFalse(form.body.string.contains(#"value="comprehensive""#))
            XCTAssertTrue(form.body.string.contains(#"<option value="random">随机督导</option>"#))
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("综合督导由督导室统一组织，请选择其他督导类型"))
            let countAfter = try await Visit.query(on: app.db).count()
            XCTAssertEqual(countAfter, countBefore + 1, "only the random visit was saved")
            let saved = try await app.visit(random)
            XCTAssertEqual(saved.kind, .random)
        }
    }

    func testTextTypedIntoAVisitIsShownAsTextNotMarkup() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            let typed = "<script>alert('督导')</script>"
            try await inspector.post("/visits/\(id)", form: [("summary", typed)])
            try await inspector.post(
                "/visits/\(id)/interviews", form: [("group", "teachers"), ("people", "2"), ("notes", typed)])
            try await inspector.post("/visits/\(id)/submit")
            let school = try await login(app, "school")

            let page = try await school.get("/visits/\(id)")

            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains("<script>alert"))
            XCTAssertTrue(page.body.string.contains("&lt;script&gt;alert"))
        }
    }

    // MARK: - A draft survives a bad or dropped request

    func testAnObservationWithoutATopicIsRefusedAndTheDraftKeepsWhatWasSaved() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            let summary = "查看了食堂操作间和留样记录。"
            try await inspector.post("/visits/\(id)", form: [("summary", summary)], extraHeaders: [("X-Autosave", "1")])
            try await inspector.post("/visits/\(id)/observations", form: Self.lesson(topic: "《秋天的雨》"))

            let res = try await inspector.post(
                "/visits/\(id)/observations", form: replacing(Self.lesson(), "topic", with: ""))

            XCTAssertEqual(res.status, .unprocessableEntity)
            let html = res.body.string
            XCTAssertTrue(html.contains("请填写课题"))
            XCTAssertTrue(html.contains("《秋天的雨》"), "the saved observation is still on the page")
            XCTAssertTrue(html.contains(summary), "the saved summary is still in the form")
            let observations = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(observations.map(\.topic), ["《秋天的雨》"])
            let v = try await app.visit(id)
            XCTAssertEqual(v.summary, summary)
            XCTAssertEqual(v.status, .draft)
        }
    }

    func testAScoreAboveTheRubricMaximumIsRefusedAndNothingIsAdded() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            try await inspector.post("/visits/\(id)", form: [("summary", "听课一节。")])
            try await inspector.post("/visits/\(id)/observations", form: Self.lesson(topic: "《秋天的雨》"))

            let res = try await inspector.post(
                "/visits/\(id)/observations",
                form: replacing(Self.lesson(topic: "立定跳远"), "scores[教学目标]", with: "99"))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("“教学目标”应为0到15之间的整数"))
            let observations = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(observations.map(\.topic), ["《秋天的雨》"])
            let summary = try await app.visit(id).summary
            XCTAssertEqual(summary, "听课一节。")
        }
    }

    func testAnAutosaveWithABadDateIsRefusedAndTheSavedSummaryStays() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            try await inspector.post("/visits/\(id)", form: [("summary", "第一稿")], extraHeaders: [("X-Autosave", "1")])
            let v = try await app.visit(id)

            let res = try await inspector.post(
                "/visits/\(id)",
                form: replacing(Self.basicForm(v, summary: "第二稿"), "date", with: "2026-13-45"),
                extraHeaders: [("X-Autosave", "1")])

            XCTAssertEqual(res.status, .unprocessableEntity)
            let after = try await app.visit(id)
            XCTAssertEqual(after.summary, "第一稿")
            XCTAssertEqual(after.visitDate, v.visitDate)
        }
    }

    func testAPostWithAForgedCSRFTokenIsRefusedAndTheDraftLosesNothing() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            try await inspector.post("/visits/\(id)", form: [("summary", "已保存的督导情况")])
            try await inspector.post("/visits/\(id)/observations", form: Self.lesson(topic: "《秋天的雨》"))
            let forged = String(repeating: "A", count: inspector.csrf?.count ?? 32)

            let overwrite = try await inspector.post("/visits/\(id)", form: [("summary", "")], csrf: .value(forged))
            let add = try await inspector.post(
                "/visits/\(id)/observations", form: Self.lesson(topic: "伪造"), csrf: .value(forged))
            let submit = try await inspector.post("/visits/\(id)/submit", csrf: .omit)

            XCTAssertEqual(overwrite.status, .forbidden)
            XCTAssertEqual(add.status, .forbidden)
            XCTAssertEqual(submit.status, .forbidden)
            let v = try await app.visit(id)
            XCTAssertEqual(v.summary, "已保存的督导情况")
            XCTAssertEqual(v.status, .draft)
            let topics = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).all().map(\.topic)
            XCTAssertEqual(topics, ["《秋天的雨》"])
        }
    }

    func testAMistypedItemCanBeRemovedFromADraft() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            try await inspector.post("/visits/\(id)/interviews", form: [("group", "students"), ("people", "30")])
            let first = try await Interview.query(on: app.db).filter(\.$visitID == id).first()
            let wrong = try XCTUnwrap(first)

            let res = try await inspector.post(
                "/visits/\(id)/remove", form: [("kind", "interview"), ("item", String(wrong.id!))])

            XCTAssertEqual(res.status, .seeOther)
            XCTAssertEqual(res.headers.first(name: .location), "/visits/\(id)#interviews")
            let left = try await Interview.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(left, 0)
        }
    }

    // MARK: - Amendments

    func testAmendingASubmittedVisitRecordsTheReasonTheOldTextAndAnAuditEvent() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.recordSubmittedVisit(school: 1, summary: "原督导情况：听课一节。")
            try await inspector.get("/visits/\(id)")

            let res = try await inspector.post(
                "/visits/\(id)/amend",
                form: [
                    ("summary", "更正后的督导情况：听课两节。"), ("reason", "漏记了第二节课"),
                ])

            XCTAssertEqual(res.status, .seeOther)
            XCTAssertEqual(res.headers.first(name: .location), "/visits/\(id)#amendments")
            let v = try await app.visit(id)
            XCTAssertEqual(v.summary, "更正后的督导情况：听课两节。")
            XCTAssertEqual(v.status, .submitted, "an amendment does not reopen the record")
            let amendments = try await VisitAmendment.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(amendments.count, 1)
            let amendment = try XCTUnwrap(amendments.first)
            XCTAssertEqual(amendment.reason, "漏记了第二节课")
            XCTAssertEqual(amendment.userName, "王建华")
            XCTAssertEqual(
                amendment.fieldChanges,
                [FieldChange(field: "督导情况", before: "原督导情况：听课一节。", after: "更正后的督导情况：听课两节。")])
            let audits = try await AuditEvent.query(on: app.db).filter(\.$entity == "visit").filter(\.$entityID == id)
                .filter(\.$action == "amend").all()
            XCTAssertEqual(audits.count, 1)
            XCTAssertTrue(audits.first?.summary.contains("漏记了第二节课") ?? false)
            XCTAssertTrue(audits.first?.fieldChanges.contains { $0.field == "督导情况" } ?? false)
            let page = try await inspector.get("/visits/\(id)")
            XCTAssertTrue(page.body.string.contains("漏记了第二节课"))
            XCTAssertTrue(page.body.string.contains("督导情况：原督导情况：听课一节。 → 更正后的督导情况：听课两节。"))
        }
    }

    func testAnAmendmentWithoutAReasonIsRefusedAndChangesNothing() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.recordSubmittedVisit(school: 1, summary: "原督导情况。")
            try await inspector.get("/visits/\(id)")

            let res = try await inspector.post("/visits/\(id)/amend", form: [("summary", "悄悄改掉"), ("reason", "  ")])

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请填写更正原因"))
            let summary = try await app.visit(id).summary
            XCTAssertEqual(summary, "原督导情况。")
            let amendments = try await VisitAmendment.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(amendments, 0)
            let audits = try await AuditEvent.query(on: app.db).filter(\.$action == "amend").count()
            XCTAssertEqual(audits, 0)
        }
    }

    func testAnAmendmentThatChangesNothingIsRefused() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.recordSubmittedVisit(school: 1, summary: "原督导情况。")
            try await inspector.get("/visits/\(id)")

            let res = try await inspector.post("/visits/\(id)/amend", form: [("summary", "原督导情况。"), ("reason", "核对")])

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("没有需要更正的内容"))
            let amendments = try await VisitAmendment.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(amendments, 0)
        }
    }

    func testTheOfficeMayAmendAVisitOfItsDistrict() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.recordSubmittedVisit(school: 1, summary: "原督导情况。")
            let office = try await login(app, "office")
            try await office.get("/visits/\(id)")

            let res = try await office.post(
                "/visits/\(id)/amend", form: [("summary", "督导室核对后更正。"), ("reason", "与学校核实")])

            XCTAssertEqual(res.status, .seeOther)
            let amendment = try await VisitAmendment.query(on: app.db).filter(\.$visitID == id).first()
            XCTAssertEqual(amendment?.userName, "督导室 陈立新")
            let summary = try await app.visit(id).summary
            XCTAssertEqual(summary, "督导室核对后更正。")
        }
    }
}
