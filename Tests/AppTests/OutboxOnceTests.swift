import DudaoCore
import Fluent
import XCTest

@testable import App

/// A phone's outbox may send a visit item again when the first answer was lost: with the same one-time key
/// (`X-Once`) the server keeps one copy.
final class OutboxOnceTests: XCTestCase {
    func testTheSameKeySentTwiceAddsOneObservationAndBothAnswersLeadToTheVisit() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            let key = [("X-Once", "3f2a1c9e-5b7d-4e21-9a0b-1c2d3e4f5a6b")]

            let first = try await inspector.post(
                "/visits/\(id)/observations", form: VisitFormTests.lesson(), headers: key)
            let again = try await inspector.post(
                "/visits/\(id)/observations", form: VisitFormTests.lesson(), headers: key)
            let other = try await inspector.post(
                "/visits/\(id)/observations", form: VisitFormTests.lesson(),
                headers: [("X-Once", "0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b")])

            XCTAssertEqual(first.status, .seeOther)
            XCTAssertEqual(again.status, .seeOther)
            XCTAssertEqual(again.headers.first(name: .location), first.headers.first(name: .location))
            XCTAssertEqual(other.status, .seeOther)
            let saved = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(saved, 2, "the resend added nothing; a new key added one")
        }
    }

    func testARefusedFormMaySendItsKeyAgainOnceCorrected() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            let key = [("X-Once", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")]
            var missingTopic = VisitFormTests.lesson()
            missingTopic.removeAll { $0.0 == "topic" }

            let refused = try await inspector.post("/visits/\(id)/observations", form: missingTopic, headers: key)
            let corrected = try await inspector.post(
                "/visits/\(id)/observations", form: VisitFormTests.lesson(), headers: key)

            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertEqual(corrected.status, .seeOther)
            let saved = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(saved, 1)
        }
    }
}
