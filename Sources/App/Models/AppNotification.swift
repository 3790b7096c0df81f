import DudaoCore
import Fluent
import Vapor

/// In-app notifications (the bell).
final class AppNotification: Model, @unchecked Sendable {
    static let schema = "notifications"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "title") var title: String
    @Field(key: "link") var link: String
    @Field(key: "read") var read: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userID, $title, $link, $read, $createdAt] }

    init() {}
}
