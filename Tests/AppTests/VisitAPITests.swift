import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// The visit part of /api/v1: a phone or offline client records a visit with a bearer token,
/// with the same checks and scope as the pages, and JSON errors.
final class VisitAPITests: XCTestCase {
    /// The observation body as the pages' form sends it (scores as text).
    static var lesson: [String: Any] {
        [
            "kind": "lesson", "className": "五（1）班", "subject": "语文", "teacher": "陈晓燕", "topic": "《落花生》",
            "comment": "朗读指导扎实。",
            "scores": ["教学目标": "13", "教学内容": "17", "教学方法": "17", "学生参与": "21", "教学效果": "17"],
        ]
    }

    func testAVisitRecordedThroughTheAPIShowsEverythingAndCountsInTheSixOnes() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")
            let day = TestClock.today
            let month = YearMonth(day)
            let before = try await app.compliance(inspector: 1)

            // The plan, before the visit.
            let planRes = try await apiSend(
                app, .POST, "/api/v1/visit-plans", token: token,
                json: [
                    "schoolId": 1, "date": day.description, "tasks": "了解作业公示制度落实情况", "methods": "推门听课；查阅作业",
                    "focus": "作业管理",
                ])
            XCTAssertEqual(planRes.status, .created)
            let plan = try planRes.content.decode(APIVisitPlan.self)
            XCTAssertEqual(plan.schoolId, 1)
            let plans = try await apiSend(app, .GET, "/api/v1/visit-plans", token: token)
            XCTAssertTrue(try plans.content.decode([APIVisitPlan].self).contains { $0.id == plan.id })

            // The visit, with its plan.
            let createRes = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": 1, "date": day.description, "start": "08:20", "kind": "routine", "planId": plan.id,
                    "summary": "随堂听课一节，查阅作业批改。",
                ])
            XCTAssertEqual(createRes.status, .created)
            let created = try createRes.content.decode(APIVisit.self)
            XCTAssertEqual(created.status, "draft")
            XCTAssertEqual(created.planId, plan.id)
            XCTAssertEqual(created.summary, "随堂听课一节，查阅作业批改。")
            let id = created.id
            let draft = try await Visit.find(id, on: app.db)
            XCTAssertEqual(draft?.summary, "随堂听课一节，查阅作业批改。", "saved with the draft, in its transaction")

            let observation = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/observations", token: token, json: Self.lesson)
            XCTAssertEqual(observation.status, .created)
            let teachers = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/interviews", token: token,
                json: [
                    "group": "teachers", "people": "2", "notes": "教师反映作业量已压减。",
                ])
            XCTAssertEqual(teachers.status, .created)
            let students = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/interviews", token: token,
                json: [
                    "group": "students", "people": "3", "notes": "学生每天有大课间。",
                ])
            XCTAssertEqual(students.status, .created)
            let problem = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/problems", token: token,
                json: [
                    "category": "安全", "severity": "serious", "disposition": "rectify", "description": "消防通道堆放杂物。",
                ])
            XCTAssertEqual(problem.status, .created)
            let photo = try await apiPostRaw(
                app, "/api/v1/visits/\(id)/photos?caption=%E6%A0%A1%E5%9B%AD%E5%B7%A1%E6%9F%A5",
                token: token, contentType: "image/png", data: tinyPNG)
            XCTAssertEqual(photo.status, .created)

            let submit = try await apiSend(app, .POST, "/api/v1/visits/\(id)/submit", token: token)
            XCTAssertEqual(submit.status, .ok)
            XCTAssertEqual(try submit.content.decode(APIVisit.self).status, "submitted")

            // Everything is there.
            let shown = try await apiSend(app, .GET, "/api/v1/visits/\(id)", token: token)
            XCTAssertEqual(shown.status, .ok)
            let visit = try shown.content.decode(APIVisit.self)
            XCTAssertEqual(visit.status, "submitted")
            XCTAssertEqual(visit.schoolId, 1)
            XCTAssertEqual(visit.inspectorId, 1)
            XCTAssertEqual(visit.date, day.description)
            XCTAssertEqual(visit.start, "08:20")
            XCTAssertEqual(visit.planId, plan.id)
            XCTAssertEqual(visit.observations?.map(\.topic), ["《落花生》"])
            XCTAssertEqual(visit.observations?.first?.scores["学生参与"], 21)
            XCTAssertEqual(visit.interviews?.map(\.group), ["teachers", "students"])
            XCTAssertEqual(visit.interviews?.map(\.people), [2, 3])
            XCTAssertEqual(visit.problems?.map(\.description), ["消防通道堆放杂物。"])
            XCTAssertEqual(visit.problems?.first?.state, "open")
            XCTAssertEqual(visit.photoIds?.count, 1)
            let stored = try await VisitPhoto.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(stored.map(\.caption), ["校园巡查"])
            let list = try await apiSend(app, .GET, "/api/v1/visits?school=1", token: token)
            XCTAssertTrue(try list.content.decode(APIPage<APIVisit>.self).items.contains { $0.id == id })

            // The 六个一: counted this month, and a visit with plan, lesson and interviews leaves no gap.
            let after = try await app.compliance(inspector: 1)
            XCTAssertEqual(
                after.visitsCount(inspectorID: 1, month: month), before.visitsCount(inspectorID: 1, month: month) + 1)
            XCTAssertEqual(after.monthStates[.init(inspectorID: 1, schoolID: 1, month: month)], .visited)
            let compliance = try await apiSend(app, .GET, "/api/v1/compliance", token: token)
            XCTAssertEqual(compliance.status, .ok)
            let mine = try compliance.content.decode(APICompliance.self)
            XCTAssertEqual(mine.semester, Semester.containing(day).code)
            XCTAssertEqual(mine.items.map(\.inspectorId), [1], "an inspector gets their own figures only")
            XCTAssertFalse(mine.items[0].shortfalls.contains { $0.visitID == id })
        }
    }

    func testTheComplianceAPIShowsTheShortfallsOfAVisitJustSubmitted() async throws {
        try await withApp { app in
            let day = TestClock.today
            XCTAssertTrue(Semester.containing(day).contains(day), "the test day is in a semester")
            let token = try await apiToken(app, "inspector")
            let beforeRes = try await apiSend(app, .GET, "/api/v1/compliance", token: token)
            let before = try beforeRes.content.decode(APICompliance.self)
            let beforeShortfalls = before.items.first?.shortfalls ?? []

            // No plan and only one student.
            let created = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": 2, "date": day.description, "start": "09:00", "summary": "巡查校园安全。",
                ])
            let id = try created.content.decode(APIVisit.self).id
            try await apiSend(app, .POST, "/api/v1/visits/\(id)/observations", token: token, json: Self.lesson)
            try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/interviews", token: token, json: ["group": "teachers", "people": "2"])
            try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/interviews", token: token, json: ["group": "students", "people": "1"])
            let submit = try await apiSend(app, .POST, "/api/v1/visits/\(id)/submit", token: token)
            XCTAssertEqual(submit.status, .ok)

            let afterRes = try await apiSend(app, .GET, "/api/v1/compliance", token: token)
            let after = try afterRes.content.decode(APICompliance.self)
            let row = try XCTUnwrap(after.items.first)
            let new = row.shortfalls.filter { $0.visitID == id }
            XCTAssertEqual(new.map(\.rule), [.visitPlan, .interviews])
            XCTAssertTrue(new.last?.message.contains("只访谈了1名学生") ?? false)
            XCTAssertEqual(row.shortfalls.count, beforeShortfalls.count + 2)
            XCTAssertEqual(row.rules["interviews"], "short:\(row.shortfalls.filter { $0.rule == .interviews }.count)")
        }
    }

    func testTheOfficeGetsAPageOfItsInspectorsAndASchoolIsRefused() async throws {
        try await withApp { app in
            let office = try await apiToken(app, "office")
            let school = try await apiToken(app, "school")

            let page = try await apiSend(app, .GET, "/api/v1/compliance?semester=2026-autumn&per=5", token: office)
            let refused = try await apiSend(app, .GET, "/api/v1/compliance", token: school)

            XCTAssertEqual(page.status, .ok)
            let body = try page.content.decode(APICompliance.self)
            XCTAssertEqual(body.semester, "2026-autumn")
            XCTAssertEqual(body.total, 10)
            XCTAssertEqual(body.items.map(\.inspectorId), [1, 2, 3, 4, 5])
            let wang = try XCTUnwrap(body.items.first)
            XCTAssertTrue(
                wang.shortfalls.contains {
                    $0.rule == .monthlyVisit && $0.schoolID == 3 && $0.month == YearMonth(year: 2026, month: 10)
                })
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertEqual(try refused.content.decode(APIErrorReply.self).error.code, "forbidden")
        }
    }

    // MARK: - Errors

    func testInvalidFieldsAreA422WithTheFieldsNamed() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")
            let visitsBefore = try await Visit.query(on: app.db).count()

            let badVisit = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": 1, "date": "下周三", "start": "25:99", "kind": "picnic",
                ])

            XCTAssertEqual(badVisit.status, .unprocessableEntity)
            XCTAssertEqual(badVisit.headers.contentType, .json)
            let reply = try badVisit.content.decode(APIInvalidReply.self)
            XCTAssertEqual(reply.error.code, "invalid")
            XCTAssertEqual(Set(reply.error.fields?.map(\.field) ?? []), ["date", "start", "kind"])
            XCTAssertFalse(reply.error.message.isEmpty)
            let visitsAfter = try await Visit.query(on: app.db).count()
            XCTAssertEqual(visitsAfter, visitsBefore)

            // A section of an existing draft.
            let created = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": 1, "date": TestClock.today.description, "start": "08:30",
                ])
            let id = try created.content.decode(APIVisit.self).id
            var lesson = Self.lesson
            lesson["topic"] = ""
            lesson["scores"] = ["教学目标": "99"]
            let badLesson = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/observations", token: token, json: lesson)
            XCTAssertEqual(badLesson.status, .unprocessableEntity)
            let lessonReply = try badLesson.content.decode(APIInvalidReply.self)
            XCTAssertEqual(lessonReply.error.code, "invalid")
            XCTAssertEqual(Set(lessonReply.error.fields?.map(\.field) ?? []), ["topic", "score_教学目标"])
            let badInterview = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/interviews", token: token,
                json: [
                    "group": "aliens", "people": "0",
                ])
            XCTAssertEqual(badInterview.status, .unprocessableEntity)
            XCTAssertEqual(
                Set(try badInterview.content.decode(APIInvalidReply.self).error.fields?.map(\.field) ?? []),
                ["group", "people"])
            let notAPhoto = try await apiPostRaw(
                app, "/api/v1/visits/\(id)/photos", token: token, contentType: "image/png",
                data: Data("GIF89a".utf8))
            XCTAssertEqual(notAPhoto.status, .unprocessableEntity)
            XCTAssertEqual(try notAPhoto.content.decode(APIInvalidReply.self).error.fields?.map(\.field), ["photo"])
            let submitEmpty = try await apiSend(app, .POST, "/api/v1/visits/\(id)/submit", token: token)
            XCTAssertEqual(submitEmpty.status, .unprocessableEntity)
            XCTAssertEqual(try submitEmpty.content.decode(APIInvalidReply.self).error.fields?.map(\.field), ["summary"])
            let nothingAdded = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(nothingAdded, 0)
            let v = try await app.visit(id)
            XCTAssertEqual(v.status, .draft)
        }
    }

    func testMalformedJSONIsA400() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json

            let res = try await app.sendRequest(
                .POST, "/api/v1/visits", headers: headers, body: ByteBuffer(string: "{\"schoolId\": 1,"))

            XCTAssertEqual(res.status, .badRequest)
            XCTAssertEqual(try res.content.decode(APIErrorReply.self).error.code, "bad_request")
        }
    }

    func testASubmittedVisitRefusesFurtherChangesWithAJSON403() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")
            let created = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": 1, "date": TestClock.today.description, "start": "08:30", "summary": "原文",
                ])
            let id = try created.content.decode(APIVisit.self).id
            let submit = try await apiSend(app, .POST, "/api/v1/visits/\(id)/submit", token: token)
            XCTAssertEqual(submit.status, .ok)

            let put = try await apiSend(app, .PUT, "/api/v1/visits/\(id)", token: token, json: ["summary": "提交后改写"])
            let add = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/interviews", token: token, json: ["group": "parents", "people": "2"])
            let again = try await apiSend(app, .POST, "/api/v1/visits/\(id)/submit", token: token)

            XCTAssertEqual(put.status, .forbidden)
            XCTAssertEqual(put.headers.contentType, .json)
            XCTAssertEqual(try put.content.decode(APIErrorReply.self).error.code, "forbidden")
            XCTAssertEqual(add.status, .forbidden)
            XCTAssertEqual(again.status, .forbidden)
            let v = try await app.visit(id)
            XCTAssertEqual(v.summary, "原文")
            let interviews = try await Interview.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(interviews, 0)
        }
    }

    func testADraftCanBeUpdatedPartiallyWithPut() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")
            let created = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": 1, "date": TestClock.today.description, "start": "08:30", "kind": "special",
                    "theme": "食堂安全",
                ])
            let id = try created.content.decode(APIVisit.self).id

            let put = try await apiSend(app, .PUT, "/api/v1/visits/\(id)", token: token, json: ["summary": "查看了食堂留样。"])

            XCTAssertEqual(put.status, .ok)
            let v = try put.content.decode(APIVisit.self)
            XCTAssertEqual(v.summary, "查看了食堂留样。")
            XCTAssertEqual(v.kind, "special", "a field left out is kept")
            XCTAssertEqual(v.start, "08:30")
            XCTAssertEqual(v.date, TestClock.today.description)
            let stored = try await app.visit(id)
            XCTAssertEqual(stored.theme, "食堂安全")
        }
    }

    /// A JSON client naturally sends numbers for scores and head counts, as `GET /api/v1/visits/:id` returns them.
    func testScoresAndHeadCountsMayBeSentAsJSONNumbers() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")
            let created = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": 1, "date": TestClock.today.description, "start": "08:30",
                ])
            let id = try created.content.decode(APIVisit.self).id
            var lesson = Self.lesson
            lesson["scores"] = ["教学目标": 13, "教学内容": 17]

            let observation = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/observations", token: token, json: lesson)
            let interview = try await apiSend(
                app, .POST, "/api/v1/visits/\(id)/interviews", token: token,
                json: [
                    "group": "teachers", "people": 2, "internalOnly": true,
                ])

            XCTAssertEqual(observation.status, .created, observation.body.string)
            XCTAssertEqual(interview.status, .created, interview.body.string)
            guard observation.status == .created, interview.status == .created else { return }
            let shown = try await apiSend(app, .GET, "/api/v1/visits/\(id)", token: token)
            let visit = try shown.content.decode(APIVisit.self)
            XCTAssertEqual(visit.observations?.first?.scores, ["教学目标": 13, "教学内容": 17])
            XCTAssertEqual(visit.interviews?.first?.people, 2)
            XCTAssertEqual(visit.interviews?.first?.internalOnly, true)
        }
    }
}
