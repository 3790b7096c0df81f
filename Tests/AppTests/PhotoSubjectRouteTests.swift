import DudaoCore
import Fluent
import XCTest

@testable import App

/// A photo is attached to what it shows: shown under the problem on the visit page, on the problem's page and on
/// the printed record; a problem of another visit is refused.
final class PhotoSubjectRouteTests: XCTestCase {
    func testAPhotoOfAProblemIsShownWithTheProblemOnItsPageAndOnThePrintout() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let visit = try await inspector.createVisit(school: 1)
            try await inspector.post(
                "/visits/\(visit)/problems",
                form: [
                    ("category", "安全"), ("severity", "serious"), ("disposition", "rectify"), ("description", "消防通道堵塞"),
                ])
            let problem = try await Problem.query(on: app.db).filter(\.$visitID == visit).first()!.id!

            let res = try await inspector.uploadPhoto(
                "/visits/\(visit)/photos", data: tinyPNG, caption: "二层消防通道", about: "problem:\(problem)")

            XCTAssertEqual(res.status, .seeOther)
            let photo = try await VisitPhoto.query(on: app.db).filter(\.$visitID == visit).first()
            XCTAssertEqual(photo?.problemID, problem)
            let page = try await inspector.get("/visits/\(visit)").body.string
            XCTAssertTrue(page.contains("二层消防通道 · 问题：安全"))
            let problemPage = try await inspector.get("/problems/\(problem)").body.string
            XCTAssertTrue(problemPage.contains("/visits/\(visit)/photos/\(photo!.id!)"))
            let printout = try await inspector.get("/visits/\(visit)/print").body.string
            XCTAssertTrue(printout.contains("二层消防通道，问题：安全"))
            XCTAssertTrue(printout.contains("校验码 \(photo!.hash.prefix(12))"))
        }
    }

    func testAProblemOfAnotherVisitIsRefusedAndNothingIsStored() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let (_, other) = try await inspector.recordVisitWithProblem(school: 1)
            let visit = try await inspector.createVisit(school: 1)
            _ = try await inspector.get("/visits/\(visit)")

            let res = try await inspector.uploadPhoto(
                "/visits/\(visit)/photos", data: tinyPNG, caption: "x", about: "problem:\(other)")

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请重新选择照片拍的是什么"))
            let stored = try await VisitPhoto.query(on: app.db).filter(\.$visitID == visit).count()
            XCTAssertEqual(stored, 0)
        }
    }
}
