import DudaoCore
import Plot

/// 账号管理 as a page: each account's state and last login, with unlock, reset and deactivate.
struct AccountListView {
    let ctx: PageContext
    let model: AccountList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "账号", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("账号管理")),
                    .div(
                        .class("actions"), .button(SiteURL.accountNew.path, "新建账号"),
                        .exportButtons({ .listExport(.accounts, $0) }, query: []))),
                .dataTable(["用户名", "姓名", "角色", "状态", "最近登录", ""], model.page.items.map(cells)),
                .pager(
                    model.page.paging, total: model.page.total, link: { SiteURL.accounts.with([("page", String($0))]) }),
            ])
    }

    func cells(_ u: AccountList.Row) -> [Node<HTML.BodyContext>] {
        [
            .text(u.username), .text(u.displayName), .text(u.role.label),
            !u.active ? .badge("已停用", "muted") : (u.locked ? .badge("登录受限", "warn") : .text("正常")),
            .text(Format.date(u.lastLoginAt)),
            u.isSelf || !u.active
                ? .empty
                : .group([
                    u.locked ? .postButton(SiteURL.accountUnlock(u.id).path, "解锁", csrf: ctx.csrf) : .empty,
                    .postButton(
                        SiteURL.accountReset(u.id).path, "重置密码", csrf: ctx.csrf, confirm: "重置后将生成临时密码，对方首次登录须修改。确定吗？"),
                    .postButton(
                        SiteURL.accountDeactivate(u.id).path, "停用", csrf: ctx.csrf, confirm: "确定停用该账号？", style: "danger"
                    ),
                ]),
        ]
    }
}
