import DudaoCore
import Plot

/// 消息 as a page: the list, unread ones marked, and "mark all read" while there are any.
struct NotificationListView {
    let ctx: PageContext
    let model: NotificationList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let items = model.items
        return Layout.document(
            "消息", ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("消息")),
                    .div(
                        .class("actions"),
                        items.contains { !$0.read }
                            ? .postButton(SiteURL.notificationsRead.path, "全部标为已读", csrf: ctx.csrf) : .empty,
                        items.isEmpty ? .empty : .exportButtons({ .listExport(.notifications, $0) }, query: []))),
                .ul(
                    .class("notifications"),
                    .forEach(items) { n in
                        .li(
                            .class(n.read ? "read" : "unread"), .link(n.link, n.title),
                            .span(.class("muted"), .text(" " + Format.date(n.createdAt))))
                    }),
                items.isEmpty ? .p(.class("empty"), .text("暂无消息")) : .empty,
            ])
    }
}
