import DudaoCore
import Fluent
import SQLKit
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
        return try await LoginView(ctx: req.pageContext(), model: Login(username: "", next: next, error: nil)).render()
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
        let username = String((form.username ?? "").trimmingCharacters(in: .whitespaces).prefix(64))
        let password = form.password ?? ""
        let outcome = try await Authenticator.check(
            username: username, password: password, address: req.clientAddress, on: req.db, now: req.now)
        switch outcome {
        case .success(let user):
            // A new session on login, so a planted cookie cannot be reused.
            try await Sessions.start(user, req: req)
            return req.redirect(to: user.mustChangePassword ? SiteURL.password.path : safeNext(form.next))
        case .failure(let message):
            let model = Login(username: username, next: form.next ?? "", error: message)
            return try await LoginView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
    }

    static func logout(req: Request) async throws -> Response {
        try await Sessions.end(req: req)
        return req.redirect(to: SiteURL.login.path)
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    static func passwordForm(req: Request) async throws -> Page {
        let p = try req.requirePrincipal()
        let model = try await AccountPassword.query(userID: p.userID, errors: [], now: req.now, on: req.db)
        return AccountPasswordView(ctx: req.pageContext(), model: model).render()
    }

    /// Revokes one of the user's own API tokens (a lost phone, an old integration).
    static func revokeToken(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        let id = try req.parameters.id()
        guard let token = try await ApiToken.query(on: req.db).filter(\.$id == id).filter(\.$userID == p.userID).first()
        else { throw Abort(.notFound, reason: "未找到该访问令牌") }
        try await req.db.writeTransaction { db in
            try await token.delete(on: db)
            try await Audit.record(
                on: db, actor: p, action: "revoke", entity: "user", id: p.userID, orgPath: p.orgPath,
                summary: "撤销了一个访问令牌")
        }
        req.flash("已撤销该访问令牌，使用它的应用需要重新登录")
        return req.redirect(to: SiteURL.password.path)
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
            let model = try await AccountPassword.query(userID: p.userID, errors: errors, now: req.now, on: req.db)
            return try await AccountPasswordView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        user.passwordHash = try await req.password.async.hash(newPassword)
        user.mustChangePassword = false
        let current = req.session?.id
        try await req.db.writeTransaction { db in
            try await user.save(on: db)
            // Every other browser and every API token signed in with the old password stops working.
            try await Sessions.revokeAll(userID: user.id!, keeping: current, on: db)
            try await Audit.record(
                on: db, actor: p, action: "update", entity: "user", id: user.id!, orgPath: user.orgPath,
                summary: "修改了自己的密码（其他登录和访问令牌已失效）")
        }
        req.flash("密码已修改，其他设备上的登录已退出")
        return req.redirect(to: SiteURL.home.path)
    }
}

/// Checks a username and password, counting each attempt before the password is checked (see
/// `LoginThrottle`), so that parallel guesses are counted one by one.
enum Authenticator {
    enum Outcome {
        case success(User)
        case failure(String)
    }

    static let wrong = "用户名或密码不正确"

    static func check(username: String, password: String, address: String, on db: any Database, now: Date) async throws
        -> Outcome
    {
        guard !username.isEmpty, !password.isEmpty else { return .failure("请输入用户名和密码") }
        guard password.count <= 256 else { return .failure(wrong) }
        let user = try await User.query(on: db).filter(\.$username == username).first()
        let usual = user?.lastLoginAddress == address
        let keys = ThrottleKeys(username: username, address: address)
        let counted = try await keys.count(fromUsualAddress: usual, now: now, on: db)
        if case .refused(let refusal) = counted { return .failure(refusal.message) }
        guard let user, user.active else {
            // Same cost as a real check, so timing does not reveal which usernames exist.
            _ = try? Bcrypt.verify(password, created: dummyHash)
            return .failure(counted.failureMessage)
        }
        guard try Bcrypt.verify(password, created: user.passwordHash) else { return .failure(counted.failureMessage) }
        try await keys.reset(now: now, on: db)
        user.lastLoginAt = now
        user.lastLoginAddress = address
        try await user.save(on: db)
        return .success(user)
    }

    static let dummyHash = try! Bcrypt.hash("not-a-password", cost: 12)
}

/// The three counters of one login attempt, in `login_throttles`.
struct ThrottleKeys {
    let username: String
    let address: String

    var ids: [(LoginThrottle.Counter, String)] {
        [(.pair, "pair:\(username)@\(address)"), (.account, "account:\(username)"), (.address, "address:\(address)")]
    }

    enum Counted {
        case counted(pairFailures: Int)
        case refused(LoginThrottle.Refusal)

        var failureMessage: String {
            guard case .counted(let n) = self else { return Authenticator.wrong }
            let left = LoginThrottle.attemptsLeft(pairFailures: n)
            if left == 0 { return LoginThrottle.Refusal.locked(seconds: Int(LoginThrottle.pairLockSeconds)).message }
            return Authenticator.wrong + (n >= 2 ? "（再失败\(left)次将暂停此设备登录该账号）" : "")
        }
    }

    /// Refuses the attempt, or counts it on all three counters, under a row lock.
    func count(fromUsualAddress: Bool, now: Date, on db: any Database) async throws -> Counted {
        let ids = self.ids
        let username = self.username
        return try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            for (counter, id) in ids {
                try await sql.raw(
                    """
                    INSERT INTO login_throttles (id, username, failures) VALUES (\(bind: id), \(bind: counter == .address ? nil : username), 0)
                    ON CONFLICT (id) DO NOTHING
                    """
                ).run()
            }
            var rows: [LoginThrottle.Counter: LoginThrottleRow] = [:]
            for (counter, id) in ids {
                guard let row = try await db.lockedFind(LoginThrottleRow.self, id) else {
                    throw Abort(.internalServerError)
                }
                rows[counter] = row
            }
            func state(_ c: LoginThrottle.Counter) -> LoginThrottle.State {
                rows[c].map {
                    .init(failures: $0.failures, lastFailureAt: $0.lastFailureAt, blockedUntil: $0.blockedUntil)
                }
                    ?? .init()
            }
            if let refusal = LoginThrottle.refusal(
                pair: state(.pair), account: state(.account), address: state(.address),
                fromUsualAddress: fromUsualAddress, now: now)
            {
                return .refused(refusal)
            }
            for (counter, row) in rows {
                let next = LoginThrottle.counting(state(counter), as: counter, now: now)
                row.failures = next.failures
                row.lastFailureAt = next.lastFailureAt
                row.blockedUntil = next.blockedUntil
                try await row.update(on: db)
            }
            return .counted(pairFailures: rows[.pair]?.failures ?? 0)
        }
    }

    /// After a successful login the pair and the account start again, and the address gets back the attempt
    /// counted for this login (`LoginThrottle.succeeded`): its other failures stay.
    func reset(now: Date, on db: any Database) async throws {
        let (pair, account, address) = (ids[0].1, ids[1].1, ids[2].1)
        try await db.writeTransaction { db in
            try await LoginThrottleRow.query(on: db).filter(\.$id ~~ [pair, account]).delete()
            guard let row = try await db.lockedFind(LoginThrottleRow.self, address) else { return }
            let next = LoginThrottle.succeeded(
                .init(failures: row.failures, lastFailureAt: row.lastFailureAt, blockedUntil: row.blockedUntil),
                now: now)
            guard next.failures > 0 else { return try await row.delete(on: db) }
            row.failures = next.failures
            row.blockedUntil = next.blockedUntil
            try await row.update(on: db)
        }
    }

    /// An administrator's unlock: every counter of the account.
    static func unlock(username: String, on db: any Database) async throws {
        try await LoginThrottleRow.query(on: db).filter(\.$username == username).delete()
    }

    /// Is the account slowed down or locked anywhere (for the accounts list)?
    static func isThrottled(username: String, now: Date, on db: any Database) async throws -> Bool {
        try await LoginThrottleRow.query(on: db).filter(\.$username == username).filter(\.$blockedUntil > now).count()
            > 0
    }
}
