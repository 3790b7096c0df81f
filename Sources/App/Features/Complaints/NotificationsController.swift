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

    static func markRead(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try await scope.notificationAccess.readable(AppNotification.query(on: req.db)).filter(\.$read == false).set(
            \.$read, to: true
        ).update()
        return req.redirect(to: SiteURL.notifications.path)
    }
}
