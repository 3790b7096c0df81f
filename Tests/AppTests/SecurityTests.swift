import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// CSRF on every form, login lockout, sessions, and where each role lands after signing in.
final class SecurityTests: XCTestCase {
    // MARK: CSRF

    func testFormPostWithoutCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await withApp { app in
            let before = try await app.school(1)
            let office = try await login(app, "office")

            let res = try await office.post(
                "/schools/1", form: replacing(schoolFormFields(before, township: "城关街道"), "name", with: "改名小学"),
                csrf: .omit)

            XCTAssertEqual(res.status, .forbidden)
            XCTAssertTrue(res.body.string.contains("表单已过期"))
            let after = try await app.school(1)
            XCTAssertEqual(after.name, before.name)
            let audits = try await AuditEvent.query(on: app.db).count()
            XCTAssertEqual(audits, 0)
        }
    }

    func testFormPostWithAWrongCSRFTokenIsRefused() async throws {
        try await withApp { app in
            let before = try await app.school(1)
            let office = try await login(app, "office")
            let forged = String(repeating: "A", count: office.csrf?.count ?? 32)

            let res = try await office.post(
                "/schools/1", form: replacing(schoolFormFields(before, township: "城关街道"), "name", with: "改名小学"),
                csrf: .value(forged))

            XCTAssertEqual(res.status, .forbidden)
            let after = try await app.school(1)
            XCTAssertEqual(after.name, before.name)
        }
    }

    func testTheTokenOfAnotherSessionIsRefused() async throws {
        try await withApp { app in
            let before = try await app.school(1)
            let office = try await login(app, "office")
            let attacker = try await login(app, "admin")
            XCTAssertNotEqual(office.csrf, attacker.csrf)

            let res = try await office.post(
                "/schools/1", form: replacing(schoolFormFields(before, township: "城关街道"), "name", with: "改名小学"),
                csrf: .value(attacker.csrf ?? ""))

            XCTAssertEqual(res.status, .forbidden)
            let after = try await app.school(1)
            XCTAssertEqual(after.name, before.name)
        }
    }

    func testLoginFormWithoutCSRFTokenIsRefused() async throws {
        try await withApp { app in
            let visitor = TestSession(app: app)
            try await visitor.get("/login")

            let res = try await visitor.post(
                "/login", form: [("username", "office"), ("password", DemoSeed.password)], csrf: .omit)

            XCTAssertEqual(res.status, .forbidden)
        }
    }

    // MARK: Lockout

    func testFiveWrongPasswordsFromOneAddressLockThatAddressEvenForTheRightPassword() async throws {
        try await withApp { app in
            let visitor = TestSession(app: app)
            try await visitor.get("/login")
            for attempt in 1...5 {
                let res = try await visitor.post(
                    "/login", form: [("username", "office"), ("password", "wrong-\(attempt)")])
                XCTAssertEqual(res.status, .unauthorized, "attempt \(attempt)")
            }

            let res = try await visitor.post("/login", form: [("username", "office"), ("password", DemoSeed.password)])

            XCTAssertEqual(res.status, .unauthorized)
            XCTAssertTrue(res.body.string.contains("已暂停此设备登录该账号"))
            // Still signed out.
            let home = try await visitor.get("/")
            XCTAssertEqual(home.status, .seeOther)
            XCTAssertTrue(home.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    func testWrongPasswordsBelowTheLimitWarnAndDoNotLock() async throws {
        try await withApp { app in
            let visitor = TestSession(app: app)
            try await visitor.get("/login")
            var last = ""
            for _ in 1...4 {
                last = try await visitor.post("/login", form: [("username", "office"), ("password", "wrong")]).body
                    .string
            }
            XCTAssertTrue(last.contains("再失败1次"))

            let res = try await visitor.post("/login", form: [("username", "office"), ("password", DemoSeed.password)])

            XCTAssertEqual(res.status, .seeOther)
            let left = try await LoginThrottleRow.query(on: app.db).filter(\.$id == "account:office").count()
            XCTAssertEqual(left, 0, "a successful login starts the account's count again")
        }
    }

    // MARK: Sessions

    func testAPlantedSessionCookieIsNeverAdoptedAtLogin() async throws {
        try await withApp { app in
            let visitor = TestSession(app: app)
            visitor.setCookie(TestSession.cookieName, "planted-by-an-attacker")
            try await visitor.get("/login")

            let res = try await visitor.post("/login", form: [("username", "office"), ("password", DemoSeed.password)])

            XCTAssertEqual(res.status, .seeOther)
            let signedIn = try XCTUnwrap(visitor.cookie)
            XCTAssertNotEqual(signedIn, "planted-by-an-attacker")
            let home = try await visitor.get("/")
            XCTAssertEqual(home.status, .ok)
            var planted = HTTPHeaders()
            planted.replaceOrAdd(name: .cookie, value: "\(TestSession.cookieName)=planted-by-an-attacker")
            let replay = try await app.sendRequest(.GET, "/", headers: planted)
            XCTAssertEqual(replay.status, .seeOther)
        }
    }

    func testLogoutEndsTheSession() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.post("/logout")

            XCTAssertEqual(res.status, .seeOther)
            XCTAssertEqual(res.headers.first(name: .location), "/login")
            let home = try await office.get("/")
            XCTAssertEqual(home.status, .seeOther)
        }
    }

    func testAnonymousVisitorIsSentToLoginWithTheWayBack() async throws {
        try await withApp { app in
            try await app.test(.GET, "/schools/1") { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/login?next=/schools/1")
            }
        }
    }

    func testLoginDoesNotFollowANextLinkToAnotherSite() async throws {
        try await withApp { app in
            let visitor = TestSession(app: app)
            try await visitor.get("/login")

            let res = try await visitor.post(
                "/login", form: [("username", "office"), ("password", DemoSeed.password), ("next", "//evil.example/")])

            XCTAssertEqual(res.status, .seeOther)
            XCTAssertEqual(res.headers.first(name: .location), "/")
        }
    }

    func testLoginDoesNotFollowANextLinkThatBrowsersReadAsAnotherSite() async throws {
        // Browsers treat "\\" like "/" and drop tabs and line breaks in URLs, so "/\\evil" and
        // "/<tab>/evil" both lead to //evil, another site.
        for next in ["/\\evil.example/", "/\t/evil.example/"] {
            try await withApp { app in
                let visitor = TestSession(app: app)
                try await visitor.get("/login")

                let res = try await visitor.post(
                    "/login", form: [("username", "office"), ("password", DemoSeed.password), ("next", next)])

                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/", "next=\(next.debugDescription)")
            }
        }
    }

    func testLoginFollowsALocalNextLink() async throws {
        try await withApp { app in
            let visitor = TestSession(app: app)
            try await visitor.get("/login")

            let res = try await visitor.post(
                "/login", form: [("username", "office"), ("password", DemoSeed.password), ("next", "/schools/3")])

            XCTAssertEqual(res.headers.first(name: .location), "/schools/3")
        }
    }

    // MARK: Each role's home

    func testOfficeLandsOnTheOfficeWorkbench() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.get("/")

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("督导室工作台"))
            XCTAssertEqual(HTML.statValue("在办学校", in: res.body.string), 39)
            XCTAssertEqual(HTML.statValue("未挂牌学校", in: res.body.string), 2)
        }
    }

    func testLeaderLandsOnTheOverview() async throws {
        try await withApp { app in
            let leader = try await login(app, "leader")

            let res = try await leader.get("/")

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("督导工作概览"))
        }
    }

    func testInspectorLandsOnTheirSchools() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")

            let res = try await inspector.get("/")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains("您好"))
            XCTAssertTrue(html.contains("王建华"))
            XCTAssertTrue(html.contains("您是 4 所学校的责任督学"))
        }
    }

    func testSchoolAccountLandsOnItsOwnWorkbenchLinkingToItsSchoolPage() async throws {
        try await withApp { app in
            let school = try await login(app, "school")

            let res = try await school.get("/")

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("本校挂牌督学"))
            XCTAssertTrue(res.body.string.contains(#"href="/schools/1""#))
            let page = try await school.get("/schools/1")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("城关街道中心小学"))
        }
    }
}
