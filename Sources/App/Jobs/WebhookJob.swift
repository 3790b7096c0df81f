import DudaoCore
import Fluent
import Vapor

/// Delivers queued webhooks: up to 6 attempts, waiting 1, 2, 4, 8, 16 minutes between them.
enum WebhookJob {
    static let maxAttempts = 6

    static func run(_ app: Application, now: Date = Date()) async throws -> Int {
        let due = try await WebhookDelivery.query(on: app.db).filter(\.$deliveredAt == nil).filter(\.$attempts < maxAttempts)
            .filter(\.$nextAttemptAt <= now).sort(\.$id).limit(50).all()
        var delivered = 0
        for d in due {
            d.attempts += 1
            do {
                let response = try await app.client.post(URI(string: d.url)) { req in
                    req.headers.contentType = .json
                    req.body = .init(string: d.payload)
                    req.timeout = .seconds(5)
                }
                if (200..<300).contains(response.status.code) {
                    d.deliveredAt = Date()
                    delivered += 1
                } else {
                    d.lastError = "HTTP \(response.status.code)"
                }
            } catch {
                d.lastError = String(String(describing: error).prefix(300))
            }
            if d.deliveredAt == nil { d.nextAttemptAt = now.addingTimeInterval(60 * pow(2, Double(d.attempts - 1))) }
            try await d.save(on: app.db)
        }
        return delivered
    }
}
