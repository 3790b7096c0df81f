import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// Who may record, read, edit and amend which visit records.
final class VisitScopeTests: XCTestCase {
    /// School 10 belongs to 张志强 (inspector 3), not to 王建华.
    static let otherSchool = 10

    // MARK: - Recording at a school not one's own

    func testAnInspectorCannotRecordAVisitToASchoolNotAssignedToThem() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let token = try await apiToken(app, "inspector")
            let before = try await Visit.query(on: app.db).filter(\.$schoolID == Self.otherSchool).count()

            let form = try await inspector.get("/visits/new?school=\(Self.otherSchool)")
            let post = try await inspector.post(
                "/visits",
                form: [
                    ("school", String(Self.otherSchool)), ("date", TestClock.today.description), ("start", "08:30"),
                    ("kind", "routine"),
                ])
            let api = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": Self.otherSchool, "date": TestClock.today.description, "start": "08:30",
                ])
            let plan = try await apiSend(
                app, .POST, "/api/v1/visit-plans", token: token,
                json: [
                    "schoolId": Self.otherSchool, "date": TestClock.today.description, "tasks": "t", "methods": "m",
                    "focus": "f",
                ])

            XCTAssertEqual(form.status, .forbidden)
            XCTAssertTrue(form.body.string.contains("需督导室授权"))
            XCTAssertEqual(post.status, .forbidden)
            XCTAssertEqual(api.status, .forbidden)
            XCTAssertEqual(try api.content.decode(APIErrorReply.self).error.code, "forbidden")
            XCTAssertEqual(plan.status, .unprocessableEntity)
            XCTAssertEqual(try plan.content.decode(APIInvalidReply.self).error.fields?.map(\.field), ["school"])
            let after = try await Visit.query(on: app.db).filter(\.$schoolID == Self.otherSchool).count()
            XCTAssertEqual(after, before)
        }
    }

    func testAfterTheOfficeGrantsASchoolTheInspectorMayRecordVisitsThere() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            try await office.get("/schools/\(Self.otherSchool)")
            let until = TestClock.today.adding(days: 7)

            let grant = try await office.post(
                "/schools/\(Self.otherSchool)/grant", form: [("inspector", "1"), ("until", until.description)])

            XCTAssertEqual(grant.status, .seeOther)
            XCTAssertEqual(grant.headers.first(name: .location), "/schools/\(Self.otherSchool)")
            let grants = try await VisitGrant.query(on: app.db).all()
            XCTAssertEqual(grants.map(\.inspectorID), [1])
            XCTAssertEqual(grants.map(\.schoolID), [Self.otherSchool])
            XCTAssertEqual(grants.map(\.until), [until.description])
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "grant").filter(
                \.$entityID == Self.otherSchool
            ).count()
            XCTAssertEqual(audit, 1)

            let inspector = try await login(app, "inspector")
            let form = try await inspector.get("/visits/new?school=\(Self.otherSchool)")
            XCTAssertEqual(form.status, .ok)
            let id = try await inspector.createVisit(school: Self.otherSchool)
            let v = try await app.visit(id)
            XCTAssertEqual(v.schoolID, Self.otherSchool)
            XCTAssertEqual(v.inspectorID, 1)
            let token = try await apiToken(app, "inspector")
            let api = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": Self.otherSchool, "date": TestClock.today.description, "start": "09:00",
                ])
            XCTAssertEqual(api.status, .created)
        }
    }

    func testAGrantEndingInThePastIsNotSavedAndAnExpiredGrantNoLongerCounts() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            try await office.get("/schools/\(Self.otherSchool)")
            let yesterday = TestClock.today.adding(days: -1)

            let refused = try await office.post(
                "/schools/\(Self.otherSchool)/grant", form: [("inspector", "1"), ("until", yesterday.description)])

            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("请填写不早于今天的截止日期"))
            let saved = try await VisitGrant.query(on: app.db).count()
            XCTAssertEqual(saved, 0)

            let expired = VisitGrant()
            expired.inspectorID = 1
            expired.schoolID = Self.otherSchool
            expired.until = yesterday.description
            expired.grantedBy = try await app.user("office").id!
            try await expired.save(on: app.db)
            let inspector = try await login(app, "inspector")
            let form = try await inspector.get("/visits/new?school=\(Self.otherSchool)")
            XCTAssertEqual(form.status, .forbidden)
        }
    }

    func testOnlyTheOfficeMayGrant() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")

            let res = try await inspector.post(
                "/schools/\(Self.otherSchool)/grant",
                form: [
                    ("inspector", "1"), ("until", TestClock.today.adding(days: 7).description),
                ])

            XCTAssertEqual(res.status, .forbidden)
            let grants = try await VisitGrant.query(on: app.db).count()
            XCTAssertEqual(grants, 0)
        }
    }

    // MARK: - The school account

    func testASchoolAccountListsOnlyTheSubmittedVisitsOfItsOwnSchool() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let submitted = try await inspector.recordSubmittedVisit(school: 1)
            let draft = try await inspector.createVisit(school: 1)
            let elsewhere = try await inspector.recordSubmittedVisit(school: 2)
            let expected = try await Visit.query(on: app.db).filter(\.$schoolID == 1).filter(\.$status == .submitted)
                .all()
            XCTAssertLessThanOrEqual(expected.count, 30, "all on the first page")
            let school = try await login(app, "school")

            let res = try await school.get("/visits")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertEqual(HTML.listTotal(in: html), expected.count)
            XCTAssertEqual(visitLinks(in: html), Set(expected.compactMap(\.id)))
            XCTAssertTrue(visitLinks(in: html).contains(submitted))
            XCTAssertFalse(visitLinks(in: html).contains(draft), "a draft is not shown to the school")
            XCTAssertFalse(visitLinks(in: html).contains(elsewhere), "another school's visit is not shown")
            XCTAssertFalse(html.contains("新建督导记录"))
            let filtered = try await school.get("/visits?school=2")
            XCTAssertEqual(HTML.listTotal(in: filtered.body.string), 0, "a filter cannot widen the scope")
        }
    }

    func testASchoolAccountGets404ForAnotherSchoolsVisitAndForADraftOfItsOwn() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let own = try await inspector.recordSubmittedVisit(school: 1)
            let draft = try await inspector.createVisit(school: 1)
            let other = try await inspector.recordSubmittedVisit(school: 2, summary: "实验小学的督导情况，不给别校看。")
            let school = try await login(app, "school")
            let token = try await apiToken(app, "school")

            let ownPage = try await school.get("/visits/\(own)")
            let otherPage = try await school.get("/visits/\(other)")
            let otherPrint = try await school.get("/visits/\(other)/print")
            let draftPage = try await school.get("/visits/\(draft)")
            let otherAPI = try await apiSend(app, .GET, "/api/v1/visits/\(other)", token: token)
            let draftAPI = try await apiSend(app, .GET, "/api/v1/visits/\(draft)", token: token)

            XCTAssertEqual(ownPage.status, .ok)
            XCTAssertFalse(ownPage.body.string.contains("data-autosave"), "the school reads, it does not edit")
            XCTAssertFalse(ownPage.body.string.contains("action=\"/visits/\(own)/amend\""))
            XCTAssertEqual(otherPage.status, .notFound)
            XCTAssertFalse(otherPage.body.string.contains("实验小学的督导情况"))
            XCTAssertEqual(otherPrint.status, .notFound)
            XCTAssertEqual(draftPage.status, .notFound)
            XCTAssertEqual(otherAPI.status, .notFound)
            XCTAssertEqual(draftAPI.status, .notFound)
        }
    }

    func testInternalInterviewNotesAreNeverShownToTheSchool() async throws {
        try await withApp { app in
            let secret = "家长反映某教师在家长群布置额外作业（内部核实中）"
            let open = "学生表示午餐分量足、口味好"
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            try await inspector.post("/visits/\(id)", form: [("summary", "巡查食堂。")])
            let internalRes = try await inspector.post(
                "/visits/\(id)/interviews",
                form: [
                    ("group", "parents"), ("people", "2"), ("notes", secret), ("internalOnly", "on"),
                ])
            XCTAssertEqual(internalRes.status, .seeOther)
            try await inspector.post(
                "/visits/\(id)/interviews", form: [("group", "students"), ("people", "3"), ("notes", open)])
            try await inspector.post("/visits/\(id)/submit")
            let stored = try await Interview.query(on: app.db).filter(\.$visitID == id).sort(\.$id).all()
            XCTAssertEqual(stored.map(\.isInternal), [true, false])

            let school = try await login(app, "school")
            let schoolPage = try await school.get("/visits/\(id)")
            let schoolPrint = try await school.get("/visits/\(id)/print")
            let schoolToken = try await apiToken(app, "school")
            let schoolAPI = try await apiSend(app, .GET, "/api/v1/visits/\(id)", token: schoolToken)
            let office = try await login(app, "office")
            let officePage = try await office.get("/visits/\(id)")
            let authorPage = try await inspector.get("/visits/\(id)")

            XCTAssertEqual(schoolPage.status, .ok)
            XCTAssertFalse(schoolPage.body.string.contains(secret))
            XCTAssertTrue(schoolPage.body.string.contains(open))
            XCTAssertEqual(schoolPrint.status, .ok)
            XCTAssertFalse(schoolPrint.body.string.contains(secret))
            XCTAssertTrue(schoolPrint.body.string.contains(open))
            XCTAssertEqual(schoolAPI.status, .ok)
            let dto = try schoolAPI.content.decode(APIVisit.self)
            XCTAssertEqual(dto.interviews?.map(\.notes), [open])
            XCTAssertFalse(schoolAPI.body.string.contains(secret))
            XCTAssertTrue(officePage.body.string.contains(secret))
            XCTAssertTrue(authorPage.body.string.contains(secret))
        }
    }

    // MARK: - Editing and amending someone else's record

    func testTheLeaderReadsAVisitButCannotAmendIt() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.recordSubmittedVisit(school: 1, summary: "原督导情况。")
            let leader = try await login(app, "leader")

            let page = try await leader.get("/visits/\(id)")
            let amend = try await leader.post("/visits/\(id)/amend", form: [("summary", "领导改写"), ("reason", "我觉得不妥")])

            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains("action=\"/visits/\(id)/amend\""), "no amend form for the leader")
            XCTAssertEqual(amend.status, .forbidden)
            XCTAssertTrue(
                amend.body.string.contains("只有记录人或督导室可以更正已提交的记录"), "refused by the visit rule, not the role guard")
            let v = try await app.visit(id)
            XCTAssertEqual(v.summary, "原督导情况。")
            let amendments = try await VisitAmendment.query(on: app.db).count()
            XCTAssertEqual(amendments, 0)
        }
    }

    func testATeamMemberReadsTheAuthorsDraftButCannotEditIt() async throws {
        try await withApp { app in
            let li = try await app.inspector(named: "李秀英")
            try await Factory.inspectorAccount("lixiuying", for: li, on: app.db)
            let wang = try await login(app, "inspector")
            let id = try await wang.createVisit(school: 1, members: [li.id!])
            try await wang.post("/visits/\(id)", form: [("summary", "王建华的草稿")])
            let members = try await VisitMember.query(on: app.db).filter(\.$visitID == id).all()
            XCTAssertEqual(members.map(\.inspectorID), [li.id!])
            let member = try await login(app, "lixiuying")
            let token = try await apiToken(app, "lixiuying")

            let page = try await member.get("/visits/\(id)")
            let update = try await member.post("/visits/\(id)", form: [("summary", "李秀英改写")])
            let autosave = try await member.post(
                "/visits/\(id)", form: [("summary", "李秀英改写")], extraHeaders: [("X-Autosave", "1")])
            let lesson = try await member.post(
                "/visits/\(id)/observations",
                form: [("kind", "lesson"), ("className", "一班"), ("subject", "语文"), ("topic", "x")])
            let submit = try await member.post("/visits/\(id)/submit")
            let put = try await apiSend(app, .PUT, "/api/v1/visits/\(id)", token: token, json: ["summary": "李秀英改写"])

            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains("data-autosave"))
            XCTAssertEqual(update.status, .forbidden)
            XCTAssertTrue(update.body.string.contains("只有记录人可以修改草稿"))
            XCTAssertEqual(autosave.status, .forbidden)
            XCTAssertEqual(lesson.status, .forbidden)
            XCTAssertEqual(submit.status, .forbidden)
            XCTAssertEqual(put.status, .forbidden)
            let v = try await app.visit(id)
            XCTAssertEqual(v.summary, "王建华的草稿")
            XCTAssertEqual(v.status, .draft)
            let observations = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(observations, 0)
        }
    }

    func testAnInspectorListsWhatTheyLeadWhatTheyJoinedAndTheSubmittedVisitsOfTheirSchools() async throws {
        try await withApp(history: false) { app in
            let li = try await app.inspector(named: "李秀英")
            try await Factory.inspectorAccount("lixiuying", for: li, on: app.db)
            guard
                let lisSchool = try await Assignment.query(on: app.db).filter(\.$inspectorID == li.id!)
                    .filter(\.$endDate == nil).first()?.schoolID
            else { throw TestSetupError("李秀英 holds no school") }
            let wang = try await login(app, "inspector")
            let liSession = try await login(app, "lixiuying")
            let ownDraft = try await wang.createVisit(school: 1)
            let joined = try await liSession.createVisit(school: lisSchool, members: [1])
            let lisAlone = try await liSession.recordSubmittedVisit(school: lisSchool)
            let lisDraft = try await liSession.createVisit(school: lisSchool)
            let office = try await login(app, "office")
            let officeSubmitted = try await office.recordSubmittedVisit(school: 1)
            let officeDraft = try await office.createVisit(school: 1)

            let page = try await wang.get("/visits")

            XCTAssertEqual(page.status, .ok)
            let listed = visitLinks(in: page.body.string)
            XCTAssertTrue(listed.contains(ownDraft), "their own draft")
            XCTAssertTrue(listed.contains(joined), "a draft they are a team member of")
            XCTAssertTrue(listed.contains(officeSubmitted), "a submitted visit to a school assigned to them")
            XCTAssertFalse(listed.contains(officeDraft), "another author's draft at their school")
            XCTAssertFalse(listed.contains(lisAlone), "a visit to a school not assigned to them")
            XCTAssertFalse(listed.contains(lisDraft))
            XCTAssertEqual(listed, [ownDraft, joined, officeSubmitted])
            XCTAssertEqual(HTML.listTotal(in: page.body.string), 3)
        }
    }

    func testAnotherInspectorDoesNotEvenSeeTheDraft() async throws {
        try await withApp { app in
            let zhang = try await app.inspector(named: "张志强")
            try await Factory.inspectorAccount("zhangzhiqiang", for: zhang, on: app.db)
            let wang = try await login(app, "inspector")
            let id = try await wang.createVisit(school: 1)
            try await wang.post("/visits/\(id)", form: [("summary", "王建华的草稿")])
            let other = try await login(app, "zhangzhiqiang")

            let page = try await other.get("/visits/\(id)")
            let update = try await other.post("/visits/\(id)", form: [("summary", "改写")])
            let list = try await other.get("/visits")

            XCTAssertEqual(page.status, .notFound)
            XCTAssertEqual(update.status, .notFound)
            XCTAssertFalse(visitLinks(in: list.body.string).contains(id))
            let v = try await app.visit(id)
            XCTAssertEqual(v.summary, "王建华的草稿")
        }
    }
}
