import DudaoCore
import Plot

/// 登录督导平台: username and password; in demo mode the demo accounts. A refused login is a 401.
struct LoginView {
    let ctx: PageContext
    let model: Login

    func render() -> Page { Page(document(), status: model.error == nil ? 200 : 401) }

    func document() -> FramedDocument {
        Layout.document(
            "登录", ctx,
            [
                .section(
                    .class("card narrow"),
                    .h1(.text("登录督导平台")),
                    model.error.map {
                        .div(.class("alert error"), .attribute(named: "role", value: "alert"), .text($0))
                    } ?? .empty,
                    .form(
                        .method(.post), .action(SiteURL.login.path),
                        .csrf(ctx.csrf),
                        .hidden("next", model.next),
                        .field(
                            "用户名", name: "username", value: model.username, required: true,
                            attrs: [("autocomplete", "username"), ("autocapitalize", "off")]),
                        .field(
                            "密码", name: "password", value: "", type: "password", required: true,
                            attrs: [("autocomplete", "current-password")]),
                        .button(.type(.submit), .class("btn primary block"), .text("登录"))),
                    ctx.demo ? demoAccounts : .empty)
            ])
    }

    var demoAccounts: Node<HTML.BodyContext> {
        .div(
            .class("demo-logins"),
            .h2(.text("演示账号")),
            .p(.text("密码均为 \(model.demoPassword)")),
            .ul(.forEach(model.demoAccounts) { a in .li(.code(.text(a.username)), .text(" — \(a.who)")) }))
    }
}
