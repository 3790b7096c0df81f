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

    func testARefusedComplaintKeepsWhatWasTypedAndSaysThePhotoMustBeChosenAgain() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let visitor = TestSession(app: app)
            let token = try await formToken(visitor)
            var complaint = PublicComplaint(district: district.id!, content: "")
            complaint.name = "赵晓梅"

            let refused = try await visitor.postMultipart(
                "/public/complaints/new", fields: complaint.fields + [("submission", token)],
                files: [.png("校门口.png")])

            let html = refused.body.string
            XCTAssertNotEqual(refused.status, .seeOther)
            XCTAssertTrue(html.contains("您选择的1个附件还没有保存"))
            XCTAssertTrue(html.contains(#"value="赵晓梅""#))
            let filed = try await Complaint.query(on: app.db).filter(\.$submissionToken == token).count()
            XCTAssertEqual(filed, 0)
        }
    }

    func testTheReceiptAndTheTrackingPageShowTheCodeTheLimitsAndTheStepsWithTheirDays() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            _ = try await app.changeDistrictSettings {
                $0.complaintLimits =
                    (try? JSONColumn.encode(ComplaintTimeLimits(accept: 2, verify: 5, handle: 5, reply: 4))) ?? ""
            }
            let visitor = TestSession(app: app)
            let token = try await formToken(visitor)
            let posted = try await visitor.postMultipart(
                "/public/complaints/new",
                fields: PublicComplaint(district: district.id!).fields + [("submission", token)],
                files: [])
            let receipt = try await visitor.get(try XCTUnwrap(posted.headers.first(name: .location)))
            let code = try XCTUnwrap(trackingCode(in: receipt.body.string))
            let fresh = try await visitor.get("/public/complaints/track?code=\(code)")
            let office = try await login(app, "office")
            let id = try await Complaint.query(on: app.db).filter(\.$trackingCode == code).first()!.id!
            try await office.act(onComplaint: id, .accept)

            let accepted = try await visitor.get("/public/complaints/track?code=\(code)")

            XCTAssertTrue(receipt.body.string.contains("复制查询码"))
            XCTAssertTrue(receipt.body.string.contains("我们将在2个工作日内受理"))
            XCTAssertTrue(receipt.body.string.contains("4个工作日内答复"))
            XCTAssertFalse(fresh.body.string.contains("受理日期"))
            XCTAssertTrue(
                fresh.body.string.contains(
                    #"<li class="step current" aria-current="step"><span class="step-label">受理</span>"#))
            // The day the event was written (its timestamp), as the page shows it.
            let event = try await CaseEvent.query(on: app.db).filter(\.$target == "complaint").filter(\.$targetID == id)
                .filter(\.$action == "accept").first()
            let day = Day.today(now: try XCTUnwrap(event?.createdAt))
            let today = "\(day.month)月\(day.day)日"
            XCTAssertTrue(
                accepted.body.string.contains(
                    #"<li class="step done"><span class="step-label">受理</span><span class="step-note">\#(today)</span>"#
                ),
                accepted.body.string)
            XCTAssertTrue(
                accepted.body.string.contains(
                    #"<li class="step current" aria-current="step"><span class="step-label">核实</span>"#))
        }
    }
}
