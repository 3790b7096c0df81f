import DudaoCore
import Fluent
import SQLKit
import XCTVapor

@testable import App

/// `dudao seed --scale N --with-visits` on an empty database: a year of every kind of record, the pages over it.
final class ScaleSeedTests: XCTestCase {
    func testAScaleSeedHoldsEveryKindOfRecordInEveryState() async throws {
        try await withEmptyApp { app in
            app.clock = TestClock.clock
            let (db, today, now) = (app.db, TestClock.today, TestClock.now)
            try await ScaleSeed.run(db, schools: 400, cost: 4, now: now)
            let visits = try await ScaleSeed.visits(db, schools: 400, today: today, now: now)
            try await ScaleRecords(
                db: db, sql: try db.sql(), schools: 400, today: today, now: now, store: app.attachments,
                report: { _ in }
            ).run()

            let noticeStates = Set(try await RectificationNotice.query(on: db).all(\.$state))
            let unnoticed = try await Problem.query(on: db).filter(\.$disposition == .rectify)
                .filter(\.$noticeID == nil).count()
            let complaintStates = Set(try await Complaint.query(on: db).all(\.$state))
            let districts = try await OrgUnit.query(on: db).filter(\.$level == .district).count()
            let bulletins = try await Bulletin.query(on: db).count()
            let decisions = try await AccountabilityDecision.query(on: db).count()
            let reports = try await MonthlyReport.query(on: db).count()
            let returns = try await BalanceReturn.query(on: db).count()
            let photos = try await VisitPhoto.query(on: db).count()
            let first = try await Campaign.query(on: db).first()
            let campaign = try XCTUnwrap(first)
            let unfinished = try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!)
                .group(.or) { $0.filter(\.$phase != nil).filter(\.$total == nil) }.count()
            let answers = try await QuestionnaireAnswer.query(on: db).count()
            let county = try await login(app, "county")
            let results = try await county.get("/campaigns/\(campaign.id!)/results")
            let register = try await county.get("/problems")

            XCTAssertGreaterThan(visits, 3000)
            XCTAssertEqual(
                noticeStates, Set(NoticeState.allCases).subtracting([.withdrawn]), "every state a notice lives in")
            XCTAssertEqual(unnoticed, 0, "each problem to rectify is on its visit's notice")
            XCTAssertEqual(complaintStates, Set(ComplaintState.allCases))
            XCTAssertEqual(bulletins, districts)
            XCTAssertGreaterThan(decisions, 0)
            XCTAssertGreaterThan(reports, 80 * 8, "about nine months of 80 inspectors")
            XCTAssertGreaterThan(returns, 400)
            XCTAssertEqual(photos, visits / 10)
            XCTAssertTrue(campaign.isPublished)
            XCTAssertEqual(unfinished, 0, "the campaign is finished and every target scored")
            XCTAssertGreaterThan(answers, 0)
            XCTAssertEqual(results.status, .ok)
            XCTAssertEqual(register.status, .ok)
        }
    }
}
