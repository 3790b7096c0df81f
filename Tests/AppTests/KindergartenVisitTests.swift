import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// A kindergarten is supervised as a kindergarten (rules.md §5): a 保教活动 on its own rubric, teachers, 保育员 and
/// parents interviewed instead of pupils, the kindergarten checks instead of homework and 五项管理, and the 六个一
/// counted by the district's kindergarten figures.
final class KindergartenVisitTests: XCTestCase {
    static let activity: [(String, String)] = [
        ("kind", "activity"), ("className", "大（1）班"), ("subject", "游戏活动"), ("teacher", "周敏"),
        ("topic", "区域游戏“小超市”"), ("comment", "材料丰富。"), ("scores[活动目标]", "13"), ("scores[环境与材料]", "17"),
        ("scores[师幼互动]", "21"), ("scores[幼儿参与]", "22"), ("scores[保育与安全]", "13"),
    ]

    /// A kindergarten of the demo district, made one of 王建华's schools if it is not already.
    static func kindergarten(_ app: Application) async throws -> School {
        let district = try await app.demoDistrict()
        guard
            let k = try await School.query(on: app.db).filter(\.$districtID == district.id!)
                .filter(\.$type == .kindergarten).sort(\.$id).first()
        else { throw TestSetupError("the demo has no kindergarten") }
        let assigned = try await Assignment.query(on: app.db).filter(\.$inspectorID == 1).filter(\.$schoolID == k.id!)
            .filter(\.$endDate == nil).count()
        if assigned == 0 {
            try await Assignment(
                inspectorID: 1, schoolID: k.id!, start: Day(year: 2026, month: 8, day: 20)!, note: "测试"
            ).save(on: app.db)
        }
        return k
    }

    func testAKindergartenVisitObservesAnActivityInterviewsStaffAndParentsAndChecksForPrimaryStyleTeaching()
        async throws
    {
        try await withApp(history: false) { app in
            let k = try await Self.kindergarten(app)
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: k.id!)

            let page = try await inspector.get("/visits/\(id)")
            let lesson = try await inspector.post("/visits/\(id)/observations", form: VisitFormTests.lesson())
            let activity = try await inspector.post("/visits/\(id)/observations", form: Self.activity)
            let students = try await inspector.post(
                "/visits/\(id)/interviews", form: [("group", "students"), ("people", "3")])
            for (group, people) in [("teachers", "1"), ("caregivers", "1"), ("parents", "3")] {
                let res = try await inspector.post(
                    "/visits/\(id)/interviews", form: [("group", group), ("people", people)])
                XCTAssertEqual(res.status, .seeOther, group)
            }
            let checks = try await inspector.post(
                "/visits/\(id)/checks",
                form: [
                    ("documents[]", "晨午检与消毒记录"), ("documents[]", "作业布置与批改"), ("kgHomework", "no"),
                    ("kgFood", "yes"), ("kgChildren", "32"), ("kgStaff", "3"), ("band", "upperPrimary"),
                    ("homeworkMinutes", "80"),
                ])
            let drafted = try await inspector.get("/visits/\(id)")

            let html = page.body.string
            XCTAssertTrue(html.contains("保教活动观察（0）") && html.contains("活动类型"))
            XCTAssertTrue(html.contains("幼儿参与（0–25）"), "the kindergarten rubric")
            XCTAssertFalse(html.contains("学生参与"))
            XCTAssertTrue(html.contains(#"<option value="caregivers">保育员</option>"#))
            XCTAssertFalse(html.contains(#"<option value="students">"#), "children are not interviewed")
            XCTAssertFalse(html.contains("年级段"))
            XCTAssertTrue(html.contains("不布置书面作业、不测试排名"))
            XCTAssertEqual(lesson.status, .unprocessableEntity, "no lesson in a subject at a kindergarten")
            XCTAssertTrue(lesson.body.string.contains("请选择活动类型"))
            XCTAssertEqual(activity.status, .seeOther)
            let observations = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(observations.map(\.kind), [.activity])
            XCTAssertEqual(observations.first?.scoreMap["师幼互动"], 21)
            XCTAssertEqual(students.status, .unprocessableEntity)
            XCTAssertTrue(students.body.string.contains("请选择访谈对象（教师、保育员、家长）"))
            XCTAssertEqual(checks.status, .seeOther)
            let record = try await app.visit(id).checkRecord
            XCTAssertEqual(record.documents, ["晨午检与消毒记录"], "a school's document is not on a kindergarten's list")
            XCTAssertNil(record.workload.band, "no 五项管理 at a kindergarten")
            XCTAssertEqual(record.kindergarten?.children, 32)
            XCTAssertEqual(record.findings.filter { !$0.ok }.map(\.item), ["小学化倾向", "师幼比"])
            XCTAssertTrue(drafted.body.string.contains("检查未达标项（2）"))
            XCTAssertFalse(drafted.body.string.contains("必查教师作业批改，尚未勾选"), "no homework marking at a kindergarten")
            XCTAssertFalse(drafted.body.string.contains("已访谈教师和保育员"), "1 teacher and 1 保育员 make the 2")
        }
    }

    func testAFailedKindergartenCheckBecomesAProblemAndTheSixRulesCountParentsNotStudents() async throws {
        try await withApp(history: false) { app in
            let k = try await Self.kindergarten(app)
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: k.id!)
            _ = try await inspector.post("/visits/\(id)", form: [("summary", "观察大班区域游戏，查阅晨午检记录。")])
            _ = try await inspector.post("/visits/\(id)/observations", form: Self.activity)
            _ = try await inspector.post("/visits/\(id)/interviews", form: [("group", "teachers"), ("people", "2")])
            _ = try await inspector.post("/visits/\(id)/interviews", form: [("group", "parents"), ("people", "3")])
            _ = try await inspector.post("/visits/\(id)/checks", form: [("kgPrimaryContent", "no")])
            let message = "存在小学化倾向：提前教授拼音、汉字书写、计算等小学内容或按小学课表上课"

            let refused = try await inspector.post("/visits/\(id)/submit")
            let recorded = try await inspector.post(
                "/visits/\(id)/findings", form: [("message", message), ("decision", "record")])
            let submitted = try await inspector.post("/visits/\(id)/submit")

            XCTAssertEqual(refused.status, .unprocessableEntity, "the finding must be answered first")
            XCTAssertEqual(recorded.status, .seeOther)
            XCTAssertEqual(submitted.status, .seeOther)
            let problems = try await Problem.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(problems.map(\.description), [message])
            XCTAssertEqual(problems.map(\.category), ["办学行为"])
            let result = try await app.compliance(inspector: 1)
            XCTAssertEqual(result.shortfalls.filter { $0.visitID == id }.map(\.rule), [.visitPlan])
        }
    }

    func testTheDistrictsKindergartenFiguresDecideTheInterviewShortfall() async throws {
        try await withApp(history: false) { app in
            let k = try await Self.kindergarten(app)
            let district = try await app.demoDistrict()
            let settings = try await DistrictSettings.forDistrict(district.id!, on: app.db)
            var figures = settings.complianceSettings
            figures.kindergartenParentsPerVisit = 5
            settings.compliance = try JSONColumn.encode(figures)
            try await settings.save(on: app.db)
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: k.id!)
            _ = try await inspector.post("/visits/\(id)", form: [("summary", "观察午餐环节。")])
            _ = try await inspector.post("/visits/\(id)/interviews", form: [("group", "teachers"), ("people", "2")])
            _ = try await inspector.post("/visits/\(id)/interviews", form: [("group", "parents"), ("people", "3")])

            let page = try await inspector.get("/visits/\(id)")
            _ = try await inspector.post("/visits/\(id)/submit")
            let result = try await app.compliance(inspector: 1)

            XCTAssertTrue(page.body.string.contains("已访谈家长3名，应至少5名"))
            let interviews = result.shortfalls.filter { $0.visitID == id && $0.rule == .interviews }
            XCTAssertEqual(interviews.count, 1)
            XCTAssertTrue(interviews[0].message.hasSuffix("只访谈了3名家长（应至少5名）"), interviews[0].message)
        }
    }

    func testTheHomeworkMarkingReminderIsForRoutineVisitsToSchoolsOnly() async throws {
        try await withApp(history: false) { app in
            let k = try await Self.kindergarten(app)
            let inspector = try await login(app, "inspector")
            let routineSchool = try await inspector.createVisit(school: 1)
            let specialSchool = try await inspector.createVisit(school: 1, kind: "special")
            let routineKindergarten = try await inspector.createVisit(school: k.id!)

            let reminder = "常规督导必查教师作业批改，尚未勾选"
            let a = try await inspector.get("/visits/\(routineSchool)")
            let b = try await inspector.get("/visits/\(specialSchool)")
            let c = try await inspector.get("/visits/\(routineKindergarten)")
            XCTAssertTrue(a.body.string.contains(reminder))
            XCTAssertFalse(b.body.string.contains(reminder))
            XCTAssertFalse(c.body.string.contains(reminder))
        }
    }

    func testTheSchoolPageSaysHeadAndChildrenInAKindergartensWords() async throws {
        try await withApp(history: false) { app in
            let k = try await Self.kindergarten(app)
            let office = try await login(app, "office")

            let page = try await office.get("/schools/\(k.id!)")

            XCTAssertTrue(page.body.string.contains("<dt>园长</dt>"), "kindergarten head")
            XCTAssertTrue(page.body.string.contains("<dt>在园幼儿数</dt>"))
            XCTAssertFalse(page.body.string.contains("<dt>校长</dt>"))
        }
    }
}
