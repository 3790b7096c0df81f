import DudaoCore
import Fluent
import Foundation
import XCTVapor

@testable import App

/// Each finding of the security review ("Nothing a request sends may crash, inject or leak"),
/// reproduced as a request and answered as it must be now.
final class SecurityRegressionTests: XCTestCase {
    static let script = #""><script>alert(1)</script>"#
    static let svg = #""><svg onload=alert(1)>'"#

    // MARK: Numbers that used to trap

    func testAnIntMaxPageOnThePublicListIsA400AndTheServerStaysUp() async throws {
        try await withApp(history: false) { app in
            let res = try await app.sendRequest(.GET, "/public?page=9223372036854775807")

            XCTAssertEqual(res.status, .badRequest)
            XCTAssertTrue(res.body.string.contains("页码应为 1–100000 之间的整数"))
            let health = try await app.sendRequest(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok)
        }
    }

    func testExtremePagesOnTheAPIAreJSON400s() async throws {
        try await withApp(history: false) { app in
            let token = try await apiToken(app, "office")
            for value in [
                "9223372036854775807", "-9223372036854775808", "0", "-1", "1e30", "NaN", "99999999999999999999",
            ] {
                let res = try await apiGet(app, "/api/v1/schools?page=\(value)", token: token)

                XCTAssertEqual(res.status, .badRequest, value)
                let error = try res.content.decode(APIErrorReply.self)
                XCTAssertEqual(error.error.code, "bad_request")
            }
            let per = try await apiGet(app, "/api/v1/schools?per=201", token: token)
            XCTAssertEqual(per.status, .badRequest)
        }
    }

    func testAnInspectorWithATermStartingIn2199IsRefusedNotACrash() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/inspectors/new")

            let res = try await office.post(
                "/inspectors",
                form: [
                    ("name", "测试督学"), ("kind", "partTime"), ("gender", "female"), ("phone", "13900001111"),
                    ("employer", "某中学"), ("post", "教师"), ("termStart", "2199-01-01"), ("termEnd", "2202-01-01"),
                ])

            XCTAssertEqual(res.status, .unprocessableEntity)
            let count = try await Inspector.query(on: app.db).filter(\.$name == "测试督学").count()
            XCTAssertEqual(count, 0)
            let health = try await app.sendRequest(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok)
        }
    }

    func testAMultipartBodyWithAnEmptyBoundaryIsA400NotATrap() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            var headers = office.headers
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\"\"")

            let res = try await app.sendRequest(.POST, "/schools/1", headers: headers, body: ByteBuffer(string: "x"))

            XCTAssertEqual(res.status, .badRequest)
            let health = try await app.sendRequest(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok)
        }
    }

    // MARK: Reflected and stored script

    func testQueryValuesEchoedIntoPagesAreEscaped() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let payload = FormEncoding.escape(Self.script)
            let anonymous = [
                "/public?q=\(payload)", "/public/complaints/track?code=\(payload)", "/login?next=\(payload)",
            ]
            for path in anonymous {
                let res = try await app.sendRequest(.GET, path)
                XCTAssertFalse(res.body.string.contains(Self.script), path)
                XCTAssertFalse(res.body.string.contains("<script>alert"), path)
            }
            for path in ["/schools?q=\(payload)", "/inspectors?q=\(payload)", "/problems?q=\(payload)"] {
                let res = try await office.get(path)
                XCTAssertEqual(res.status, .ok, path)
                XCTAssertFalse(res.body.string.contains("<script>alert"), path)
                XCTAssertTrue(res.body.string.contains("&quot;&gt;&lt;script&gt;"), path)
            }
        }
    }

    func testAVisitThemeAndAPhotoCaptionSavedThroughTheAPIAreEscapedOnTheVisitPage() async throws {
        try await withApp(history: false) { app in
            let token = try await apiToken(app, "inspector")
            let inspector = try await app.inspector(named: "王建华")
            let school = try await Assignment.currentSchoolIDs(inspectorID: inspector.id!, on: app.db).first!
            let created = try await apiSend(
                app, .POST, "/api/v1/visits", token: token,
                json: [
                    "schoolId": school, "date": TestClock.today.description, "start": "08:30", "theme": Self.svg,
                    "summary": "听课一节",
                ])
            XCTAssertEqual(created.status, .created)
            let visit = try await Visit.query(on: app.db).sort(\.$id, .descending).first()!
            let photo = try await apiPostRaw(
                app, "/api/v1/visits/\(visit.id!)/photos?caption=\(FormEncoding.escape(Self.svg))", token: token,
                contentType: "image/png", data: tinyPNG)
            XCTAssertEqual(photo.status, .created)
            _ = try await apiSend(app, .POST, "/api/v1/visits/\(visit.id!)/submit", token: token)

            for user in ["inspector", "office", "leader"] {
                let session = try await login(app, user)
                let page = try await session.get("/visits/\(visit.id!)")
                XCTAssertEqual(page.status, .ok, user)
                XCTAssertFalse(page.body.string.contains("<svg onload"), user)
            }
        }
    }

    func testAReferralTextIsEscapedOnTheProblemPage() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let school = try await Assignment.currentSchoolIDs(
                inspectorID: try await app.inspector(named: "王建华").id!, on: app.db
            ).first!
            let (_, problemID) = try await inspector.recordVisitWithProblem(school: school)
            let problem = try await app.problem(problemID)
            problem.disposition = .refer
            try await problem.save(on: app.db)
            try await inspector.get("/problems/\(problemID)")

            let res = try await inspector.post(
                "/problems/\(problemID)/referral",
                form: [
                    ("department", "基础教育科"), ("reply", Self.svg),
                ])

            XCTAssertEqual(res.status, .seeOther)
            let page = try await inspector.get("/problems/\(problemID)")
            XCTAssertFalse(page.body.string.contains("<svg onload"))
            XCTAssertTrue(page.body.string.contains("&lt;svg onload=alert(1)&gt;&#39;"))
        }
    }

    func testEveryResponseForbidsInlineScriptAndFraming() async throws {
        try await withApp(history: false) { app in
            for path in ["/public", "/login", "/healthz", "/assets/app.css", "/no-such-page"] {
                let res = try await app.sendRequest(.GET, path)
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                XCTAssertTrue(csp.contains("script-src 'self'"), path)
                XCTAssertFalse(csp.contains("unsafe-inline"), path)
                XCTAssertTrue(csp.contains("frame-ancestors 'none'"), path)
                XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY", path)
                XCTAssertEqual(res.headers.first(name: "X-Content-Type-Options"), "nosniff", path)
                XCTAssertEqual(res.headers.first(name: "Referrer-Policy"), "same-origin", path)
                XCTAssertFalse((res.headers.first(name: "X-Request-Id") ?? "").isEmpty, "the id its log lines carry")
            }
        }
    }

    // MARK: Login throttling

    func testThirtyParallelWrongGuessesAreCountedOneByOneAndOnlyFiveAreChecked() async throws {
        try await withApp(history: false, clientAddressHeader: "X-Forwarded-For") { app in
            let attacker = TestSession(app: app)
            attacker.forwardedFor = "203.0.113.7"
            try await attacker.get("/login")

            let statuses = try await withThrowingTaskGroup(of: String.self) { group in
                for n in 0..<30 {
                    group.addTask {
                        try await attacker.post("/login", form: [("username", "office"), ("password", "guess-\(n)")])
                            .body.string
                    }
                }
                var bodies: [String] = []
                for try await body in group { bodies.append(body) }
                return bodies
            }

            let pair = try await LoginThrottleRow.find("pair:office@203.0.113.7", on: app.db)
            XCTAssertEqual(pair?.failures, 5, "every guess past the fifth is refused before the password is checked")
            XCTAssertEqual(statuses.filter { $0.contains("已暂停此设备登录该账号") }.count, 26)
        }
    }

    func testAStrangersWrongGuessesDoNotLockTheOwnerOut() async throws {
        try await withApp(history: false, clientAddressHeader: "X-Forwarded-For") { app in
            let stranger = TestSession(app: app)
            stranger.forwardedFor = "198.51.100.9"
            try await stranger.get("/login")
            for n in 1...5 {
                try await stranger.post("/login", form: [("username", "office"), ("password", "wrong-\(n)")])
            }
            let locked = try await stranger.post(
                "/login", form: [("username", "office"), ("password", DemoSeed.password)])
            XCTAssertEqual(locked.status, .unauthorized)

            let owner = TestSession(app: app)
            owner.forwardedFor = "192.0.2.10"
            try await owner.get("/login")
            let res = try await owner.post("/login", form: [("username", "office"), ("password", DemoSeed.password)])

            XCTAssertEqual(res.status, .seeOther)
        }
    }

    func testAnOfficeBehindOneAddressSignsInThirtyTimesWithoutBeingSlowed() async throws {
        try await withApp(history: false, clientAddressHeader: "X-Forwarded-For") { app in
            var statuses: [HTTPStatus] = []
            for n in 0..<30 {
                let colleague = TestSession(app: app)
                colleague.forwardedFor = "203.0.113.7"
                try await colleague.get("/login")
                let account = ["office", "inspector", "school"][n % 3]
                let res = try await colleague.post(
                    "/login", form: [("username", account), ("password", DemoSeed.password)])
                statuses.append(res.status)
            }
            let guesser = TestSession(app: app)
            guesser.forwardedFor = "203.0.113.7"
            try await guesser.get("/login")
            for n in 1...21 {
                try await guesser.post("/login", form: [("username", "nobody-\(n)"), ("password", "wrong")])
            }
            let slowed = try await guesser.post(
                "/login", form: [("username", "office"), ("password", DemoSeed.password)])

            XCTAssertEqual(statuses, Array(repeating: .seeOther, count: 30), "successes are not failures")
            XCTAssertEqual(slowed.status, .unauthorized, "twenty-one wrong guesses from the address still count")
            XCTAssertTrue(slowed.body.string.contains("登录失败次数过多"))
        }
    }

    func testAnAdministratorUnlocksAnAccount() async throws {
        try await withApp(history: false, clientAddressHeader: "X-Forwarded-For") { app in
            let visitor = TestSession(app: app)
            visitor.forwardedFor = "198.51.100.9"
            try await visitor.get("/login")
            for n in 1...5 {
                try await visitor.post("/login", form: [("username", "office"), ("password", "wrong-\(n)")])
            }
            let admin = try await login(app, "admin")
            let office = try await app.user("office")
            let list = try await admin.get("/accounts")
            XCTAssertTrue(list.body.string.contains("登录受限"))

            let res = try await admin.post("/accounts/\(office.id!)/unlock")

            XCTAssertEqual(res.status, .seeOther)
            let again = try await visitor.post(
                "/login", form: [("username", "office"), ("password", DemoSeed.password)])
            XCTAssertEqual(again.status, .seeOther)
        }
    }

    // MARK: Sessions and tokens

    func testAPasswordChangeEndsTheOtherSessionsAndRevokesEveryToken() async throws {
        try await withApp(history: false) { app in
            let phone = try await login(app, "office")
            let desktop = try await login(app, "office")
            let token = try await apiToken(app, "office")

            let res = try await desktop.post(
                "/account/password",
                form: [
                    ("current", DemoSeed.password), ("new", "newpass2027"), ("confirm", "newpass2027"),
                ])

            XCTAssertEqual(res.status, .seeOther)
            let stillIn = try await desktop.get("/")
            XCTAssertEqual(stillIn.status, .ok, "the session that changed the password stays signed in")
            let other = try await phone.get("/")
            XCTAssertEqual(other.status, .seeOther)
            let api = try await apiGet(app, "/api/v1/schools", token: token)
            XCTAssertEqual(api.status, .unauthorized)
        }
    }

    func testAnAdministratorsResetEndsTheSessionsAndRevokesTheTokens() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let token = try await apiToken(app, "office")
            let admin = try await login(app, "admin")
            let user = try await app.user("office")

            let res = try await admin.post("/accounts/\(user.id!)/reset")

            XCTAssertEqual(res.status, .seeOther)
            let page = try await office.get("/")
            XCTAssertEqual(page.status, .seeOther)
            let api = try await apiGet(app, "/api/v1/schools", token: token)
            XCTAssertEqual(api.status, .unauthorized)
        }
    }

    func testATokenCanBeRevokedFromTheAccountPage() async throws {
        try await withApp(history: false) { app in
            let token = try await apiToken(app, "office")
            let office = try await login(app, "office")
            let page = try await office.get("/account/password")
            XCTAssertTrue(page.body.string.contains("访问令牌"))
            let stored = try await ApiToken.query(on: app.db).filter(\.$tokenHash == Sessions.hash(token)).first()!

            let res = try await office.post("/account/tokens/\(stored.id!)/revoke")

            XCTAssertEqual(res.status, .seeOther)
            let api = try await apiGet(app, "/api/v1/schools", token: token)
            XCTAssertEqual(api.status, .unauthorized)
        }
    }

    func testAnonymousVisitsWriteNoSessionRows() async throws {
        try await withApp(history: false) { app in
            for _ in 0..<50 { _ = try await app.sendRequest(.GET, "/public") }
            _ = try await app.sendRequest(.GET, "/login")

            let rows = try await UserSession.query(on: app.db).count()
            XCTAssertEqual(rows, 0)
        }
    }

    func testASessionEndsAfterTheIdleLimit() async throws {
        let clock = ManualClock(Day(year: 2026, month: 11, day: 16)!.date(hour: 9))
        try await withApp(history: false) { app in
            app.clock = clock.clock
            let office = try await login(app, "office")
            clock.advance(by: 119 * 60)
            let active = try await office.get("/")
            XCTAssertEqual(active.status, .ok)

            clock.advance(by: 121 * 60)
            let idle = try await office.get("/")

            XCTAssertEqual(idle.status, .seeOther)
            XCTAssertTrue(idle.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    func testTheTimerSweepsIdleSessionsAndQuietLoginCounters() async throws {
        let clock = ManualClock(Day(year: 2026, month: 11, day: 16)!.date(hour: 9))
        try await withApp(history: false) { app in
            app.clock = clock.clock
            _ = try await login(app, "office")
            let visitor = TestSession(app: app)
            try await visitor.get("/login")
            try await visitor.post("/login", form: [("username", "office"), ("password", "wrong")])
            clock.advance(by: 25 * 3600)

            try await Sessions.sweep(now: clock.date, idleMinutes: app.config.sessionIdleMinutes, on: app.db)

            let sessions = try await UserSession.query(on: app.db).count()
            let counters = try await LoginThrottleRow.query(on: app.db).count()
            XCTAssertEqual(sessions, 0)
            XCTAssertEqual(counters, 0)
        }
    }

    func testTheSessionCookieIsSecureHttpOnlyAndLaxWhenServedOverHTTPS() async throws {
        try await withApp(history: false, secureCookies: true) { app in
            let visitor = TestSession(app: app)
            try await visitor.get("/login")

            let res = try await visitor.post("/login", form: [("username", "office"), ("password", DemoSeed.password)])

            let cookie = try XCTUnwrap(res.headers[.setCookie].first { $0.hasPrefix("dudao_session=") })
            XCTAssertTrue(cookie.contains("Secure"))
            XCTAssertTrue(cookie.contains("HttpOnly"))
            XCTAssertTrue(cookie.contains("SameSite=Lax"))
        }
    }

    // MARK: Uploads and body limits

    func testThreeFourMegabytePhotosFitTheComplaintForm() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let photo = UploadPart(
                field: "files[]", fileName: "现场.png", contentType: "image/png", data: bigPNG(4 << 20))

            let res = try await submitPublicComplaint(
                app, PublicComplaint(district: district.id!, files: [photo, photo, photo]))

            XCTAssertEqual(res.status, .ok)
            XCTAssertNotNil(trackingCode(in: res.body.string))
        }
    }

    func testTwoSixMegabytePDFsFitTheReportForm() async throws {
        try await withApp(history: false) { app in
            let (noticeID, school) = try await issuedNotice(app)
            try await school.get("/notices/\(noticeID)")
            let pdf = UploadPart(
                field: "files[]", fileName: "整改.pdf", contentType: "application/pdf", data: bigPDF(6 << 20))

            let res = try await school.report(onNotice: noticeID, body: "已清理消防通道，更换灭火器。", files: [pdf, pdf])

            XCTAssertEqual(res.status, .seeOther)
            try await assertState(app, notice: noticeID, .reported)
        }
    }

    func testABodyOverTheRoutesLimitIsA413WithAChineseMessage() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let huge = String(repeating: "字", count: 400_000)

            let res = try await office.post("/schools/1", form: [("name", huge)])

            XCTAssertEqual(res.status, .payloadTooLarge)
            XCTAssertTrue(res.body.string.contains("提交的内容"))
        }
    }

    func testALeadersReportUploadIsRefusedBeforeAnyFileIsWritten() async throws {
        try await withApp(history: false) { app in
            let (noticeID, _) = try await issuedNotice(app)
            let leader = try await login(app, "leader")
            try await leader.get("/notices/\(noticeID)")
            let before = storedFiles(app)

            let res = try await leader.report(onNotice: noticeID, body: "越权报送", files: [.png("leader.png")])

            XCTAssertEqual(res.status, .forbidden)
            XCTAssertEqual(storedFiles(app), before)
        }
    }

    func testAnAmendmentKeepsTheFormsLengthLimits() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let school = try await Assignment.currentSchoolIDs(
                inspectorID: try await app.inspector(named: "王建华").id!, on: app.db
            ).first!
            let visit = try await inspector.recordSubmittedVisit(school: school)
            try await inspector.get("/visits/\(visit)")

            let res = try await inspector.post(
                "/visits/\(visit)/amend",
                form: [
                    ("reason", "补充"), ("summary", String(repeating: "长", count: 5001)),
                ])

            XCTAssertEqual(res.status, .unprocessableEntity)
            let saved = try await app.visit(visit)
            XCTAssertEqual(saved.summary, "推门听课一节，查阅作业批改记录。")
        }
    }

    // MARK: Scope

    func testASchoolCannotReadAProblemOfADraftVisit() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let draft = try await inspector.createVisit(school: 1)
            try await inspector.post(
                "/visits/\(draft)/problems",
                form: [
                    ("category", "安全"), ("severity", "serious"), ("disposition", "rectify"),
                    ("description", "草稿中的问题，尚未核实。"),
                ])
            let problem = try await Problem.query(on: app.db).filter(\.$visitID == draft).first()!
            let school = try await login(app, "school")
            let leader = try await login(app, "leader")

            let bySchool = try await school.get("/problems/\(problem.id!)")
            let byLeader = try await leader.get("/problems/\(problem.id!)")
            let byAuthor = try await inspector.get("/problems/\(problem.id!)")

            XCTAssertEqual(bySchool.status, .notFound)
            XCTAssertEqual(byLeader.status, .notFound)
            XCTAssertEqual(byAuthor.status, .ok)
        }
    }

    func testAProblemOfADraftIsOnNoHomeOrSchoolPageUntilItsRecordIsSubmitted() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let office = try await login(app, "office")
            let draft = try await inspector.recordDraftWithProblem(school: 1, description: "食堂留样柜温度未记录。")
            let homeBefore = try await inspector.get("/")
            let schoolBefore = try await office.get("/schools/1")

            try await inspector.post("/visits/\(draft)/submit")

            let homeAfter = try await inspector.get("/")
            let schoolAfter = try await office.get("/schools/1")
            XCTAssertFalse(homeBefore.body.string.contains("食堂留样柜温度未记录"))
            XCTAssertFalse(schoolBefore.body.string.contains("食堂留样柜温度未记录"))
            XCTAssertTrue(homeAfter.body.string.contains("食堂留样柜温度未记录"))
            XCTAssertTrue(schoolAfter.body.string.contains("食堂留样柜温度未记录"))
        }
    }

    func testOnlyTheOfficeSeesWhoComplained() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let res = try await submitPublicComplaint(app, PublicComplaint(district: district.id!, name: "赵晓梅"))
            let code = try XCTUnwrap(trackingCode(in: res.body.string))
            let complaint = try await app.complaint(code: code)

            let office = try await login(app, "office").get("/complaints/\(complaint.id!)")
            let admin = try await login(app, "admin").get("/complaints/\(complaint.id!)")

            XCTAssertTrue(office.body.string.contains("赵晓梅"))
            XCTAssertEqual(admin.status, .ok)
            XCTAssertFalse(admin.body.string.contains("赵晓梅"))
            XCTAssertFalse(admin.body.string.contains("13912345678"))
        }
    }

    func testTheComplaintLimitCountsTheAddressTheTrustedProxyGives() async throws {
        try await withApp(history: false, clientAddressHeader: "X-Forwarded-For") { app in
            let district = try await app.demoDistrict()
            let first = TestSession(app: app)
            first.forwardedFor = "203.0.113.1"
            for _ in 0..<ComplaintsController.perAddressPerHour {
                let ok = try await submitPublicComplaint(app, PublicComplaint(district: district.id!), session: first)
                XCTAssertEqual(ok.status, .ok)
            }
            let refused = try await submitPublicComplaint(app, PublicComplaint(district: district.id!), session: first)
            XCTAssertEqual(refused.status, .tooManyRequests)

            let second = TestSession(app: app)
            second.forwardedFor = "203.0.113.2"
            let other = try await submitPublicComplaint(app, PublicComplaint(district: district.id!), session: second)

            XCTAssertEqual(other.status, .ok)
        }
    }

    // MARK: Once only

    func testTwoClicksOnOneNoticeActionApplyItOnce() async throws {
        try await withApp(history: false) { app in
            let (noticeID, school) = try await issuedNotice(app)
            try await school.get("/notices/\(noticeID)")

            async let a = school.act(onNotice: noticeID, .acknowledge)
            async let b = school.act(onNotice: noticeID, .acknowledge)
            let statuses = [try await a, try await b].map(\.status)

            XCTAssertEqual(statuses.filter { $0 == .seeOther }.count, 1)
            XCTAssertEqual(statuses.filter { $0 == .conflict || $0 == .forbidden }.count, 1)
            let events = try await app.events("notice", noticeID).filter {
                $0.action == NoticeAction.acknowledge.rawValue
            }
            XCTAssertEqual(events.count, 1)
        }
    }

    func testFiftySimultaneousComplaintsAndNoticesGiveNoServerError() async throws {
        try await withApp(history: false, fileDatabase: true, clientAddressHeader: "X-Forwarded-For") { app in
            let district = try await app.demoDistrict()
            let inspector = try await login(app, "inspector")
            let school = try await Assignment.currentSchoolIDs(
                inspectorID: try await app.inspector(named: "王建华").id!, on: app.db
            ).first!
            var problems: [Int] = []
            for n in 0..<10 {
                problems.append(
                    try await inspector.recordVisitWithProblem(school: school, description: "问题\(n)：操场围栏破损。").problem)
            }
            try await inspector.get("/notices/new?school=\(school)")
            var visitors: [TestSession] = []
            for n in 0..<50 {
                let v = TestSession(app: app)
                v.forwardedFor = "203.0.113.\(n + 1)"
                try await v.get("/public/complaints/new")
                visitors.append(v)
            }

            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for v in visitors {
                    group.addTask {
                        try await submitPublicComplaint(app, PublicComplaint(district: district.id!), session: v).status
                    }
                }
                for problem in problems {
                    group.addTask {
                        try await inspector.post(
                            "/notices",
                            form: [
                                ("school", String(school)), ("problems[]", String(problem)), ("requirements", "立即整改。"),
                                ("deadline", TestClock.today.adding(days: 20).description),
                            ]
                        ).status
                    }
                }
                var all: [HTTPStatus] = []
                for try await s in group { all.append(s) }
                return all
            }

            XCTAssertEqual(statuses.filter { $0.code >= 500 }.count, 0)
            XCTAssertEqual(statuses.filter { $0 == .ok }.count, 50)
            XCTAssertEqual(statuses.filter { $0 == .seeOther }.count, 10)
            let numbers = try await RectificationNotice.query(on: app.db).all(\.$number)
            XCTAssertEqual(Set(numbers).count, numbers.count, "every notice has its own number")
        }
    }
}

// MARK: - Helpers

/// An issued notice of school 1 and the school's signed-in session.
private func issuedNotice(_ app: Application) async throws -> (Int, TestSession) {
    let inspector = try await login(app, "inspector")
    let (_, problem) = try await inspector.recordVisitWithProblem(school: 1)
    let notice = try await inspector.createNotice(school: 1, problems: [problem])
    try await inspector.get("/notices/\(notice)")
    let issued = try await inspector.act(onNotice: notice, .issue)
    guard issued.status == .seeOther else { throw TestSetupError("issuing notice \(notice): \(issued.status.code)") }
    return (notice, try await login(app, "school"))
}

/// The files in the attachment store and its temporary folder.
private func storedFiles(_ app: Application) -> Set<String> {
    let root = app.config.dataDir
    let paths = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
    return Set(paths.filter { !$0.hasSuffix(".sqlite") && !$0.contains(".sqlite-") })
}

/// A PNG header followed by `size` bytes (recognised as a PNG by its first bytes).
func bigPNG(_ size: Int) -> Data {
    var d = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    d.append(Data(count: size - d.count))
    return d
}

func bigPDF(_ size: Int) -> Data {
    var d = Data("%PDF-1.4\n".utf8)
    d.append(Data(count: size - d.count))
    return d
}
