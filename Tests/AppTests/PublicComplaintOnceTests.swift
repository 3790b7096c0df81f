import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// A refresh or a double tap never files a complaint twice (issue 10, item 5): post/redirect/get, and a one-time
/// token on the form that a complaint keeps (unique).
final class PublicComplaintOnceTests: XCTestCase {
    func formToken(_ visitor: TestSession) async throws -> String {
        let form = try await visitor.get("/public/complaints/new")
        return try XCTUnwrap(HTML.first(#"name="submission" value="([^"]*)""#, in: form.body.string))
    }

    func testAFiledComplaintRedirectsToItsReceiptAndReloadingTheReceiptFilesNothing() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let visitor = TestSession(app: app)
            let token = try await formToken(visitor)
            let before = try await Complaint.query(on: app.db).count()

            let posted = try await visitor.postMultipart(
                "/public/complaints/new",
                fields: PublicComplaint(district: district.id!).fields + [("submission", token)],
                files: [])
            let location = try XCTUnwrap(posted.headers.first(name: .location))
            let receipt = try await visitor.get(location)
            let reloaded = try await visitor.get(location)

            XCTAssertEqual(posted.status, .seeOther)
            XCTAssertTrue(location.hasPrefix("/public/complaints/received?code="))
            XCTAssertEqual(receipt.status, .ok)
            XCTAssertEqual(trackingCode(in: receipt.body.string), trackingCode(in: reloaded.body.string))
            let after = try await Complaint.query(on: app.db).count()
            XCTAssertEqual(after, before + 1)
        }
    }

    func testTheSameFormSentTwiceOrTwiceAtOnceFilesOneComplaint() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let visitor = TestSession(app: app)
            let token = try await formToken(visitor)
            let fields = PublicComplaint(district: district.id!).fields + [("submission", token)]
            let before = try await Complaint.query(on: app.db).count()

            let first = try await visitor.postMultipart("/public/complaints/new", fields: fields, files: [])
            let again = try await visitor.postMultipart("/public/complaints/new", fields: fields, files: [])
            let other = try await formToken(visitor)
            let otherFields = PublicComplaint(district: district.id!).fields + [("submission", other)]
            async let a = visitor.postMultipart("/public/complaints/new", fields: otherFields, files: [])
            async let b = visitor.postMultipart("/public/complaints/new", fields: otherFields, files: [])
            let (x, y) = try await (a, b)

            XCTAssertEqual(first.status, .seeOther)
            XCTAssertEqual(again.status, .seeOther)
            XCTAssertEqual(first.headers.first(name: .location), again.headers.first(name: .location))
            XCTAssertEqual([x.status, y.status], [.seeOther, .seeOther])
            XCTAssertEqual(x.headers.first(name: .location), y.headers.first(name: .location))
            let after = try await Complaint.query(on: app.db).count()
            XCTAssertEqual(after, before + 2, "one per form")
        }
    }

    func testAnUnknownCodeHasNoReceipt() async throws {
        try await withApp(history: false) { app in
            let res = try await TestSession(app: app).get("/public/complaints/received?code=NOPE-0000")
            XCTAssertEqual(res.status, .notFound)
        }
    }
}
