import DudaoCore
import Plot

/// 修改密码: the form (forced after a reset or on first login), and the API tokens the account may revoke.
struct AccountPasswordView {
    let ctx: PageContext
    let model: AccountPassword

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let errors = model.errors
        let forced = ctx.principal?.mustChangePassword == true
        return Layout.document(
            "修改密码", ctx,
            [
                .section(
                    .class("card narrow"),
                    .h1(.text("修改密码")),
                    forced ? .warning("首次登录或密码已被重置，请先设置新密码。") : .empty,
                    .form(
                        .method(.post), .action(SiteURL.password.path),
                        .csrf(ctx.csrf),
                        .field(
                            "当前密码", name: "current", value: "", error: errors.message(for: "current"), type: "password",
                            required: true,
                            attrs: [("autocomplete", "current-password")]),
                        .field(
                            "新密码", name: "new", value: "", error: errors.message(for: "new"), type: "password",
                            required: true,
                            hint: "至少8位，须同时包含字母和数字", attrs: [("autocomplete", "new-password")]),
                        .field(
                            "再次输入新密码", name: "confirm", value: "", error: errors.message(for: "confirm"),
                            type: "password",
                            required: true, attrs: [("autocomplete", "new-password")]),
                        .button(.type(.submit), .class("btn primary"), .text("保存新密码")))),
                .section(
                    .class("card narrow"),
                    .h2(.text("访问令牌")),
                    .p(.class("hint"), .text("手机应用等通过接口登录时获得的令牌。修改密码后全部失效；不再使用的可在此撤销。")),
                    .dataTable(
                        ["获得时间", "最近使用", "有效期至", ""],
                        model.tokens.map { t in
                            [
                                .text(Format.date(t.createdAt)), .text(Format.date(t.lastUsedAt)),
                                .text(Format.date(t.expiresAt)),
                                .postButton(
                                    SiteURL.tokenRevoke(t.id).path, "撤销", csrf: ctx.csrf,
                                    confirm: "撤销后使用该令牌的应用需重新登录，确定吗？"),
                            ]
                        }, empty: "没有有效的访问令牌")),
            ])
    }
}
