import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// /api/v1: bearer tokens, the same scopes as the pages, JSON errors.
final class APITests: XCTestCase {
    func testGoodCredentialsGetAToken() async throws {
        try await withApp { app in
            var headers = HTTPHeaders()
            headers.contentType = .json

            try await app.test(
                .POST, "/api/v1/auth/token", headers: headers,
                body: try jsonBody(["username": "office", "password": DemoSeed.password])
            ) { res async throws in
                XCTAssertEqual(res.status, .ok)
                let reply = try res.content.decode(APITokenReply.self)
                XCTAssertGreaterThanOrEqual(reply.token.count, 32)
                XCTAssertEqual(reply.role, "office")
                let stored = try await ApiToken.query(on: app.db).all()
                XCTAssertEqual(stored.count, 1)
                XCTAssertNotEqual(stored.first?.tokenHash, reply.token, "only the hash is stored")
                XCTAssertEqual(stored.first?.tokenHash, Sessions.hash(reply.token))
            }
        }
    }

    func testBadCredentialsGetAJSON401() async throws {
        try await withApp { app in
            var headers = HTTPHeaders()
            headers.contentType = .json

            try await app.test(
                .POST, "/api/v1/auth/token", headers: headers,
                body: try jsonBody(["username": "office", "password": "not-the-password"])
            ) { res async throws in
                XCTAssertEqual(res.status, .unauthorized)
                XCTAssertEqual(res.headers.contentType, .json)
                let reply = try res.content.decode(APIErrorReply.self)
                XCTAssertEqual(reply.error.code, "invalid_credentials")
                XCTAssertFalse(reply.error.message.isEmpty)
            }
        }
    }

    func testMalformedTokenRequestIsAJSON400() async throws {
        try await withApp { app in
            var headers = HTTPHeaders()
            headers.contentType = .json

            let res = try await app.sendRequest(
                .POST, "/api/v1/auth/token", headers: headers, body: ByteBuffer(string: "{"))

            XCTAssertEqual(res.status, .badRequest)
            XCTAssertEqual(try res.content.decode(APIErrorReply.self).error.code, "bad_request")
        }
    }

    func testInspectorTokenListsTheirFourSchools() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")
            let wang = try await app.inspector(named: "王建华")

            let res = try await apiGet(app, "/api/v1/schools", token: token)

            XCTAssertEqual(res.status, .ok)
            let page = try res.content.decode(APIPage<APISchool>.self)
            XCTAssertEqual(page.total, 4)
            XCTAssertEqual(page.items.map(\.id), [1, 2, 3, 4])
            XCTAssertTrue(page.items.allSatisfy { $0.inspectorId == wang.id })
        }
    }

    func testAListedSchoolReadsAsTheSchoolItself() async throws {
        try await withApp { app in
            // The list reads a few columns, the single school the model: both must send the same school.
            let token = try await apiToken(app, "office")
            try await School.query(on: app.db).filter(\.$id == 1)
                .set(\.$sectionStudents, to: School.encodeSections([.primary: 600, .junior: 420])).update()

            let list = try await apiGet(app, "/api/v1/schools?per=5", token: token)
            let listed = try XCTUnwrap(
                (try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView)) as? [String: Any])?[
                    "items"] as? [[String: Any]])
            for item in listed {
                let id = try XCTUnwrap(item["id"] as? Int)
                let one = try await apiGet(app, "/api/v1/schools/\(id)", token: token)
                let school = try XCTUnwrap(
                    try JSONSerialization.jsonObject(with: Data(one.body.readableBytesView)) as? [String: Any])

                XCTAssertEqual(NSDictionary(dictionary: item), NSDictionary(dictionary: school), "school \(id)")
            }
            XCTAssertEqual(listed.count, 5)
            XCTAssertEqual(
                listed.first { $0["id"] as? Int == 1 }?["sections"] as? [String: Int], ["primary": 600, "junior": 420])
        }
    }

    func testSchoolTokenListsOnlyItsSchool() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "school")

            let res = try await apiGet(app, "/api/v1/schools", token: token)

            XCTAssertEqual(res.status, .ok)
            let page = try res.content.decode(APIPage<APISchool>.self)
            XCTAssertEqual(page.total, 1)
            XCTAssertEqual(page.items.map(\.id), [1])
        }
    }

    func testPageAndPerAreHonoured() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "office")

            let first = try await apiGet(app, "/api/v1/schools?per=10", token: token)
            let last = try await apiGet(app, "/api/v1/schools?per=10&page=4", token: token)

            let p1 = try first.content.decode(APIPage<APISchool>.self)
            XCTAssertEqual(p1.total, 39)
            XCTAssertEqual(p1.per, 10)
            XCTAssertEqual(p1.page, 1)
            XCTAssertEqual(p1.items.count, 10)
            XCTAssertEqual(p1.items.map(\.id), Array(1...10))
            let p4 = try last.content.decode(APIPage<APISchool>.self)
            XCTAssertEqual(p4.page, 4)
            XCTAssertEqual(p4.items.count, 9)
            XCTAssertEqual(p4.items.map(\.id), Array(31...39))
        }
    }

    func testNonNumericPagingIsAJSON400() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "office")

            let res = try await apiGet(app, "/api/v1/schools?per=lots", token: token)

            XCTAssertEqual(res.status, .badRequest)
            XCTAssertEqual(try res.content.decode(APIErrorReply.self).error.code, "bad_request")
        }
    }

    func testABadTokenIsAJSON401() async throws {
        try await withApp { app in
            let res = try await apiGet(app, "/api/v1/schools", token: "not-a-real-token")

            XCTAssertEqual(res.status, .unauthorized)
            XCTAssertEqual(res.headers.contentType, .json)
            let reply = try res.content.decode(APIErrorReply.self)
            XCTAssertEqual(reply.error.code, "unauthorized")
        }
    }

    func testAMissingTokenIsAJSON401() async throws {
        try await withApp { app in
            let res = try await apiGet(app, "/api/v1/schools", token: nil)

            XCTAssertEqual(res.status, .unauthorized)
            XCTAssertEqual(try res.content.decode(APIErrorReply.self).error.code, "unauthorized")
        }
    }

    func testAnExpiredTokenIsRefused() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "office")
            for t in try await ApiToken.query(on: app.db).all() {
                t.expiresAt = TestClock.now.addingTimeInterval(-60)
                try await t.save(on: app.db)
            }

            let res = try await apiGet(app, "/api/v1/schools", token: token)

            XCTAssertEqual(res.status, .unauthorized)
        }
    }

    func testADeactivatedAccountsTokenIsRefused() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "school")
            let before = try await apiGet(app, "/api/v1/schools", token: token)
            let user = try await User.query(on: app.db).filter(\.$username == "school").first()!
            user.active = false
            try await user.save(on: app.db)

            let after = try await apiGet(app, "/api/v1/schools", token: token)

            XCTAssertEqual(before.status, .ok)
            XCTAssertEqual(after.status, .unauthorized)
        }
    }

    func testATokensUseIsRecordedAtMostHourly() async throws {
        try await withApp { app in
            let clock = ManualClock(TestClock.now)
            app.clock = clock.clock
            let token = try await apiToken(app, "office")
            func lastUsed() async throws -> Date? { try await ApiToken.query(on: app.db).first()?.lastUsedAt }

            _ = try await apiGet(app, "/api/v1/schools", token: token)
            let first = try await lastUsed()
            clock.advance(by: 59 * 60)
            _ = try await apiGet(app, "/api/v1/schools", token: token)
            let withinTheHour = try await lastUsed()
            clock.advance(by: 60)
            _ = try await apiGet(app, "/api/v1/schools", token: token)
            let anHourOn = try await lastUsed()

            XCTAssertEqual(first.map { Int($0.timeIntervalSince1970) }, Int(TestClock.now.timeIntervalSince1970))
            XCTAssertEqual(withinTheHour, first)
            XCTAssertEqual(
                anHourOn.map { Int($0.timeIntervalSince1970) }, Int(TestClock.now.timeIntervalSince1970) + 3600)
        }
    }

    func testInspectorGetsAJSON404ForASchoolThatIsNotTheirs() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")

            let other = try await apiGet(app, "/api/v1/schools/10", token: token)
            let own = try await apiGet(app, "/api/v1/schools/3", token: token)

            XCTAssertEqual(other.status, .notFound)
            XCTAssertEqual(try other.content.decode(APIErrorReply.self).error.code, "not_found")
            XCTAssertEqual(own.status, .ok)
            XCTAssertEqual(try own.content.decode(APISchool.self).id, 3)
        }
    }

    func testOfficeOfAnotherDistrictSeesOnlyItsOwnSchoolsThroughTheAPI() async throws {
        try await withApp { app in
            let other = try await Factory.secondDistrict(on: app.db)
            let token = try await apiToken(app, "office2")

            let list = try await apiGet(app, "/api/v1/schools", token: token)
            let school1 = try await apiGet(app, "/api/v1/schools/1", token: token)

            let page = try list.content.decode(APIPage<APISchool>.self)
            XCTAssertEqual(page.total, 1)
            XCTAssertEqual(page.items.first?.code, other.school.code)
            XCTAssertEqual(school1.status, .notFound)
        }
    }

    func testInspectorAssignmentsAreTheirOwn() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "inspector")
            let wang = try await app.inspector(named: "王建华")

            let res = try await apiGet(app, "/api/v1/assignments?current=true", token: token)

            struct Item: Decodable {
                let inspectorId: Int
                let schoolId: Int
                let endDate: String?
            }
            let page = try res.content.decode(APIPage<Item>.self)
            XCTAssertEqual(page.total, 4)
            XCTAssertTrue(page.items.allSatisfy { $0.inspectorId == wang.id && $0.endDate == nil })
            XCTAssertEqual(Set(page.items.map(\.schoolId)), [1, 2, 3, 4])
        }
    }

    func testOfficeAssignmentsCoverTheDistrictIncludingEndedOnes() async throws {
        try await withApp { app in
            let token = try await apiToken(app, "office")

            let current = try await apiGet(app, "/api/v1/assignments?current=true&per=200", token: token)
            let all = try await apiGet(app, "/api/v1/assignments?per=200", token: token)

            struct Item: Decodable {
                let id: Int
                let endDate: String?
            }
            XCTAssertEqual(current.status, .ok)
            let open = try current.content.decode(APIPage<Item>.self)
            XCTAssertEqual(open.total, 37, "39 schools, the last two uncovered")
            XCTAssertEqual(open.items.count, 37)
            XCTAssertTrue(open.items.allSatisfy { $0.endDate == nil })
            let everything = try all.content.decode(APIPage<Item>.self)
            XCTAssertEqual(everything.total, 38, "plus the ended 2023 assignment of school 1")
            XCTAssertEqual(everything.items.map(\.id), everything.items.map(\.id).sorted())
        }
    }

    func testAPIDoesNotAcceptTheSessionCookie() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.get("/api/v1/schools")

            XCTAssertEqual(res.status, .unauthorized)
        }
    }
}
