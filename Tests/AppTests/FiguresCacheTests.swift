import DudaoCore
import Fluent
import NIOConcurrencyHelpers
import XCTVapor

@testable import App

/// The dashboard's figures are kept for the configured lifetime: counted once for everyone asking within it (at
/// the same moment too), shown while they are counted again after it, never kept after a failure, and the page says
/// when they were counted.
final class FiguresCacheTests: XCTestCase {
    actor Counter {
        var count = 0
        func next() -> Int {
            count += 1
            return count
        }
    }

    struct Refused: Error {}

    func testWithinTheLifetimeTheFiguresAreCountedOnce() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60)
        let counter = Counter()
        let start = TestClock.now

        let first = try await cache.value(for: "全省", now: start) { await counter.next() }
        let within = try await cache.value(for: "全省", now: start.addingTimeInterval(59)) { await counter.next() }
        let other = try await cache.value(for: "青川区", now: start.addingTimeInterval(59)) { await counter.next() }

        XCTAssertEqual([first.value, within.value, other.value], [1, 1, 2])
        XCTAssertEqual(within.countedAt, start, "the page shows when the figures it shows were counted")
    }

    func testPastTheLifetimeTheKeptFiguresAreShownWhileOneCountRunsBesideThem() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60)
        let counter = Counter()
        let start = TestClock.now
        _ = try await cache.value(for: "全省", now: start) { await counter.next() }

        let shown = try await withThrowingTaskGroup(of: FiguresCache<String, Int>.Entry.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try await cache.value(for: "全省", now: start.addingTimeInterval(60)) {
                        try await Task.sleep(nanoseconds: 50_000_000)
                        return await counter.next()
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await cache.settled()
        let after = try await cache.value(for: "全省", now: start.addingTimeInterval(61)) { await counter.next() }

        XCTAssertEqual(shown.map(\.value), Array(repeating: 1, count: 32), "nobody waits for the count")
        XCTAssertEqual(Set(shown.map(\.countedAt)), [start], "with the time they were counted")
        XCTAssertEqual(after.value, 2, "the requests after the count get its figures")
        XCTAssertEqual(after.countedAt, start.addingTimeInterval(60))
        let counted = await counter.count
        XCTAssertEqual(counted, 2, "one count beside the 32 requests")
    }

    func testFiguresOlderThanTwiceTheLifetimeAreCountedWhileTheRequestWaits() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60)
        let counter = Counter()
        let start = TestClock.now
        _ = try await cache.value(for: "全省", now: start) { await counter.next() }

        let late = try await cache.value(for: "全省", now: start.addingTimeInterval(120)) { await counter.next() }

        XCTAssertEqual(late.value, 2)
        XCTAssertEqual(late.countedAt, start.addingTimeInterval(120))
    }

    func testAFailedCountBesideTheRequestsLeavesTheKeptFiguresAndTheNextRequestTriesAgain() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60)
        let counter = Counter()
        let start = TestClock.now
        _ = try await cache.value(for: "全省", now: start) { await counter.next() }

        let whileFailing = try await cache.value(for: "全省", now: start.addingTimeInterval(60)) { throw Refused() }
        await cache.settled()
        let whileRetrying = try await cache.value(for: "全省", now: start.addingTimeInterval(61)) {
            await counter.next()
        }
        await cache.settled()
        let after = try await cache.value(for: "全省", now: start.addingTimeInterval(62)) { await counter.next() }

        XCTAssertEqual([whileFailing.value, whileRetrying.value, after.value], [1, 1, 2])
        XCTAssertEqual(after.countedAt, start.addingTimeInterval(61))
    }

    func testThePageDrawnFromTheFiguresIsDrawnOnceWithThemAndKeptBesideThem() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60)
        let (counter, drawings) = (Counter(), NIOLockedValueBox(0))
        let unkept = FiguresCache<String, Int>(lifetime: 0)
        let start = TestClock.now
        let draw: FiguresCache<String, Int>.Draw = { value, countedAt in
            drawings.withLockedValue { $0 += 1 }
            return "<p>\(value) · \(countedAt.map(Format.counted) ?? "刚刚统计")</p>"
        }

        let first = try await cache.value(for: "全省", now: start, count: { await counter.next() }, draw: draw)
        let within = try await cache.value(
            for: "全省", now: start.addingTimeInterval(30), count: { await counter.next() }, draw: draw)
        let live = try await unkept.value(for: "全省", now: start, count: { 7 }, draw: draw)

        XCTAssertEqual(first.drawn, "<p>1 · \(Format.counted(start))</p>")
        XCTAssertEqual(within.drawn, first.drawn, "kept with the figures, not drawn again")
        XCTAssertEqual(live.drawn, "<p>7 · 刚刚统计</p>", "figures not kept are drawn with no time")
        XCTAssertEqual(drawings.withLockedValue { $0 }, 2, "once for the kept count, once for the unkept one")
    }

    func testRequestsArrivingWhileTheFiguresAreCountedWaitForThatOneCount() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60)
        let counter = Counter()

        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try await cache.value(for: "全省", now: TestClock.now) {
                        try await Task.sleep(nanoseconds: 50_000_000)
                        return await counter.next()
                    }.value
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        XCTAssertEqual(values, Array(repeating: 1, count: 32))
        let counted = await counter.count
        XCTAssertEqual(counted, 1)
    }

    func testAFailureIsNotKeptAndLifetimeZeroCountsEveryTime() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60)
        let off = FiguresCache<String, Int>(lifetime: 0)
        let counter = Counter()

        do {
            _ = try await cache.value(for: "全省", now: TestClock.now) { throw Refused() }
            XCTFail("the failure reaches the request")
        } catch is Refused {}
        let retried = try await cache.value(for: "全省", now: TestClock.now) { await counter.next() }
        let a = try await off.value(for: "全省", now: TestClock.now) { await counter.next() }
        let b = try await off.value(for: "全省", now: TestClock.now) { await counter.next() }

        XCTAssertEqual([retried.value, a.value, b.value], [1, 2, 3])
    }

    func testForgottenFiguresAreCountedAgainAndACountUnderWayIsNotKept() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60)
        let counter = Counter()
        let start = TestClock.now
        _ = try await cache.value(for: "青川区", now: start) { await counter.next() }
        _ = try await cache.value(for: "白沙区", now: start) { await counter.next() }
        // A count past the lifetime is under way when the write forgets the figures: it started before the write.
        let staleCount = Task {
            try await cache.value(for: "青川区", now: start.addingTimeInterval(61)) {
                try await Task.sleep(nanoseconds: 100_000_000)
                return await counter.next()
            }
        }
        try await Task.sleep(nanoseconds: 20_000_000)

        cache.forget { $0 == "青川区" }
        let afterWrite = try await cache.value(for: "青川区", now: start.addingTimeInterval(62)) {
            await counter.next()
        }
        let shownBeforeTheWrite = try await staleCount.value
        // A forgotten count is no longer awaited by `settled()`: wait until it has ended.
        for _ in 0..<200 where await counter.count < 4 { try await Task.sleep(nanoseconds: 10_000_000) }
        let later = try await cache.value(for: "青川区", now: start.addingTimeInterval(63)) { await counter.next() }
        // Read before the other key's figures: past their lifetime, asking for them starts a count beside.
        let counted = await counter.count
        let other = try await cache.value(for: "白沙区", now: start.addingTimeInterval(63)) { await counter.next() }

        XCTAssertEqual(shownBeforeTheWrite.value, 1, "the kept figures, while they were counted again")
        XCTAssertEqual(afterWrite.value, 3, "counted again at once, not the kept figures nor the count under way")
        XCTAssertEqual(counted, 4, "the count under way ended, as the fourth")
        XCTAssertEqual(later.value, 3, "but did not replace the figures counted after the write")
        XCTAssertEqual(later.countedAt, start.addingTimeInterval(62))
        XCTAssertEqual(other.value, 2, "another key's figures are kept")
    }

    func testTheOldestFiguresMakeRoomWhenTheCacheIsFull() async throws {
        let cache = FiguresCache<String, Int>(lifetime: 60, capacity: 2)
        let counter = Counter()
        let t = TestClock.now

        _ = try await cache.value(for: "甲", now: t) { await counter.next() }
        _ = try await cache.value(for: "乙", now: t.addingTimeInterval(1)) { await counter.next() }
        _ = try await cache.value(for: "丙", now: t.addingTimeInterval(2)) { await counter.next() }
        let b = try await cache.value(for: "乙", now: t.addingTimeInterval(3)) { await counter.next() }
        let a = try await cache.value(for: "甲", now: t.addingTimeInterval(3)) { await counter.next() }

        XCTAssertEqual(b.value, 2, "still kept")
        XCTAssertEqual(a.value, 4, "the oldest was dropped and is counted again")
    }

    func testTheDashboardShowsKeptFiguresWithTheirTimeUntilTheLifetimeEnds() async throws {
        try await keptUntilTheLifetimeEnds(page: "/dashboard", reader: "leader")
    }

    func testTheComplianceSummaryShowsKeptFiguresWithTheirTimeUntilTheLifetimeEnds() async throws {
        try await keptUntilTheLifetimeEnds(page: "/compliance", reader: "office")
    }

    /// `reader` reads `page`, an inspector records a visit with a problem, `reader` reads it again within the
    /// lifetime (the same figures), after it (the same, while they are counted again) and once that count has ended (with
    /// the visit).
    func keptUntilTheLifetimeEnds(page: String, reader: String) async throws {
        try await withApp { app in
            let clock = ManualClock(TestClock.now)
            app.clock = clock.clock
            app.figuresCaches = FiguresCaches(lifetime: 60)
            let office = try await login(app, reader)
            let inspector = try await login(app, "inspector")

            // The page's main part: the header's unread count is live, the figures are not.
            func figures() async throws -> String {
                let html = try await office.get(page).body.string
                guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return html }
                return String(html[start.lowerBound..<end.upperBound])
            }
            let before = try await figures()
            _ = try await inspector.recordVisitWithProblem(school: 1, description: "消防通道堵塞", severity: .urgent)
            let kept = try await figures()
            clock.advance(by: 60)
            let whileCounted = try await figures()
            await app.figuresCaches.settled()
            let recounted = try await figures()

            XCTAssertTrue(before.contains("数据统计于 2026-11-30 10:00"), page)
            XCTAssertEqual(kept, before, "the same figures within the lifetime")
            XCTAssertEqual(whileCounted, before, "and while they are counted again after it")
            XCTAssertTrue(recounted.contains("数据统计于 2026-11-30 10:01"), page)
            XCTAssertNotEqual(
                recounted.replacingOccurrences(of: "10:01", with: "10:00"), before, "the new visit is counted")
        }
    }

    func testTheOfficeHomeKeepsItsDirectoryFiguresButItsToDoListIsLive() async throws {
        try await withApp { app in
            let clock = ManualClock(TestClock.now)
            app.clock = clock.clock
            app.figuresCaches = FiguresCaches(lifetime: 60)
            let office = try await login(app, "office")
            let inspector = try await login(app, "inspector")
            let open = try await School.query(on: app.db).filter(\.$status == .open).count()

            let before = try await office.get("/").body.string
            try await School.query(on: app.db).filter(\.$id == 1).set(\.$status, to: .closed).update()
            let (_, problem) = try await inspector.recordVisitWithProblem(
                school: 2, description: "消防通道堵塞", severity: .urgent)
            // Found on the test's today: Fluent stamps a new record with the real time.
            try await Problem.query(on: app.db).filter(\.$id == problem).set(\.$createdAt, to: TestClock.now).update()
            let kept = try await office.get("/").body.string
            clock.advance(by: 60)
            _ = try await office.get("/")
            await app.figuresCaches.settled()
            let recounted = try await office.get("/").body.string

            XCTAssertTrue(before.contains("数据统计于 2026-11-30 10:00"))
            XCTAssertTrue(
                kept.contains(#"<span class="stat-value">\#(open)</span><span class="stat-label">在办学校"#),
                "the kept count of open schools")
            XCTAssertTrue(kept.contains("消防通道堵塞"), "the to-do list is counted on every request")
            XCTAssertTrue(
                recounted.contains(#"<span class="stat-value">\#(open - 1)</span><span class="stat-label">在办学校"#),
                "counted again after the lifetime")
        }
    }

    func testTheOfficeHomeCountsAgainOnANewDayWithinTheLifetime() async throws {
        try await withApp { app in
            // "Behind this month" turns with the month: figures of 30 November are not December's.
            let clock = ManualClock(TestClock.today.date(hour: 23).addingTimeInterval(59 * 60 + 30))
            app.clock = clock.clock
            app.figuresCaches = FiguresCaches(lifetime: 60)
            let office = try await login(app, "office")

            let november = try await office.get("/").body.string
            clock.advance(by: 40)
            let december = try await office.get("/").body.string

            XCTAssertTrue(november.contains("数据统计于 2026-11-30 23:59"))
            XCTAssertTrue(december.contains("数据统计于 2026-12-01 00:00"), "counted again on the new day")
        }
    }

    func testTheComplaintsKeepTheirPerInspectorTableButTheListIsLive() async throws {
        try await withApp { app in
            let clock = ManualClock(TestClock.now)
            app.clock = clock.clock
            app.figuresCaches = FiguresCaches(lifetime: 60)
            let office = try await login(app, "office")
            let handling = try await Complaint.query(on: app.db).filter(\.$inspectorID != nil)
                .filter(\.$state ~~ [.accepted, .verifying, .handling]).first()
            let complaint = try XCTUnwrap(handling)
            // The list before the table, and the table.
            func parts() async throws -> (list: String, table: String) {
                let html = try await office.get("/complaints?state=all").body.string
                guard let table = html.range(of: "各督学办理情况"), let end = html.range(of: "</main>") else {
                    return (html, "")
                }
                return (String(html[..<table.lowerBound]), String(html[table.lowerBound..<end.lowerBound]))
            }

            let before = try await parts()
            complaint.state = .closed
            complaint.repliedOn = TestClock.today.description
            try await complaint.save(on: app.db)
            let kept = try await parts()
            clock.advance(by: 60)
            let whileCounted = try await parts()
            await app.figuresCaches.settled()
            let recounted = try await parts()

            XCTAssertTrue(before.table.contains("数据统计于 2026-11-30 10:00"))
            XCTAssertEqual(kept.table, before.table, "the table is kept within the lifetime")
            XCTAssertEqual(whileCounted.table, before.table, "and while it is counted again after it")
            XCTAssertNotEqual(kept.list, before.list, "the list shows the complaint closed at once")
            XCTAssertTrue(recounted.table.contains("数据统计于 2026-11-30 10:01"))
            XCTAssertNotEqual(
                recounted.table.replacingOccurrences(of: "10:01", with: "10:00"), before.table,
                "counted again after the lifetime, with one more handled")
        }
    }

    func testTheLifetimeIsReadFromTheEnvironmentAndAWrongValueNamesTheVariable() throws {
        XCTAssertEqual(try AppConfig.fromEnvironment([:]).figuresCacheSeconds, 60)
        XCTAssertEqual(try AppConfig.fromEnvironment(["DUDAO_FIGURES_CACHE_SECONDS": "0"]).figuresCacheSeconds, 0)
        for wrong in ["-1", "3601", "一分钟", "9223372036854775808"] {
            XCTAssertThrowsError(try AppConfig.fromEnvironment(["DUDAO_FIGURES_CACHE_SECONDS": wrong])) { error in
                XCTAssertTrue("\(error)".contains("DUDAO_FIGURES_CACHE_SECONDS"), wrong)
            }
        }
    }
}
