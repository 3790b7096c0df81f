import DudaoCore
import Fluent
import Plot
import Vapor

enum LoginController {
    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    static func form(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: SiteURL.home.path) }
        let next = req.query[String.self, at: "next"] ?? ""
        return try await LoginPage(ctx: PageContext(req), username: "", next: next, error: nil).render()
            .encodeResponse(for: req)
    }

    /// Only local paths are followed after login, never another site.
    static func safeNext(_ next: String?) -> String {
        // Browsers read "\\" as "/" and drop tabs and newlines, so those could lead to another site.
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/login"), !next.contains("\\"),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else {
            return SiteURL.home.path
        }
        return next
    }

    static func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        let outcome = try await Authenticator.check(username: username, password: password, on: req.db)
        switch outcome {
        case .success(let user):
            // A new session id on login, so a planted session cannot be reused.
            if let old = req.session.id {
                try await req.application.sessions.driver.deleteSession(old, for: req).get()
                req.session.id = nil
            }
            req.session.data = SessionData()
            req.session.data["uid"] = String(user.id!)
            _ = req.csrfToken
            return req.redirect(to: user.mustChangePassword ? SiteURL.password.path : safeNext(form.next))
        case .failure(let message):
            var page = try await LoginPage(ctx: PageContext(req), username: username, next: form.next ?? "", error: message)
                .render()
            page.status = .unauthorized
            return try await page.encodeResponse(for: req)
        }
    }

    static func logout(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: SiteURL.login.path)
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    static func passwordForm(req: Request) async throws -> Page {
        PasswordPage(ctx: PageContext(req), errors: []).render()
    }

    static func changePassword(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        let form = try req.content.decode(PasswordForm.self)
        guard let user = try await User.find(p.userID, on: req.db) else { throw Abort(.unauthorized) }
        var errors: [FieldError] = []
        let newPassword = form.new ?? ""
        if !(try await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            errors.append(.init("current", "当前密码不正确"))
        }
        if let problem = AccountRules.passwordProblem(newPassword, username: user.username) {
            errors.append(.init("new", problem))
        } else if newPassword != (form.confirm ?? "") {
            errors.append(.init("confirm", "两次输入的新密码不一致"))
        } else if newPassword == (form.current ?? "") {
            errors.append(.init("new", "新密码不能与当前密码相同"))
        }
        if !errors.isEmpty {
            var page = PasswordPage(ctx: PageContext(req), errors: errors).render()
            page.status = .unprocessableEntity
            return try await page.encodeResponse(for: req)
        }
        user.passwordHash = try await req.password.async.hash(newPassword)
        user.mustChangePassword = false
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await Audit.record(
                on: db, actor: p, action: "update", entity: "user", id: user.id!, orgPath: user.orgPath,
                summary: "修改了自己的密码")
        }
        req.flash("密码已修改")
        return req.redirect(to: SiteURL.home.path)
    }
}

/// Checks a username and password, counting failures and locking the account after too many.
enum Authenticator {
    enum Outcome {
        case success(User)
        case failure(String)
    }

    static let wrong = "用户名或密码不正确"

    static func check(username: String, password: String, on db: any Database, now: Date = Date()) async throws
        -> Outcome
    {
        guard !username.isEmpty, !password.isEmpty else { return .failure("请输入用户名和密码") }
        guard let user = try await User.query(on: db).filter(\.$username == username).first(), user.active else {
            // Same cost as a real check, so timing does not reveal which usernames exist.
            _ = try? Bcrypt.verify(password, created: dummyHash)
            return .failure(wrong)
        }
        if let until = user.lockedUntil, until > now {
            let minutes = Int((until.timeIntervalSince(now) / 60).rounded(.up))
            return .failure("连续登录失败次数过多，账号已锁定，请\(minutes)分钟后再试或联系管理员")
        }
        if try Bcrypt.verify(password, created: user.passwordHash) {
            user.failedLogins = 0
            user.lockedUntil = nil
            user.lastLoginAt = now
            try await user.save(on: db)
            return .success(user)
        }
        user.failedLogins += 1
        if AccountRules.shouldLock(failuresInARow: user.failedLogins) {
            user.lockedUntil = now.addingTimeInterval(Double(AccountRules.lockMinutes * 60))
            user.failedLogins = 0
            try await user.save(on: db)
            return .failure("连续登录失败次数过多，账号已锁定\(AccountRules.lockMinutes)分钟")
        }
        try await user.save(on: db)
        let left = AccountRules.maxFailures - user.failedLogins
        return .failure(wrong + "（再失败\(left)次将锁定账号）")
    }

    static let dummyHash = try! Bcrypt.hash("not-a-password", cost: 12)
}

struct LoginPage {
    let ctx: PageContext
    let username: String
    let next: String
    let error: String?

    func render() async throws -> Page {
        Layout.page(
            "登录", ctx,
            .el(
                "section", [("class", "card narrow")],
                [
                    .el("h1", [], [.text("登录督导平台")]),
                    error.map { .el("div", [("class", "alert error"), ("role", "alert")], [.text($0)]) } ?? .empty,
                    .el(
                        "form", [("method", "post"), ("action", SiteURL.login.path)],
                        [
                            .csrf(ctx.csrf),
                            .hidden("next", next),
                            .field("用户名", name: "username", value: username, required: true,
                                attrs: [("autocomplete", "username"), ("autocapitalize", "off")]),
                            .field("密码", name: "password", value: "", type: "password", required: true,
                                attrs: [("autocomplete", "current-password")]),
                            .el("button", [("type", "submit"), ("class", "btn primary block")], [.text("登录")]),
                        ]),
                    ctx.demo ? demoLogins : .empty,
                ]))
    }

    var demoLogins: Node<HTML.BodyContext> {
        .el(
            "div", [("class", "demo-logins")],
            [
                .el("h2", [], [.text("演示账号")]),
                .el("p", [], [.text("密码均为 \(DemoSeed.password)")]),
                .el("ul", [], DemoSeed.logins.map { .el("li", [], [.el("code", [], [.text($0.0)]), .text(" — \($0.1)")]) }),
            ])
    }
}

struct PasswordPage {
    let ctx: PageContext
    let errors: [FieldError]

    func render() -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let forced = ctx.principal?.mustChangePassword == true
        return Layout.page(
            "修改密码", ctx,
            .el(
                "section", [("class", "card narrow")],
                [
                    .el("h1", [], [.text("修改密码")]),
                    forced ? .warning("首次登录或密码已被重置，请先设置新密码。") : .empty,
                    .el(
                        "form", [("method", "post"), ("action", SiteURL.password.path)],
                        [
                            .csrf(ctx.csrf),
                            .field("当前密码", name: "current", value: "", error: err("current"), type: "password",
                                required: true, attrs: [("autocomplete", "current-password")]),
                            .field("新密码", name: "new", value: "", error: err("new"), type: "password", required: true,
                                hint: "至少8位，须同时包含字母和数字", attrs: [("autocomplete", "new-password")]),
                            .field("再次输入新密码", name: "confirm", value: "", error: err("confirm"), type: "password",
                                required: true, attrs: [("autocomplete", "new-password")]),
                            .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存新密码")]),
                        ]),
                ]))
    }
}
