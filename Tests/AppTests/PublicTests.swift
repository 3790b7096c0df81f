import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 四个公开 without login, and the health check.
final class PublicTests: XCTestCase {
    func testPublicListIsOpenToEveryoneWithSchoolsAndTheirInspectors() async throws {
        try await withApp { app in
            let school1 = try await app.school(1)

            try await app.test(.GET, "/public") { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("青川区中小学校（幼儿园）责任督学挂牌督导公示"))
                XCTAssertTrue(html.contains(school1.name))
                XCTAssertTrue(html.contains("王建华"))
                XCTAssertTrue(html.contains("0573-82106688"))
                XCTAssertTrue(html.contains("待安排"), "uncovered schools are shown as such")
            }
        }
    }

    func testPublicListDoesNotShowClosedSchools() async throws {
        try await withApp { app in
            let school = try await app.school(5)
            school.status = .closed
            try await school.save(on: app.db)

            let res = try await app.sendRequest(.GET, "/public")

            XCTAssertFalse(res.body.string.contains(school.name))
        }
    }

    func testSchoolSignShowsTheInspectorAndTheComplaintPhone() async throws {
        try await withApp { app in
            let school1 = try await app.school(1)

            try await app.test(.GET, "/public/schools/1/sign") { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains(school1.name))
                XCTAssertTrue(html.contains("王建华"))
                XCTAssertTrue(html.contains("0573-82106688"))
                XCTAssertFalse(html.contains("陈国庆"), "the earlier, ended assignment is not on the sign")
            }
        }
    }

    func testSignOfAnUncoveredSchoolSaysToBeArranged() async throws {
        try await withApp { app in
            let lastID = try await School.query(on: app.db).sort(\.$id, .descending).first()?.id
            let id = try XCTUnwrap(lastID)

            let res = try await app.sendRequest(.GET, "/public/schools/\(id)/sign")

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("责任督学：待安排"))
        }
    }

    func testSignOfAnUnknownSchoolIs404() async throws {
        try await withApp { app in
            let res = try await app.sendRequest(.GET, "/public/schools/99999/sign")

            XCTAssertEqual(res.status, .notFound)
            XCTAssertTrue(res.body.string.contains("未找到该学校"))
        }
    }

    func testHealthzReportsOkAndTheDatabaseInUse() async throws {
        try await withApp { app in
            struct Health: Decodable {
                let status: String
                let database: String
                let version: String
            }
            let expected: String
            switch app.config.database {
            case .postgres: expected = "postgres"
            case .sqliteMemory, .sqliteFile: expected = "sqlite"
            }

            try await app.test(.GET, "/healthz") { res async throws in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType, .json)
                let health = try res.content.decode(Health.self)
                XCTAssertEqual(health.status, "ok")
                XCTAssertEqual(health.database, expected)
                XCTAssertEqual(health.version, AppConfig.version)
            }
        }
    }

    func testLivenessAnswersWithoutTheDatabaseAndReadinessNeedsIt() async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        var config = AppConfig.forTesting()
        config.database = .postgres(url: "postgres://nobody:nothing@127.0.0.1:1/none", schema: nil)
        do {
            try await configure(app, config)

            let live = try await app.sendRequest(.GET, "/livez")
            let ready = try await app.sendRequest(.GET, "/healthz")

            XCTAssertEqual(live.status, .ok)
            XCTAssertEqual(live.body.string, "ok")
            XCTAssertEqual(ready.status, .serviceUnavailable, "no database behind it")
        } catch {
            XCTFail("\(error)")
        }
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: config.dataDir)
    }

    func testUnknownPageIsAChinese404Page() async throws {
        try await withApp { app in
            let res = try await app.sendRequest(.GET, "/no-such-page")

            XCTAssertEqual(res.status, .notFound)
            XCTAssertTrue(res.body.string.contains("页面不存在"))
        }
    }
}
