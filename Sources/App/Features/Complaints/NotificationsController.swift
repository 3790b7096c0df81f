import DudaoCore
import Fluent
import Plot
import Vapor

/// The bell: a signed-in account's notifications, newest first.
enum NotificationsController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let items = try await scope.notificationAccess.readable(AppNotification.query(on: req.db)).sort(\.$id, .descending).limit(100).all()
        let ctx = req.pageContext()
        return Layout.page(
            "消息", ctx,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("消息")]),
                items.contains { !$0.read } ? .postButton(SiteURL.notificationsRead.path, "全部标为已读", csrf: ctx.csrf) : .empty,
            ]),
            .el("ul", [("class", "notifications")], items.map { n in
                .el("li", [("class", n.read ? "read" : "unread")], [
                    .link(n.link, n.title), .el("span", [("class", "muted")], [.text(" " + Format.date(n.createdAt))]),
                ])
            }),
            items.isEmpty ? .el("p", [("class", "empty")], [.text("暂无消息")]) : .empty
        )
    }

    static func markRead(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try await scope.notificationAccess.readable(AppNotification.query(on: req.db)).filter(\.$read == false).set(\.$read, to: true).update()
        return req.redirect(to: SiteURL.notifications.path)
    }
}
