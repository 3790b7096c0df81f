import DudaoCore
import Fluent
import Foundation

/// 消息: the account's latest notifications, newest first. Plain values; `query` builds it.
struct NotificationList: Sendable {
    struct Item: Sendable, Equatable {
        let title: String
        let link: String
        let read: Bool
        let createdAt: Date?
    }

    let items: [Item]

    /// The bell shows the latest ones only.
    static let latest = 100
}

extension NotificationList {
    static func query(scope: Scope, on db: any Database) async throws -> NotificationList {
        let items = try await scope.notificationAccess.readable(AppNotification.query(on: db)).sort(\.$id, .descending)
            .limit(latest).all()
        return NotificationList(
            items: items.map { Item(title: $0.title, link: $0.link, read: $0.read, createdAt: $0.createdAt) })
    }
}
