import DudaoCore
import Fluent
import Vapor

/// The bell: a signed-in account's notifications, newest first.
enum NotificationsController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await NotificationList.query(scope: scope, on: req.db)
        return NotificationListView(ctx: req.pageContext(), model: model).render()
    }

    /// Every message of the account, newest first (the page shows the latest), streamed.
    static func export(req: Request) async throws -> Response {
        let access = try await Scope.of(req).notificationAccess
        let db = req.db
        return Download.stream(name: "消息", format: ExportFormat(request: req), headers: ["时间", "消息", "已读"]) {
            before in
            var query = access.readable(AppNotification.query(on: db))
            if let before { query = query.filter(\.$id < before) }
            let items = try await query.sort(\.$id, .descending).limit(Download.pageSize).all()
            let rows = items.map { [Format.date($0.createdAt), $0.title, $0.read ? "是" : ""] }
            return ExportPage(rows: rows, lastKey: items.last?.id, limit: Download.pageSize)
        }
    }

    static func markRead(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try await scope.notificationAccess.readable(AppNotification.query(on: req.db)).filter(\.$read == false).set(
            \.$read, to: true
        ).update()
        return req.redirect(to: SiteURL.notifications.path)
    }
}
