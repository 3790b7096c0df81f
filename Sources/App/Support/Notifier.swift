import DudaoCore
import Fluent
import Vapor

/// Tells people about new work: in-app notifications (the bell) and, when the district has set one,
/// a webhook (e.g. a 企业微信 or 钉钉 group robot). Webhooks are queued here and delivered by the timer,
/// so a slow or failing receiver never holds up the request that caused them.
enum Notifier {
    static func notify(userIDs: [Int], title: String, link: String, districtID: Int?, on db: any Database) async throws
    {
        for id in Set(userIDs) {
            let n = AppNotification()
            n.userID = id
            n.title = String(title.prefix(200))
            n.link = link
            n.read = false
            try await n.save(on: db)
        }
        guard let districtID else { return }
        let settings = try await DistrictSettings.forDistrict(districtID, on: db)
        guard !settings.webhookURL.isEmpty else { return }
        let d = WebhookDelivery()
        d.districtID = districtID
        d.url = settings.webhookURL
        // The group-robot text message shape that 企业微信 and 钉钉 both accept.
        let payload: [String: Any] = ["msgtype": "text", "text": ["content": "【督导】" + title]]
        d.payload = String(
            decoding: try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]), as: UTF8.self)
        d.attempts = 0
        // Due at once: the next run of the job delivers it.
        d.nextAttemptAt = Date(timeIntervalSince1970: 0)
        d.lastError = ""
        try await d.save(on: db)
    }

    /// Office accounts of a district (its node and the townships below).
    static func officeUsers(districtPath: String, on db: any Database) async throws -> [Int] {
        try await User.query(on: db).filter(\.$role == .office).filter(\.$active == true).inSubtree(
            \.$orgPath, districtPath
        )
        .all(\.$id).compactMap { $0 }
    }

    static func inspectorUsers(_ inspectorID: Int?, on db: any Database) async throws -> [Int] {
        guard let inspectorID else { return [] }
        return try await User.query(on: db).filter(\.$inspectorID == inspectorID).filter(\.$active == true).all(\.$id)
            .compactMap { $0 }
    }

    static func schoolUsers(_ schoolID: Int, on db: any Database) async throws -> [Int] {
        try await User.query(on: db).filter(\.$schoolID == schoolID).filter(\.$active == true).all(\.$id).compactMap {
            $0
        }
    }

    static func unreadCount(userID: Int, on db: any Database) async throws -> Int {
        try await AppNotification.query(on: db).filter(\.$userID == userID).filter(\.$read == false).rowCount()
    }
}
