import DudaoCore
import Fluent
import Plot
import Vapor

/// Accounts, for the platform administrator: list, create, reset a password, deactivate.
enum AccountsController {
    static func list(req: Request) async throws -> Page {
        let p = try req.requirePrincipal()
        let paging = Paging(page: try req.query.page(), per: 50)
        let q = User.query(on: req.db).inSubtree(\.$orgPath, p.orgPath)
        let total = try await q.copy().count()
        let users = try await q.sort(\.$role).sort(\.$username).range(paging.offset..<(paging.offset + paging.per)).all()
        let throttled = try await LoginThrottleRow.query(on: req.db).filter(\.$username ~~ users.map(\.username))
            .filter(\.$blockedUntil > req.now).all(\.$username)
        let locked = Set(throttled.compactMap { $0 })
        let ctx = req.pageContext()
        return Layout.page(
            "账号", ctx, wide: true,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("账号管理")]),
                .el("div", [("class", "actions")], [.button(SiteURL.accountNew.path, "新建账号")]),
            ]),
            .dataTable(["用户名", "姓名", "角色", "状态", "最近登录", ""], users.map { u in
                [
                    .text(u.username), .text(u.displayName), .text(u.role.label),
                    !u.active ? .badge("已停用", "muted") : (locked.contains(u.username) ? .badge("登录受限", "warn") : .text("正常")),
                    .text(Format.date(u.lastLoginAt)),
                    u.id == p.userID || !u.active ? .empty : .group([
                        locked.contains(u.username)
                            ? .postButton(SiteURL.accountUnlock(u.id!).path, "解锁", csrf: ctx.csrf) : .empty,
                        .postButton(SiteURL.accountReset(u.id!).path, "重置密码", csrf: ctx.csrf, confirm: "重置后将生成临时密码，对方首次登录须修改。确定吗？"),
                        .postButton(SiteURL.accountDeactivate(u.id!).path, "停用", csrf: ctx.csrf, confirm: "确定停用该账号？", style: "danger"),
                    ]),
                ]
            }),
            .pager(paging, total: total, link: { SiteURL.accounts.with([("page", String($0))]) })
        )
    }

    struct Form: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var school: String?
        var inspector: String?
    }

    static func newForm(req: Request) async throws -> Page {
        try await formPage(req, form: Form(), errors: [])
    }

    static func formPage(_ req: Request, form: Form, errors: [FieldError]) async throws -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let ctx = req.pageContext()
        var page = Layout.page(
            "新建账号", ctx,
            .el("h1", [], [.text("新建账号")]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.accounts.path), ("class", "card")], [
                .csrf(ctx.csrf),
                .field("用户名", name: "username", value: form.username ?? "", error: err("username"), required: true,
                    hint: "字母、数字或下划线，3–32位"),
                .field("姓名", name: "displayName", value: form.displayName ?? "", error: err("displayName"), required: true),
                .selectField("角色", name: "role", options: Role.allCases.map { ($0.rawValue, $0.label) }, selected: form.role ?? "",
                    error: err("role"), required: true),
                .field("学校标识码（学校账号填写）", name: "school", value: form.school ?? "", error: err("school")),
                .field("督学手机号（督学账号填写）", name: "inspector", value: form.inspector ?? "", error: err("inspector")),
                .el("p", [("class", "hint")], [.text("创建后会显示一次临时密码，账号首次登录须修改密码。")]),
                .el("div", [("class", "form-actions")], [.el("button", [("type", "submit"), ("class", "btn primary")], [.text("创建")])]),
            ]))
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(Form.self)
        var errors: [FieldError] = []
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        if username.count < 3 || username.count > 32 || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            errors.append(.init("username", "用户名应为3–32位字母、数字或下划线"))
        } else if try await User.query(on: req.db).filter(\.$username == username).count() > 0 {
            errors.append(.init("username", "用户名已被使用"))
        }
        if let e = Validate.required(form.displayName ?? "", field: "姓名", maxLength: 30) { errors.append(.init("displayName", e)) }
        let role = Role(rawValue: form.role ?? "")
        if role == nil { errors.append(.init("role", "请选择角色")) }
        let district = try await scope.district(on: req.db)
        var school: School?
        var inspector: Inspector?
        if role == .school {
            school = try await School.query(on: req.db).filter(\.$code == (form.school ?? "").trimmingCharacters(in: .whitespaces))
                .inSubtree(\.$orgPath, district.path).first()
            if school == nil { errors.append(.init("school", "请填写本区学校的学校标识码")) }
        }
        if role == .inspector {
            inspector = try await Inspector.query(on: req.db).filter(\.$phone == (form.inspector ?? "").trimmingCharacters(in: .whitespaces))
                .filter(\.$districtID == district.id!).first()
            if inspector == nil { errors.append(.init("inspector", "请填写本区督学的手机号")) }
        }
        guard errors.isEmpty, let role else { return try await formPage(req, form: form, errors: errors).encodeResponse(for: req) }
        let temporary = temporaryPassword()
        var org = district
        if let school, let t = try await OrgUnit.find(school.townshipID, on: req.db) { org = t }
        let user = User(username: username, passwordHash: try await req.password.async.hash(temporary),
            displayName: (form.displayName ?? "").trimmingCharacters(in: .whitespaces), role: role, org: org, mustChangePassword: true)
        user.schoolID = school?.id
        user.inspectorID = inspector?.id
        try await req.db.writeTransaction { db in
            try await user.save(on: db)
            try await Audit.record(on: db, actor: scope.principal, action: "create", entity: "user", id: user.id!, orgPath: user.orgPath,
                summary: "新建账号 \(username)（\(role.label)）")
        }
        req.flash("已创建账号 \(username)，临时密码：\(temporary)（请当面或电话告知，首次登录须修改）")
        return req.redirect(to: SiteURL.accounts.path)
    }

    static func temporaryPassword() -> String {
        let letters = Array("abcdefghjkmnpqrstuvwxyz")
        let digits = Array("23456789")
        return String((0..<6).map { _ in letters.randomElement()! }) + String((0..<4).map { _ in digits.randomElement()! })
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
        try await req.db.writeTransaction { db in
            try await u.save(on: db)
            try await Sessions.revokeAll(userID: u.id!, on: db)
            try await ThrottleKeys.unlock(username: u.username, on: db)
            try await Audit.record(on: db, actor: p, action: "reset", entity: "user", id: u.id!, orgPath: u.orgPath,
                summary: "重置 \(u.username) 的密码并解除锁定（其登录和访问令牌已失效）")
        }
        req.flash("已重置 \(u.username) 的密码，临时密码：\(temporary)（首次登录须修改）")
        return req.redirect(to: SiteURL.accounts.path)
    }

    static func deactivate(req: Request) async throws -> Response {
        let (p, u) = try await target(req)
        u.active = false
        try await req.db.writeTransaction { db in
            try await u.save(on: db)
            try await Sessions.revokeAll(userID: u.id!, on: db)
            try await Audit.record(on: db, actor: p, action: "deactivate", entity: "user", id: u.id!, orgPath: u.orgPath, summary: "停用账号 \(u.username)")
        }
        req.flash("已停用账号 \(u.username)")
        return req.redirect(to: SiteURL.accounts.path)
    }

    /// Lifts the login limits of an account (after its owner called the administrator).
    static func unlock(req: Request) async throws -> Response {
        let (p, u) = try await target(req)
        try await req.db.writeTransaction { db in
            try await ThrottleKeys.unlock(username: u.username, on: db)
            try await Audit.record(on: db, actor: p, action: "unlock", entity: "user", id: u.id!, orgPath: u.orgPath,
                summary: "解除 \(u.username) 的登录限制")
        }
        req.flash("已解除 \(u.username) 的登录限制")
        return req.redirect(to: SiteURL.accounts.path)
    }
}
