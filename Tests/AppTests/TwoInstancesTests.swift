import DudaoCore
import Fluent
import SQLKit
import XCTVapor

@testable import App

/// Several instances on one database (a province behind a load balancer): with `DUDAO_ATTACHMENTS=database`, a
/// login made on one is valid on the other and a photo uploaded to one downloads from the other, each instance with
/// its own data directory.
final class TwoInstancesTests: XCTestCase {
    func testALoginAndAPhotoFromOneInstanceServeOnTheOther() async throws {
        try await withApp(history: false, attachmentsInDatabase: true) { first in
            var config = first.config
            config.dataDir = NSTemporaryDirectory() + "dudao-second-" + UUID().uuidString
            let second = try await Application.make(.testing)
            second.logger.logLevel = .warning
            do {
                try await configure(second, config)
                second.clock = TestClock.clock
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
            } catch {
                try? await second.asyncShutdown()
                try? FileManager.default.removeItem(atPath: config.dataDir)
                throw error
            }
            try await second.asyncShutdown()
            try? FileManager.default.removeItem(atPath: config.dataDir)
        }
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
