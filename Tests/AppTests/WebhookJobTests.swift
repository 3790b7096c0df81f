import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// The webhook timer: each due delivery is attempted once per attempt even with two instances running at once,
/// only to public addresses (checked again right before sending), without following redirects. Deliveries go to
/// a receiver started by the test on 127.0.0.1, which the guard lets through only when a test opens its port.
final class WebhookJobTests: XCTestCase {
    /// A fixed moment, so nothing depends on the clock.
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    /// A delivery waiting in the queue, due since a second before `now`.
    @discardableResult
    static func queue(_ app: Application, url: String, marker: String, due: Date = now.addingTimeInterval(-1))
        async throws -> WebhookDelivery
    {
        let d = WebhookDelivery()
        d.districtID = try await app.demoDistrict().id!
        d.url = url
        d.payload = #"{"msgtype":"text","text":{"content":"【督导】\#(marker)"}}"#
        d.attempts = 0
        d.nextAttemptAt = due
        d.lastError = ""
        try await d.save(on: app.db)
        return d
    }

    static func delivery(_ app: Application, _ id: Int) async throws -> WebhookDelivery {
        guard let d = try await WebhookDelivery.find(id, on: app.db) else { throw TestSetupError("no delivery \(id)") }
        return d
    }

    func testADueDeliveryReachesThePublicReceiverOnceAsJSON() async throws {
        try await WebhookReceiver.with { receiver in
            try await withApp(history: false) { app in
                app.outboundAllowance = OutboundAllowance(loopbackPorts: [receiver.port])
                let d = try await Self.queue(app, url: receiver.url(), marker: "整改通知书 青督整〔2026〕9号")

                let first = try await WebhookJob.run(app, now: Self.now)
                let second = try await WebhookJob.run(app, now: Self.now.addingTimeInterval(3600))

                XCTAssertEqual([first, second], [1, 0])
                let received = await receiver.received
                XCTAssertEqual(received.count, 1)
                XCTAssertEqual(received.first?.path, "/hook")
                XCTAssertEqual(received.first?.body, d.payload)
                XCTAssertTrue(
                    received.first?.contentType.hasPrefix("application/json") == true, received.first?.contentType ?? ""
                )
                let after = try await Self.delivery(app, d.id!)
                XCTAssertEqual(after.attempts, 1)
                XCTAssertEqual(after.deliveredAt, Self.now)
                XCTAssertEqual(after.lastError, "")
                XCTAssertNil(after.leaseUntil)
                XCTAssertNil(after.abandonedAt)
            }
        }
    }

    func testADeliveryToAnInsideAddressIsRefusedWithoutSendingAndNeverRetried() async throws {
        try await WebhookReceiver.with { receiver in
            try await withApp(history: false) { app in
                // Saved before the rule existed, or a name that has since been pointed inside: all lead to the receiver.
                let urls = [
                    receiver.url(), "http://localhost:\(receiver.port)/hook", "http://2130706433:\(receiver.port)/hook",
                    "http://[::ffff:127.0.0.1]:\(receiver.port)/hook",
                ]
                var ids: [Int] = []
                for (i, url) in urls.enumerated() {
                    ids.append(try await Self.queue(app, url: url, marker: "第\(i)条").id!)
                }

                let delivered = try await WebhookJob.run(app, now: Self.now)
                let later = try await WebhookJob.run(app, now: Self.now.addingTimeInterval(86400))

                XCTAssertEqual([delivered, later], [0, 0])
                let received = await receiver.received
                XCTAssertEqual(received, [], "nothing was sent")
                for (id, url) in zip(ids, urls) {
                    let d = try await Self.delivery(app, id)
                    XCTAssertEqual(d.lastError, "地址指向内网，已拒绝发送", url)
                    XCTAssertEqual(d.abandonedAt, Self.now, url)
                    XCTAssertEqual(d.attempts, 1, "not tried again: \(url)")
                    XCTAssertNil(d.deliveredAt, url)
                    XCTAssertNil(d.leaseUntil, url)
                }
            }
        }
    }

    func testANonHTTPAddressIsRefusedWithoutSending() async throws {
        try await withApp(history: false) { app in
            let d = try await Self.queue(app, url: "gopher://8.8.8.8:70/hook", marker: "gopher")

            let delivered = try await WebhookJob.run(app, now: Self.now)

            XCTAssertEqual(delivered, 0)
            let after = try await Self.delivery(app, d.id!)
            XCTAssertEqual(after.lastError, "推送地址不是互联网上的 http(s) 地址，已拒绝发送")
            XCTAssertEqual(after.abandonedAt, Self.now)
        }
    }

    func testTwoInstancesRunningAtOnceDeliverEachQueuedWebhookExactlyOnce() async throws {
        try await WebhookReceiver.with { receiver in
            try await withApp(history: false) { app in
                app.outboundAllowance = OutboundAllowance(loopbackPorts: [receiver.port])
                let markers = (1...8).map { "第\($0)条" }
                for m in markers { try await Self.queue(app, url: receiver.url(), marker: m) }

                async let a = WebhookJob.run(app, now: Self.now)
                async let b = WebhookJob.run(app, now: Self.now)
                let (x, y) = try await (a, b)

                XCTAssertEqual(x + y, markers.count)
                let bodies = await receiver.received.map(\.body)
                XCTAssertEqual(bodies.count, markers.count, "one request per delivery, none twice")
                XCTAssertEqual(Set(bodies).count, markers.count)
                for m in markers { XCTAssertEqual(bodies.filter { $0.contains("】\(m)\"") }.count, 1, m) }
                let rows = try await WebhookDelivery.query(on: app.db).all()
                XCTAssertEqual(rows.map(\.attempts), rows.map { _ in 1 })
                XCTAssertTrue(rows.allSatisfy { $0.deliveredAt == Self.now && $0.leaseUntil == nil })
            }
        }
    }

    func testAClaimedDeliveryIsNotClaimedAgainUntilItsLeaseRunsOut() async throws {
        try await withApp(history: false) { app in
            let d = try await Self.queue(app, url: "https://8.8.8.8/hook", marker: "租约")

            let first = try await WebhookJob.claim(on: app.db, now: Self.now)
            let again = try await WebhookJob.claim(on: app.db, now: Self.now)
            let stillHeld = try await WebhookJob.claim(
                on: app.db, now: Self.now.addingTimeInterval(WebhookJob.lease - 1))
            let expired = try await WebhookJob.claim(on: app.db, now: Self.now.addingTimeInterval(WebhookJob.lease + 1))

            XCTAssertEqual(first.map(\.id), [d.id!])
            XCTAssertEqual(first.first?.attempts, 1, "the claim counts the attempt")
            XCTAssertEqual(first.first?.url, "https://8.8.8.8/hook")
            XCTAssertEqual(again.map(\.id), [])
            XCTAssertEqual(stillHeld.map(\.id), [])
            XCTAssertEqual(
                expired.map(\.id), [d.id!], "an instance that died while sending does not hold the delivery for ever")
            XCTAssertEqual(expired.first?.attempts, 2)
            let held = try await Self.delivery(app, d.id!)
            XCTAssertEqual(held.leaseUntil, Self.now.addingTimeInterval(2 * WebhookJob.lease + 1))
        }
    }

    func testTheClaimTakesOnlyDueUndeliveredLiveDeliveries() async throws {
        try await withApp(history: false) { app in
            let due = try await Self.queue(app, url: "https://8.8.8.8/due", marker: "due")
            let notYet = try await Self.queue(
                app, url: "https://8.8.8.8/later", marker: "later", due: Self.now.addingTimeInterval(60))
            let delivered = try await Self.queue(app, url: "https://8.8.8.8/done", marker: "done")
            delivered.deliveredAt = Self.now.addingTimeInterval(-30)
            try await delivered.save(on: app.db)
            let abandoned = try await Self.queue(app, url: "https://8.8.8.8/refused", marker: "refused")
            abandoned.abandonedAt = Self.now.addingTimeInterval(-30)
            try await abandoned.save(on: app.db)
            let exhausted = try await Self.queue(app, url: "https://8.8.8.8/exhausted", marker: "exhausted")
            exhausted.attempts = WebhookJob.maxAttempts
            try await exhausted.save(on: app.db)

            let claimed = try await WebhookJob.claim(on: app.db, now: Self.now)

            XCTAssertEqual(claimed.map(\.id), [due.id!])
            for d in [notYet, delivered, abandoned, exhausted] {
                let after = try await Self.delivery(app, d.id!)
                XCTAssertEqual(after.attempts, d.attempts, d.url)
                XCTAssertNil(after.leaseUntil, d.url)
            }
        }
    }

    func testARedirectIsAnsweredAsAFailureAndNotFollowed() async throws {
        let redirecting: @Sendable (Request) -> Response = { req in
            req.url.path == "/hook"
                ? Response(status: .found, headers: ["Location": "/elsewhere"]) : Response(status: .ok)
        }
        try await WebhookReceiver.with(answer: redirecting) { receiver in
            try await withApp(history: false) { app in
                app.outboundAllowance = OutboundAllowance(loopbackPorts: [receiver.port])
                let d = try await Self.queue(app, url: receiver.url("/hook"), marker: "redirect")

                let delivered = try await WebhookJob.run(app, now: Self.now)

                XCTAssertEqual(delivered, 0)
                let paths = await receiver.received.map(\.path)
                XCTAssertEqual(paths, ["/hook"], "the redirect target was never called")
                let after = try await Self.delivery(app, d.id!)
                XCTAssertEqual(after.lastError, "HTTP 302")
                XCTAssertNil(after.deliveredAt)
                XCTAssertNil(after.abandonedAt, "tried again later")
                XCTAssertEqual(after.nextAttemptAt, Self.now.addingTimeInterval(60))
            }
        }
    }
}
