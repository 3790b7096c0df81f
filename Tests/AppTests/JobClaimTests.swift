import DudaoCore
import Fluent
import SQLKit
import XCTVapor

@testable import App

/// The due-soon reminder with two instances, and migration M007 that keeps it to one per notice.
final class JobClaimTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    func testTwoInstancesRunningAtOnceRemindTheSchoolOnce() async throws {
        try await withApp(history: false) { app in
            let (notice, deadline) = try await EscalationJobTests.issuedNotice(app)
            let schoolUser = try await app.user("school")
            let before = try await AppNotification.query(on: app.db).filter(\.$userID == schoolUser.id!).count()
            let day = deadline.adding(days: -2)

            async let a = DueSoonJob.run(on: app.db, today: day, now: Self.now)
            async let b = DueSoonJob.run(on: app.db, today: day, now: Self.now)
            let (x, y) = try await (a, b)

            XCTAssertEqual(x + y, 1)
            let reminders = try await app.events("notice", notice).filter { $0.action == "due-soon" }
            XCTAssertEqual(reminders.count, 1)
            XCTAssertEqual(reminders.first?.actorName, "系统")
            XCTAssertEqual(reminders.first?.comment, "整改期限将至，已提醒学校")
            XCTAssertEqual(reminders.first?.createdAt, Self.now)
            let after = try await AppNotification.query(on: app.db).filter(\.$userID == schoolUser.id!).count()
            XCTAssertEqual(after, before + 1, "one notification, not one per instance")
        }
    }

    func testTheDatabaseKeepsOneDueSoonEventPerNotice() async throws {
        try await withApp(history: false) { app in
            let (notice, _) = try await EscalationJobTests.issuedNotice(app)

            let first = try await DueSoonJob.recordOnce(notice: notice, on: app.db, now: Self.now)
            let second = try await DueSoonJob.recordOnce(notice: notice, on: app.db, now: Self.now)

            XCTAssertTrue(first)
            XCTAssertFalse(second, "the second insert does nothing")
            let reminders = try await app.events("notice", notice).filter { $0.action == "due-soon" }
            XCTAssertEqual(reminders.count, 1)
        }
    }

    func testM007RevertsAndOnPrepareKeepsTheEarliestOfDuplicateReminders() async throws {
        try await withApp(history: false) { app in
            let (notice, _) = try await EscalationJobTests.issuedNotice(app)
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)

            try await M007_JobClaims().revert(on: app.db)

            do {
                _ = try await sql.raw("SELECT lease_until FROM webhook_deliveries").all()
                XCTFail("lease_until is still there after revert")
            } catch {}
            // Without the index two instances could record the reminder twice, as before M007.
            var ids: [Int] = []
            for comment in ["第一次", "第二次"] {
                let e = CaseEvent()
                e.target = "notice"
                e.targetID = notice
                e.action = "due-soon"
                e.actorName = "系统"
                e.comment = comment
                try await e.save(on: app.db)
                ids.append(e.id!)
            }

            try await M007_JobClaims().prepare(on: app.db)

            let reminders = try await app.events("notice", notice).filter { $0.action == "due-soon" }
            XCTAssertEqual(reminders.map(\.id), [ids[0]])
            XCTAssertEqual(reminders.map(\.comment), ["第一次"])
            let again = try await DueSoonJob.recordOnce(notice: notice, on: app.db, now: Self.now)
            XCTAssertFalse(again, "the index is back")
            let claimed = try await WebhookJob.claim(on: app.db, now: Self.now)
            XCTAssertEqual(claimed.count, 0, "the lease columns are back")
        }
    }
}
