import DudaoCore
import Plot

/// 新建账号: username, name, role, and the school or inspector the account belongs to.
struct NewAccountView {
    let ctx: PageContext
    let model: NewAccount

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let f = model.form
        let errors = model.errors
        return Layout.document(
            "新建账号", ctx,
            [
                .h1(.text("新建账号")),
                .errorSummary(errors),
                .form(
                    .method(.post), .action(SiteURL.accounts.path), .class("card"),
                    .csrf(ctx.csrf),
                    .field(
                        "用户名", name: "username", value: f.username, error: errors.message(for: "username"),
                        required: true,
                        hint: "字母、数字或下划线，3–32位"),
                    .field(
                        "姓名", name: "displayName", value: f.displayName, error: errors.message(for: "displayName"),
                        required: true),
                    .selectField(
                        "角色", name: "role", options: Role.allCases.map { ($0.rawValue, $0.label) }, selected: f.role,
                        error: errors.message(for: "role"), required: true),
                    .field("学校标识码（学校账号填写）", name: "school", value: f.school, error: errors.message(for: "school")),
                    .field(
                        "督学手机号（督学账号填写）", name: "inspector", value: f.inspector, error: errors.message(for: "inspector")),
                    .p(.class("hint"), .text("创建后会显示一次临时密码，账号首次登录须修改密码。")),
                    .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("创建")))),
            ])
    }
}
