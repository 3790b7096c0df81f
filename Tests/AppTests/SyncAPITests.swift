import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// /api/v1/notices, /complaints and /bulletins: scoped like the pages, in update order, incremental by
/// `updatedSince`; a complainant's identity only for the office.
final class SyncAPITests: XCTestCase {
    struct Page<T: Decodable>: Decodable {
        let items: [T]
        let total: Int
    }

    struct Notice: Decodable {
        let id: Int
        let state: String
        let problemIds: [Int]
        let updatedAt: Date?
    }

    struct Complaint: Decodable {
        struct Person: Decodable { let name: String }
        let id: Int
        let content: String
        let complainant: Person?
    }

    struct Bulletin: Decodable {
        let id: Int
        let state: String
        let sections: [Section]
        struct Section: Decodable { let heading: String }
    }

    static func list<T: Decodable>(
        _ app: Application, _ path: String, as user: String, _: T.Type
    ) async throws -> Page<T> {
        let res = try await apiGet(app, path, token: try await apiToken(app, user))
        guard res.status == .ok else {
            throw TestSetupError("\(path) as \(user): \(res.status.code) \(res.body.string)")
        }
        return try res.content.decode(Page<T>.self)
    }

    func testANoticeReachesItsInspectorAndSchoolWithItsProblemsAndNoOneInAnotherDistrict() async throws {
        try await withApp(history: false) { app in
            let (_, notice, problem) = try await RectificationLoopTests.issuedNotice(app)
            _ = try await Factory.secondDistrict(on: app.db)

            let inspector = try await Self.list(app, "/api/v1/notices", as: "inspector", Notice.self)
            let school = try await Self.list(app, "/api/v1/notices", as: "school", Notice.self)
            let office = try await Self.list(app, "/api/v1/notices?state=issued", as: "office", Notice.self)
            let otherOffice = try await Self.list(app, "/api/v1/notices", as: "office2", Notice.self)
            let otherSchool = try await Self.list(app, "/api/v1/notices", as: "school2", Notice.self)
            let closed = try await Self.list(app, "/api/v1/notices?state=closed", as: "office", Notice.self)

            XCTAssertEqual(inspector.items.map(\.id), [notice])
            XCTAssertEqual(inspector.items.first?.problemIds, [problem])
            XCTAssertEqual(inspector.items.first?.state, "issued")
            XCTAssertNotNil(inspector.items.first?.updatedAt)
            XCTAssertEqual(school.items.map(\.id), [notice])
            XCTAssertEqual(office.items.map(\.id), [notice])
            XCTAssertEqual(otherOffice.total, 0)
            XCTAssertEqual(otherSchool.total, 0)
            XCTAssertEqual(closed.total, 0)
        }
    }

    func testUpdatedSinceGivesWhatChangedAtOrAfterTheMoment() async throws {
        try await withApp(history: false) { app in
            let (_, notice, _) = try await RectificationLoopTests.issuedNotice(app)
            let stored = try await app.notice(notice)
            let updated = try XCTUnwrap(stored.updatedAt)
            let format = ISO8601DateFormatter()
            format.formatOptions.insert(.withFractionalSeconds)
            let token = try await apiToken(app, "office")
            func since(_ date: Date) async throws -> Page<Notice> {
                let text = format.string(from: date).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let res = try await apiGet(app, "/api/v1/notices?updatedSince=\(text)", token: token)
                XCTAssertEqual(res.status, .ok, res.body.string)
                return try res.content.decode(Page<Notice>.self)
            }

            let before = try await since(updated.addingTimeInterval(-60))
            let after = try await since(updated.addingTimeInterval(60))
            let bad = try await apiGet(app, "/api/v1/notices?updatedSince=yesterday", token: token)
            let noZone = try await apiGet(app, "/api/v1/notices?updatedSince=2026-11-30T10:00:00", token: token)
            let farFuture = try await apiGet(app, "/api/v1/notices?updatedSince=9999-01-01T00:00:00Z", token: token)
            let noSuchDay = try await apiGet(app, "/api/v1/notices?updatedSince=2026-11-31T10:00:00Z", token: token)

            XCTAssertEqual(before.items.map(\.id), [notice])
            XCTAssertEqual(after.total, 0)
            for res in [bad, noZone, farFuture, noSuchDay] {
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertEqual(try res.content.decode(APIErrorReply.self).error.code, "bad_request")
                XCTAssertTrue(try res.content.decode(APIErrorReply.self).error.message.contains("updatedSince"))
            }
        }
    }

    func testTheComplainantIsNamedToTheOfficeOnlyAndNeverForAnAnonymousComplaint() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            _ = try await submitPublicComplaint(app, PublicComplaint(district: district.id!))
            _ = try await submitPublicComplaint(
                app, PublicComplaint(district: district.id!, content: "匿名反映食堂卫生问题，后厨地面积水。", anonymous: true))
            _ = try await Factory.secondDistrict(on: app.db)

            let office = try await Self.list(app, "/api/v1/complaints", as: "office", Complaint.self)
            let otherOffice = try await Self.list(app, "/api/v1/complaints", as: "office2", Complaint.self)
            let leader = try await apiGet(app, "/api/v1/complaints", token: try await apiToken(app, "school"))

            XCTAssertEqual(office.total, 2)
            XCTAssertEqual(office.items.compactMap(\.complainant?.name), ["赵晓梅"], "the anonymous one has none")
            XCTAssertEqual(otherOffice.total, 0)
            XCTAssertEqual(leader.status, .ok)
            let asSchool = try leader.content.decode(Page<Complaint>.self)
            XCTAssertTrue(asSchool.items.allSatisfy { $0.complainant == nil }, "a school never learns who complained")
            let raw = try await apiGet(app, "/api/v1/complaints", token: try await apiToken(app, "office2"))
            XCTAssertFalse(raw.body.string.contains("赵晓梅"))
        }
    }

    func testTheOfficeSeesItsDraftBulletinsAndASchoolOnlyPublishedOnes() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let month = YearMonth(TestClock.today).previous
            let draft = try await BulletinsController.draft(
                district: district, month: month, today: TestClock.today, by: "测试", on: app.db)
            _ = try await Factory.secondDistrict(on: app.db)

            let office = try await Self.list(app, "/api/v1/bulletins", as: "office", Bulletin.self)
            let school = try await Self.list(app, "/api/v1/bulletins", as: "school", Bulletin.self)
            let otherOffice = try await Self.list(app, "/api/v1/bulletins", as: "office2", Bulletin.self)
            draft.state = .published
            draft.publishedOn = TestClock.today.description
            try await draft.save(on: app.db)
            let published = try await Self.list(app, "/api/v1/bulletins", as: "school", Bulletin.self)

            XCTAssertEqual(office.items.map(\.id), [draft.id!])
            XCTAssertEqual(office.items.first?.state, "draft")
            XCTAssertFalse(office.items.first?.sections.isEmpty ?? true)
            XCTAssertEqual(school.total, 0, "a draft is the office's")
            XCTAssertEqual(otherOffice.total, 0)
            XCTAssertEqual(published.items.map(\.id), [draft.id!])
        }
    }
}
