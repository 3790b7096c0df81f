import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// The bell (in-app notifications) and the district's webhook: queued with the change that causes them,
/// delivered later by the timer, so a failing receiver never breaks the request.
final class NotificationTests: XCTestCase {
    /// Nothing listens on the discard port of the loopback address: every delivery fails at once.
    static let deadHook = "http://127.0.0.1:9/hook"

    func testAComplaintInAnUrgentCategoryIsFlaggedToTheOfficeAtOnceAsTheDistrictSets() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let office = try await app.user("office").id!
            func titles() async throws -> [String] {
                try await AppNotification.query(on: app.db).filter(\.$userID == office).sort(\.$id).all().map(\.title)
            }

            _ = try await submitPublicComplaint(app, PublicComplaint(district: district.id!, category: "校园欺凌"))
            _ = try await submitPublicComplaint(app, PublicComplaint(district: district.id!, category: "违规补课"))
            let byDefault = try await titles()
            _ = try await app.changeDistrictSettings { $0.urgentCategories = "违规补课" }
            _ = try await submitPublicComplaint(app, PublicComplaint(district: district.id!, category: "违规补课"))
            let afterChange = try await titles()

            XCTAssertEqual(byDefault.count, 2)
            XCTAssertTrue(byDefault[0].hasPrefix("【紧急】新的举报投诉（校园欺凌）"), byDefault[0])
            XCTAssertTrue(byDefault[1].hasPrefix("新的举报投诉（违规补课）"), byDefault[1])
            XCTAssertTrue(afterChange[2].hasPrefix("【紧急】新的举报投诉（违规补课）"), afterChange[2])
        }
    }

    func testASeriousProblemTellsTheOfficeAtOnceInTheAppAndThroughTheWebhook() async throws {
        try await withApp(history: false) { app in
            _ = try await app.changeDistrictSettings {
                $0.webhookURL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"
            }
            let inspector = try await login(app, "inspector")
            let office = try await app.user("office").id!

            let (_, ordinary) = try await inspector.recordVisitWithProblem(school: 1, severity: .serious)
            let (_, urgent) = try await inspector.recordVisitWithProblem(
                school: 1, description: "教学楼外墙瓷砖脱落，下方为学生通道。", severity: .urgent)

            let alerts = try await AppNotification.query(on: app.db).filter(\.$userID == office)
                .filter(\.$title =~ "【紧急】").all()
            XCTAssertEqual(alerts.map(\.link), ["/problems/\(urgent)"], "only the 严重 one, not /problems/\(ordinary)")
            XCTAssertTrue(alerts[0].title.contains("教学楼外墙瓷砖脱落"))
            let queued = try await WebhookDelivery.query(on: app.db).all().filter { $0.payload.contains("【紧急】") }
            XCTAssertEqual(queued.count, 1)
        }
    }

    func testIssuingANoticeTellsTheSchoolAccountInItsBell() async throws {
        try await withApp { app in
            let schoolUser = try await app.user("school")
            let before = try await AppNotification.query(on: app.db).filter(\.$userID == schoolUser.id!).count()

            let (_, notice, _) = try await RectificationLoopTests.issuedNotice(app)

            let n = try await app.notice(notice)
            let mine = try await AppNotification.query(on: app.db).filter(\.$userID == schoolUser.id!).sort(\.$id).all()
            XCTAssertEqual(mine.count, before + 1)
            let latest = try XCTUnwrap(mine.last)
            XCTAssertFalse(latest.read)
            XCTAssertEqual(latest.link, "/notices/\(notice)")
            XCTAssertTrue(latest.title.contains("收到整改通知书 \(n.number)"), latest.title)
            let unread = try await Notifier.unreadCount(userID: schoolUser.id!, on: app.db)
            XCTAssertGreaterThanOrEqual(unread, 1)
        }
    }

    func testTheBellListsTheNotificationAndMarkingAllReadClearsIt() async throws {
        try await withApp { app in
            let (_, notice, _) = try await RectificationLoopTests.issuedNotice(app)
            let number = try await app.notice(notice).number
            let schoolUser = try await app.user("school")
            let school = try await login(app, "school")

            let list = try await school.get("/notifications")
            XCTAssertEqual(list.status, .ok)
            let html = list.body.string
            XCTAssertTrue(
                html.contains(#"<li class="unread"><a href="/notices/\#(notice)""#), "unread, linked to the notice")
            XCTAssertTrue(html.contains("收到整改通知书 \(number)"))
            XCTAssertTrue(html.contains(#"action="/notifications/read""#))

            let read = try await school.post("/notifications/read")

            XCTAssertEqual(read.status, .seeOther)
            XCTAssertEqual(read.headers.first(name: .location), "/notifications")
            let unread = try await Notifier.unreadCount(userID: schoolUser.id!, on: app.db)
            XCTAssertEqual(unread, 0)
            let after = try await school.get("/notifications")
            XCTAssertFalse(after.body.string.contains(#"class="unread""#))
            XCTAssertFalse(after.body.string.contains(#"action="/notifications/read""#), "nothing left to mark")
        }
    }

    func testMarkingReadTouchesOnlyTheSignedInAccountsNotifications() async throws {
        try await withApp { app in
            // Issuing tells the school; a new complaint about school 1 tells the office and the inspector.
            _ = try await RectificationLoopTests.issuedNotice(app)
            _ = try await ComplaintRouteTests.submitted(app)
            let schoolUser = try await app.user("school")
            let officeUser = try await app.user("office")
            let officeUnreadBefore = try await Notifier.unreadCount(userID: officeUser.id!, on: app.db)
            XCTAssertGreaterThan(officeUnreadBefore, 0)
            let school = try await login(app, "school")
            try await school.get("/notifications")

            try await school.post("/notifications/read")

            let schoolUnread = try await Notifier.unreadCount(userID: schoolUser.id!, on: app.db)
            let officeUnread = try await Notifier.unreadCount(userID: officeUser.id!, on: app.db)
            XCTAssertEqual(schoolUnread, 0)
            XCTAssertEqual(officeUnread, officeUnreadBefore)
        }
    }

    func testAccountsSeeOnlyTheirOwnNotifications() async throws {
        try await withApp { app in
            let (_, notice, _) = try await RectificationLoopTests.issuedNotice(app)
            let number = try await app.notice(notice).number
            let leader = try await login(app, "leader")

            let list = try await leader.get("/notifications")

            XCTAssertEqual(list.status, .ok)
            XCTAssertFalse(list.body.string.contains("收到整改通知书 \(number)"))
        }
    }

    func testANewComplaintTellsTheOfficeAndTheResponsibleInspector() async throws {
        try await withApp { app in
            let c = try await ComplaintRouteTests.submitted(app)

            let told = try await AppNotification.query(on: app.db).filter(\.$link == "/complaints/\(c.id!)").all()

            let expected = [try await app.user("office").id!, try await app.user("inspector").id!]
            XCTAssertEqual(Set(told.map(\.userID)), Set(expected))
            XCTAssertTrue(
                told.allSatisfy { !$0.title.contains("赵晓梅") && !$0.title.contains("13912345678") },
                "the bell does not carry the complainant's identity")
        }
    }

    // MARK: - Webhook

    func testWithAWebhookIssuingQueuesADeliveryAndStillSucceeds() async throws {
        try await withApp { app in
            try await app.changeDistrictSettings { $0.webhookURL = Self.deadHook }
            let inspector = try await login(app, "inspector")
            let (_, problem) = try await inspector.recordVisitWithProblem(school: 1)
            let notice = try await inspector.createNotice(school: 1, problems: [problem])
            let before = try await WebhookDelivery.query(on: app.db).count()

            let issue = try await inspector.act(onNotice: notice, .issue)

            XCTAssertEqual(issue.status, .seeOther)
            XCTAssertEqual(issue.headers.first(name: .location), "/notices/\(notice)")
            try await assertState(app, notice: notice, .issued)
            let number = try await app.notice(notice).number
            let queued = try await WebhookDelivery.query(on: app.db).sort(\.$id).all()
            XCTAssertEqual(queued.count, before + 1)
            let d = try XCTUnwrap(queued.last)
            XCTAssertEqual(d.url, Self.deadHook)
            XCTAssertEqual(d.attempts, 0)
            XCTAssertNil(d.deliveredAt)
            XCTAssertTrue(d.payload.contains(#""msgtype":"text""#), d.payload)
            XCTAssertTrue(d.payload.contains(number), d.payload)
        }
    }

    func testWithoutAWebhookNothingIsQueued() async throws {
        try await withApp { app in
            _ = try await RectificationLoopTests.issuedNotice(app)

            let queued = try await WebhookDelivery.query(on: app.db).count()

            XCTAssertEqual(queued, 0)
        }
    }

    func testAFailedDeliveryIsRecordedAndRetriedLaterWithoutThrowing() async throws {
        try await withApp { app in
            // Loopback is refused outside tests; this test opens the dead port to reach a connection failure.
            app.outboundAllowance = OutboundAllowance(loopbackPorts: [9])
            try await app.changeDistrictSettings { $0.webhookURL = Self.deadHook }
            _ = try await RectificationLoopTests.issuedNotice(app)
            let start = TestClock.now

            let delivered = try await WebhookJob.run(app, now: TestClock.now)

            XCTAssertEqual(delivered, 0)
            let all = try await WebhookDelivery.query(on: app.db).all()
            XCTAssertFalse(all.isEmpty)
            for d in all {
                XCTAssertEqual(d.attempts, 1)
                XCTAssertFalse(d.lastError.isEmpty)
                XCTAssertNil(d.deliveredAt)
                XCTAssertGreaterThan(d.nextAttemptAt, start, "retried later, not straight away")
            }
            // Not due again yet: a second run right away attempts nothing.
            _ = try await WebhookJob.run(app, now: TestClock.now)
            let again = try await WebhookDelivery.query(on: app.db).all()
            XCTAssertEqual(again.map(\.attempts), all.map { _ in 1 })
        }
    }

    func testDeliveriesBackOffAndStopAfterSixAttempts() async throws {
        // A receiver that always answers 500: every attempt reaches it and fails.
        let failing: @Sendable (Request) -> Response = { _ in Response(status: .internalServerError) }
        try await WebhookReceiver.with(answer: failing) { receiver in
            try await withApp { app in
                app.outboundAllowance = OutboundAllowance(loopbackPorts: [receiver.port])
                try await app.changeDistrictSettings { $0.webhookURL = receiver.url() }
                _ = try await RectificationLoopTests.issuedNotice(app)
                var now = TestClock.now
                var waits: [TimeInterval] = []

                for _ in 0..<(WebhookJob.maxAttempts + 2) {
                    _ = try await WebhookJob.run(app, now: now)
                    let d = try await WebhookDelivery.query(on: app.db).first()
                    let next = try XCTUnwrap(d?.nextAttemptAt)
                    waits.append(next.timeIntervalSince(now).rounded())
                    now = next.addingTimeInterval(1)
                }

                let d = try await WebhookDelivery.query(on: app.db).first()
                XCTAssertEqual(d?.attempts, WebhookJob.maxAttempts)
                XCTAssertEqual(d?.lastError, "HTTP 500")
                XCTAssertEqual(Array(waits.prefix(5)), [60, 120, 240, 480, 960])
                let received = await receiver.received
                XCTAssertEqual(received.count, WebhookJob.maxAttempts, "six attempts, then no more")
            }
        }
    }

    func testTheUnreadBadgeIsOnEveryPageAnErrorPageAndARefusedFormIncluded() async throws {
        try await withApp(history: false) { app in
            let user = try await app.user("inspector")
            try await Notifier.notify(
                userIDs: [user.id!], title: "整改通知书待复查", link: "/notices", districtID: nil, on: app.db)
            let inspector = try await login(app, "inspector")

            let missing = try await inspector.get("/no-such-page")
            let forbidden = try await inspector.post("/schools/new", form: [("name", "x")])
            let refused = try await inspector.post("/visits", form: [("school", "1"), ("visitDate", "")])

            XCTAssertEqual(missing.status, .notFound)
            XCTAssertEqual(forbidden.status, .forbidden)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            for res in [missing, forbidden, refused] {
                XCTAssertTrue(res.body.string.contains(#"aria-label="1条未读""#), "\(res.status)")
            }
        }
    }
}
