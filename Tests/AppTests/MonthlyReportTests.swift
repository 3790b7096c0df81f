import DudaoCore
import Fluent
import Foundation
import XCTVapor

@testable import App

/// 督导月报: drafted from the inspector's records, submitted, received or returned; another inspector sees
/// nothing of it; lateness shows in the 六个一 drill-down.
final class MonthlyReportTests: XCTestCase {
    let october = YearMonth(year: 2026, month: 10)

    func testTheInspectorSubmitsAndTheFiguresEqualTheirRecords() async throws {
        try await withApp { app in
            try await MonthlyReport.query(on: app.db).delete()
            let inspector = try await login(app, "inspector")
            let me = try await User.query(on: app.db).filter(\.$username == "inspector").first()!.inspectorID!
            try await inspector.get("/inspectors/\(me)/monthly/2026-10")

            let sent = try await inspector.post(
                "/inspectors/\(me)/monthly/2026-10", form: [("remarks", "食堂整改仍需跟进"), ("action", "submit")])
            let again = try await inspector.post(
                "/inspectors/\(me)/monthly/2026-10", form: [("remarks", "改"), ("action", "save")])

            XCTAssertEqual(sent.status, .seeOther)
            XCTAssertEqual(again.status, .unprocessableEntity)
            let report = try await MonthlyReport.find(inspector: me, month: october, on: app.db)
            XCTAssertEqual(report?.state, .submitted)
            XCTAssertEqual(report?.remarks, "食堂整改仍需跟进")
            XCTAssertEqual(report?.submittedOn, TestClock.today.description)
            let visits = try await Visit.query(on: app.db).filter(\.$inspectorID == me).filter(\.$status == .submitted)
                .filter(\.$visitDate >= "2026-10-01").filter(\.$visitDate <= "2026-10-31").all()
            let figures = try XCTUnwrap(report?.figures)
            XCTAssertEqual(figures.visits, visits.count)
            XCTAssertEqual(figures.schools, Set(visits.map(\.schoolID)).count)
            let observations = try await ClassObservation.query(on: app.db).filter(
                \.$visitID ~~ visits.compactMap(\.id)
            )
            .count()
            XCTAssertEqual(figures.observations, observations)
            let problems = try await Problem.query(on: app.db).filter(\.$visitID ~~ visits.compactMap(\.id)).count()
            XCTAssertEqual(figures.problemsFound, problems)
        }
    }

    func testTheOfficeReturnsWithACommentAndTheInspectorSubmitsAgain() async throws {
        try await withApp { app in
            try await MonthlyReport.query(on: app.db).delete()
            let inspector = try await login(app, "inspector")
            let office = try await login(app, "office")
            let me = try await User.query(on: app.db).filter(\.$username == "inspector").first()!.inspectorID!
            let path = "/inspectors/\(me)/monthly/2026-10"
            try await inspector.get(path)
            try await inspector.post(path, form: [("remarks", ""), ("action", "submit")])
            try await office.get(path)

            let bare = try await office.post(path + "/review", form: [("action", "return"), ("comment", " ")])
            let returned = try await office.post(
                path + "/review", form: [("action", "return"), ("comment", "请补充复查情况")])
            let resent = try await inspector.post(path, form: [("remarks", "已补充"), ("action", "submit")])
            let received = try await office.post(path + "/review", form: [("action", "receive"), ("comment", "")])

            XCTAssertEqual(bare.status, .unprocessableEntity)
            XCTAssertTrue(bare.body.string.contains("退回时请写明"))
            XCTAssertEqual(returned.status, .seeOther)
            XCTAssertEqual(resent.status, .seeOther)
            XCTAssertEqual(received.status, .seeOther)
            let report = try await MonthlyReport.find(inspector: me, month: october, on: app.db)
            XCTAssertEqual(report?.state, .received)
            XCTAssertEqual(report?.remarks, "已补充")
        }
    }

    func testAnotherInspectorNeitherReadsNorWritesIt() async throws {
        try await withApp { app in
            let me = try await User.query(on: app.db).filter(\.$username == "inspector").first()!.inspectorID!
            let other = try await Inspector.query(on: app.db).filter(\.$id != me).first()!
            let inspector = try await login(app, "inspector")
            try await inspector.get("/")

            let read = try await inspector.get("/inspectors/\(other.id!)/monthly/2026-10")
            let write = try await inspector.post(
                "/inspectors/\(other.id!)/monthly/2026-10", form: [("remarks", "x"), ("action", "submit")])
            let future = try await inspector.get("/inspectors/\(me)/monthly/2027-01")
            let nonsense = try await inspector.get("/inspectors/\(me)/monthly/99999999999")

            XCTAssertEqual(read.status, .notFound)
            XCTAssertEqual(write.status, .notFound)
            XCTAssertEqual(future.status, .notFound)
            XCTAssertEqual(nonsense.status, .notFound)
        }
    }

    func testLatenessShowsInTheListAndTheDrillDown() async throws {
        try await withApp { app in
            // The demo: 周明 has not reported October (due 4 November); today is 30 November.
            let office = try await login(app, "office")
            let zhou = try await Inspector.query(on: app.db).filter(\.$name == "周明").first()!

            let list = try await office.get("/monthly-reports?month=2026-10")
            let drill = try await office.get("/compliance/inspectors/\(zhou.id!)")

            XCTAssertTrue(list.body.string.contains("逾期 26 天"))
            XCTAssertTrue(drill.body.string.contains("督导月报报送"))
            XCTAssertTrue(drill.body.string.contains("逾期 26 天"))
        }
    }
}
