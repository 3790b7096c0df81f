import DudaoCore
import Fluent
import Vapor

/// Accounts, for the platform administrator: list, create, reset a password, deactivate.
enum AccountsController {
    static func list(req: Request) async throws -> Page {
        let page = try req.query.page()
        let p = try req.requirePrincipal()
        let model = try await AccountList.query(page: page, principal: p, now: req.now, on: req.db)
        return AccountListView(ctx: req.pageContext(), model: model).render()
    }

    /// The accounts of the admin's subtree as the list shows them, streamed.
    static func export(req: Request) async throws -> Response {
        let (p, now, db) = (try req.requirePrincipal(), req.now, req.db)
        return Download.stream(
            name: "账号", format: ExportFormat(request: req), headers: ["用户名", "姓名", "角色", "状态", "最近登录"]
        ) { page in
            let number = page ?? 1
            let list = try await AccountList.query(page: number, principal: p, now: now, on: db)
            let rows = list.page.items.map { u in
                [
                    u.username, u.displayName, u.role.label, !u.active ? "已停用" : (u.locked ? "登录受限" : "正常"),
                    Format.date(u.lastLoginAt),
                ]
            }
            return ExportPage(rows: rows, page: number, per: AccountList.perPage)
        }
    }

    struct Form: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var school: String?
        var inspector: String?

        var values: NewAccount.Form {
            .init(
                username: username ?? "", displayName: displayName ?? "", role: role ?? "", school: school ?? "",
                inspector: inspector ?? "")
        }
    }

    static func newForm(req: Request) async throws -> Page {
        NewAccountView(ctx: req.pageContext(), model: NewAccount(form: .init(), errors: [])).render()
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(Form.self)
        let district = try await scope.district(on: req.db)
        let new: NewAccount.Checked
        switch try await NewAccount.check(form.values, district: district, on: req.db) {
        case .failure(let errors):
            return try await NewAccountView(
                ctx: req.pageContext(), model: NewAccount(form: form.values, errors: errors)
            ).render()
                .encodeResponse(for: req)
        case .success(let checked): new = checked
        }
        let temporary = temporaryPassword()
        var org = district
        if let school = new.school, let t = try await OrgUnit.find(school.townshipID, on: req.db) { org = t }
        let user = User(
            username: new.username, passwordHash: try await req.password.async.hash(temporary),
            displayName: new.displayName, role: new.role, org: org, mustChangePassword: true)
        user.schoolID = new.school?.id
        user.inspectorID = new.inspector?.id
        return try await changed(
            req, user, by: scope.principal, action: "create", summary: "新建账号 \(new.username)（\(new.role.label)）",
            done: "已创建账号 \(new.username)，临时密码：\(temporary)（请当面或电话告知，首次登录须修改）"
        ) { db in
            try await user.save(on: db)
        }
    }

    /// Writes a change to an account and its audit event in one transaction, then says `done` on the account list.
    static func changed(
        _ req: Request, _ u: User, by p: Principal?, action: String, summary: String, done: String,
        _ write: @escaping @Sendable (any Database) async throws -> Void
    ) async throws -> Response {
        try await req.db.writeTransaction { db in
            try await write(db)
            try await Audit.record(
                on: db, actor: p, action: action, entity: "user", id: u.id!, orgPath: u.orgPath, summary: summary)
        }
        req.flash(done)
        return req.redirect(to: SiteURL.accounts.path)
    }

    static func temporaryPassword() -> String {
        let letters = Array("abcdefghjkmnpqrstuvwxyz")
        let digits = Array("23456789")
        return String((0..<6).map { _ in letters.randomElement()! })
            + String((0..<4).map { _ in digits.randomElement()! })
    }

    static func target(_ req: Request) async throws -> (Principal, User) {
        let p = try req.requirePrincipal()
        let id = try req.parameters.id()
        guard let u = try await User.find(id, on: req.db), u.orgPath.hasPrefix(p.orgPath)
        else { throw Abort(.notFound, reason: "未找到该账号") }
        guard u.id != p.userID else { throw Abort(.badRequest, reason: "不能对自己的账号执行此操作") }
        return (p, u)
    }

    static func reset(req: Request) async throws -> Response {
        let (p, u) = try await target(req)
        let temporary = temporaryPassword()
        u.passwordHash = try await req.password.async.hash(temporary)
        u.mustChangePassword = true
        return try await changed(
            req, u, by: p, action: "reset", summary: "重置 \(u.username) 的密码并解除锁定（其登录和访问令牌已失效）",
            done: "已重置 \(u.username) 的密码，临时密码：\(temporary)（首次登录须修改）"
        ) { db in
            try await u.save(on: db)
            try await Sessions.revokeAll(userID: u.id!, on: db)
            try await ThrottleKeys.unlock(username: u.username, on: db)
        }
    }

    static func deactivate(req: Request) async throws -> Response {
        let (p, u) = try await target(req)
        u.active = false
        return try await changed(
            req, u, by: p, action: "deactivate", summary: "停用账号 \(u.username)", done: "已停用账号 \(u.username)"
        ) { db in
            try await u.save(on: db)
            try await Sessions.revokeAll(userID: u.id!, on: db)
        }
    }

    /// Lifts the login limits of an account (after its owner called the administrator).
    static func unlock(req: Request) async throws -> Response {
        let (p, u) = try await target(req)
        return try await changed(
            req, u, by: p, action: "unlock", summary: "解除 \(u.username) 的登录限制", done: "已解除 \(u.username) 的登录限制"
        ) { db in
            try await ThrottleKeys.unlock(username: u.username, on: db)
        }
    }
}
