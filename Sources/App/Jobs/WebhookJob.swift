import DudaoCore
import Fluent
import SQLKit
import Vapor

/// Delivers queued webhooks: up to 6 attempts, waiting 1, 2, 4, 8, 16 minutes between them.
///
/// Each run first claims the due deliveries in one statement: it counts the attempt and leases the row for a
/// minute, so that another instance running at the same time skips it (on PostgreSQL the rows are picked with
/// FOR UPDATE SKIP LOCKED; SQLite runs the same statement, one writer at a time). Before sending, the address is
/// checked again (DNS may have changed since the office saved it): a delivery to an address that is not on the
/// public internet is given up, not sent and not retried.
enum WebhookJob {
    static let maxAttempts = 6
    static let batch = 50
    /// Longer than an attempt can take (5 seconds), so a lease never runs out while its holder is still sending.
    static let lease: TimeInterval = 60

    /// A delivery claimed by this run; `attempts` already counts the attempt being made.
    struct Claimed: Decodable, Sendable {
        let id: Int
        let url: String
        let payload: String
        let attempts: Int
    }

    enum Outcome: Equatable {
        case delivered
        case failed(String)
        case refused(String)
    }

    static func run(_ app: Application, now: Date) async throws -> Int {
        var delivered = 0
        for d in try await claim(on: app.db, now: now) {
            let result = await attempt(d, app: app)
            try await record(result, for: d, on: app.db, now: now)
            if result == .delivered { delivered += 1 }
        }
        return delivered
    }

    /// Takes the due deliveries that no one else holds: counts the attempt, leases them until `now + lease` and
    /// answers them. A delivery taken by one caller is not answered to another until its lease runs out.
    static func claim(on db: any Database, now: Date, limit: Int = batch) async throws -> [Claimed] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let lock = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let query: SQLQueryString = """
            UPDATE webhook_deliveries SET attempts = attempts + 1, lease_until = \(bind: now.addingTimeInterval(lease))
            WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE delivered_at IS NULL AND abandoned_at IS NULL AND attempts < \(bind: maxAttempts)
                    AND next_attempt_at <= \(bind: now) AND (lease_until IS NULL OR lease_until <= \(bind: now))
                ORDER BY id LIMIT \(bind: limit)\(unsafeRaw: lock))
            AND (lease_until IS NULL OR lease_until <= \(bind: now))
            RETURNING id, url, payload, attempts
            """
        return try await sql.raw(query).all(decoding: Claimed.self).sorted { $0.id < $1.id }
    }

    /// Checks the address again and sends.
    static func attempt(_ d: Claimed, app: Application) async -> Outcome {
        let target: OutboundURL.Target
        switch await OutboundURL.check(d.url, allowance: app.outboundAllowance) {
        case .success(let t): target = t
        case .failure(let problem):
            return problem.isTransient ? .failed(problem.deliveryError) : .refused(problem.deliveryError)
        }
        do {
            let status = try await OutboundURL.post(target, json: d.payload, on: app.eventLoopGroup)
            return (200..<300).contains(status.code) ? .delivered : .failed("HTTP \(status.code)")
        } catch {
            return .failed(String(String(describing: error).prefix(300)))
        }
    }

    /// Writes the outcome and releases the lease; a failed delivery waits 1, 2, 4 … minutes for the next attempt.
    static func record(_ result: Outcome, for d: Claimed, on db: any Database, now: Date) async throws {
        let q = WebhookDelivery.query(on: db).filter(\.$id == d.id).set(\.$leaseUntil, to: nil)
        switch result {
        case .delivered:
            q.set(\.$deliveredAt, to: now).set(\.$lastError, to: "")
        case .failed(let error):
            q.set(\.$lastError, to: error).set(
                \.$nextAttemptAt, to: now.addingTimeInterval(60 * pow(2, Double(max(d.attempts, 1) - 1))))
        case .refused(let error):
            q.set(\.$lastError, to: error).set(\.$abandonedAt, to: now)
        }
        try await q.update()
    }
}
