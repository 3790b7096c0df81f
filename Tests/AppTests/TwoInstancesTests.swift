import DudaoCore
import Fluent
import SQLKit
import XCTVapor

@testable import App

/// Several instances on one database (a province behind a load balancer): with `DUDAO_ATTACHMENTS=database`, a
/// login made on one is valid on the other and a photo uploaded to one downloads from the other, each instance with
/// its own data directory; both run the timer, and each job runs once per period.
final class TwoInstancesTests: XCTestCase {
    func testALoginAndAPhotoFromOneInstanceServeOnTheOther() async throws {
        try await withApp(history: false, attachmentsInDatabase: true) { first in
            try await Self.withSecondInstance(of: first) { second in
                let inspector = try await login(first, "inspector")
                let visit = try await inspector.createVisit(school: 1)
                try await inspector.get("/visits/\(visit)")
                let uploaded = try await inspector.uploadPhoto(
                    "/visits/\(visit)/photos", data: tinyPNG, caption: "消防通道")
                XCTAssertEqual(uploaded.status, .seeOther)
                let photo = try await VisitPhoto.query(on: first.db).filter(\.$visitID == visit).first()!

                let onSecond = TestSession(app: second)
                for (name, value) in inspector.cookies { onSecond.setCookie(name, value) }
                let page = try await onSecond.get("/visits/\(visit)")
                let image = try await onSecond.get("/visits/\(visit)/photos/\(photo.id!)")

                XCTAssertEqual(page.status, .ok, "the session made on the first instance")
                XCTAssertTrue(page.body.string.contains("消防通道"))
                XCTAssertEqual(image.status, .ok)
                XCTAssertEqual(Data(buffer: image.body), tinyPNG, "the photo from the database, not a data directory")
                XCTAssertFalse(FileManager.default.fileExists(atPath: first.config.dataDir + "/files"))
                let stored = try await DatabaseAttachmentStore(second).get(photo.hash)
                XCTAssertEqual(stored, tinyPNG)
            }
        }
    }

    func testBothInstancesTickingAtOnceRunEachJobOncePerPeriod() async throws {
        try await withApp(history: false) { first in
            let clock = ManualClock(TestClock.now)
            first.clock = clock.clock
            try await Self.withSecondInstance(of: first) { second in
                second.clock = clock.clock
                let jobs = [
                    "escalation", "due_soon", "campaign_reminder", "bulletin_draft", "monitoring_reminder",
                    "webhook", "session_sweep",
                ]
                let lastMonth = YearMonth(TestClock.today).previous.description
                let before = try await Bulletin.query(on: first.db).filter(\.$period == lastMonth).count()

                async let a: Void = EscalationJob.tick(first)
                async let b: Void = EscalationJob.tick(second)
                _ = await (a, b)
                let drafted = try await Bulletin.query(on: first.db).filter(\.$period == lastMonth).count()
                let runs = try await Self.runs(on: first.db)

                XCTAssertEqual(before, 0)
                XCTAssertEqual(drafted, 1, "last month's bulletin drafted by one instance, not both")
                XCTAssertEqual(runs.map(\.job).sorted(), jobs.sorted(), "one run of each job, by one instance or other")
                XCTAssertTrue(runs.allSatisfy { $0.outcome == "ok" && $0.finished_at != nil })
                for job in jobs {
                    let ran = [first, second].map { Self.count(job, "ok", in: $0) }
                    let skipped = [first, second].map { Self.count(job, "skipped", in: $0) }
                    XCTAssertEqual(ran.reduce(0, +), 1, job)
                    XCTAssertEqual(skipped.reduce(0, +), 1, job)
                }

                clock.advance(by: 60)
                await EscalationJob.tick(second)
                let sameSlot = try await Self.runs(on: first.db).count
                clock.advance(by: Double(JobRuns.period))
                await EscalationJob.tick(second)
                let nextSlot = try await Self.runs(on: first.db).count
                let stillOne = try await Bulletin.query(on: first.db).filter(\.$period == lastMonth).count()

                XCTAssertEqual(sameSlot, jobs.count, "a tick later in the same period runs nothing")
                XCTAssertEqual(nextSlot, 2 * jobs.count, "the next period runs every job again")
                XCTAssertEqual(stillOne, 1)
            }
        }
    }

    func testRunsOlderThanTwoDaysAreForgotten() async throws {
        try await withApp(history: false) { app in
            let old = TestClock.now.addingTimeInterval(-3 * 86_400)
            let recent = TestClock.now.addingTimeInterval(-86_400)
            _ = try await JobRuns.claim("webhook", now: old, on: app.db)
            _ = try await JobRuns.claim("webhook", now: recent, on: app.db)

            try await JobRuns.sweep(now: TestClock.now, on: app.db)

            let left = try await Self.runs(on: app.db)
            XCTAssertEqual(left.count, 1)
            XCTAssertEqual(left.first?.outcome, "running")
        }
    }

    struct Run: Decodable {
        let job: String
        let outcome: String
        let finished_at: Date?
    }

    static func runs(on db: any Database) async throws -> [Run] {
        try await (db as! any SQLDatabase).raw("SELECT job, outcome, finished_at FROM job_runs ORDER BY id")
            .all(decoding: Run.self)
    }

    /// How many runs of `job` with `outcome` the instance's `/metrics` counted.
    static func count(_ job: String, _ outcome: String, in app: Application) -> Int {
        let line = #"dudao_job_runs_total{job="\#(job)",outcome="\#(outcome)"} "#
        let text = app.metrics.registry.emitToString()
        guard let found = text.split(separator: "\n").first(where: { $0.hasPrefix(line) }) else { return 0 }
        return Int(found.dropFirst(line.count)) ?? -1
    }

    /// A second application on the first one's database, with its own data directory, shut down after `body`.
    static func withSecondInstance(
        of first: Application, _ body: (Application) async throws -> Void
    ) async throws {
        var config = first.config
        config.dataDir = NSTemporaryDirectory() + "dudao-second-" + UUID().uuidString
        let second = try await Application.make(.testing)
        second.logger.logLevel = .warning
        do {
            try await configure(second, config)
            second.clock = TestClock.clock
            try await body(second)
        } catch {
            try? await second.asyncShutdown()
            try? FileManager.default.removeItem(atPath: config.dataDir)
            throw error
        }
        try await second.asyncShutdown()
        try? FileManager.default.removeItem(atPath: config.dataDir)
    }

    func testTheDatabaseStoreKeepsEachContentOnceAndAnswersNothingForAnUnknownOrMalformedHash() async throws {
        try await withApp(history: false, attachmentsInDatabase: true) { app in
            let store = app.attachments
            let data = Data("整改报告".utf8)

            let a = try await store.put(data)
            let b = try await store.put(data)
            let path = NSTemporaryDirectory() + "dudao-upload-" + UUID().uuidString
            let other = Data("佐证材料".utf8)
            try other.write(to: URL(fileURLWithPath: path))
            try await store.put(fileAt: path, hash: ContentHash.of(other))

            XCTAssertEqual(a, b)
            XCTAssertEqual(a, ContentHash.of(data))
            let got = try await store.get(a)
            XCTAssertEqual(got, data)
            let moved = try await store.get(ContentHash.of(other))
            XCTAssertEqual(moved, other)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "the upload's temporary file is taken")
            let unknown = try await store.get(String(repeating: "0", count: 64))
            XCTAssertNil(unknown)
            let malformed = try await store.get("../../etc/passwd")
            XCTAssertNil(malformed)
            struct Count: Decodable { let n: Int }
            let rows = try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM attachment_blobs")
                .first(decoding: Count.self)?.n
            XCTAssertEqual(rows, 2, "one row per content")
        }
    }

    func testTheSettingIsDiskOrDatabase() {
        XCTAssertFalse(try AppConfig.fromEnvironment([:]).attachmentsInDatabase)
        XCTAssertTrue(try AppConfig.fromEnvironment(["DUDAO_ATTACHMENTS": "database"]).attachmentsInDatabase)
        XCTAssertThrowsError(try AppConfig.fromEnvironment(["DUDAO_ATTACHMENTS": "s3"])) { error in
            XCTAssertTrue("\(error)".contains("DUDAO_ATTACHMENTS"))
        }
    }
}
