import Fluent
import XCTVapor

@testable import App
@testable import DudaoCore

/// /api/v1/problems, /monthly-reports, /campaigns, /campaigns/{id}/results and /balance: scoped like the pages,
/// in update order, incremental by `updatedSince`; another district sees nothing of them.
final class SyncAPIRecordsTests: XCTestCase {
    typealias Page = SyncAPITests.Page

    struct Problem: Decodable {
        let id: Int
        let schoolId: Int
        let state: String
        let severity: String
        let visitId: Int?
        let updatedAt: Date?
    }

    struct Report: Decodable {
        struct Figures: Decodable { let visits: Int }
        let id: Int
        let month: String
        let state: String
        let figures: Figures?
    }

    struct Campaign: Decodable {
        let id: Int
        let kind: String
        let title: String
        let phases: [String]
    }

    struct Result: Decodable {
        let id: Int
        let total: Double?
        let grade: String?
        let phaseLabel: String
        let updatedAt: Date
    }

    static func since(_ date: Date) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions.insert(.withFractionalSeconds)
        return format.string(from: date).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    func testAProblemReachesItsInspectorAndSchoolAndChangesAreSyncedFromAMoment() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let found = try await inspector.recordVisitWithProblem(school: 1, severity: .urgent)
            _ = try await inspector.createVisit(school: 1)  // a draft: its problems are no one's yet
            _ = try await Factory.secondDistrict(on: app.db)
            let stored = try await app.problem(found.problem)
            let mark = try XCTUnwrap(stored.updatedAt)

            let asInspector = try await SyncAPITests.list(app, "/api/v1/problems", as: "inspector", Problem.self)
            let asSchool = try await SyncAPITests.list(app, "/api/v1/problems?state=open", as: "school", Problem.self)
            let asOffice = try await SyncAPITests.list(
                app, "/api/v1/problems?severity=urgent", as: "office", Problem.self)
            let minor = try await SyncAPITests.list(app, "/api/v1/problems?severity=minor", as: "office", Problem.self)
            let otherOffice = try await SyncAPITests.list(app, "/api/v1/problems", as: "office2", Problem.self)
            let otherSchool = try await SyncAPITests.list(app, "/api/v1/problems", as: "school2", Problem.self)
            let later = "/api/v1/problems?updatedSince=\(Self.since(mark.addingTimeInterval(1)))"
            let nothingNew = try await SyncAPITests.list(app, later, as: "office", Problem.self)
            let problem = try await app.problem(found.problem)
            problem.state = .closed
            try await problem.save(on: app.db)
            let closed = try await SyncAPITests.list(
                app, "/api/v1/problems?updatedSince=\(Self.since(mark))&state=closed", as: "office", Problem.self)
            let badState = try await apiGet(
                app, "/api/v1/problems?state=done", token: try await apiToken(app, "office"))

            XCTAssertEqual(asInspector.items.map(\.id), [found.problem])
            XCTAssertEqual(asInspector.items.first?.visitId, found.visit)
            XCTAssertEqual(asInspector.items.first?.severity, "urgent")
            XCTAssertNotNil(asInspector.items.first?.updatedAt)
            XCTAssertEqual(asSchool.items.map(\.id), [found.problem])
            XCTAssertEqual(asOffice.items.map(\.id), [found.problem])
            XCTAssertEqual(minor.total, 0)
            XCTAssertEqual(otherOffice.total, 0)
            XCTAssertEqual(otherSchool.total, 0)
            XCTAssertEqual(nothingNew.total, 0)
            XCTAssertEqual(closed.items.map(\.id), [found.problem], "closing it is a change since the moment")
            XCTAssertEqual(badState.status, .badRequest)
        }
    }

    func testAProblemOfADraftJoinsTheRegisterAndTheNextSyncWhenItsRecordIsSubmitted() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let office = try await login(app, "office")
            let draft = try await inspector.recordDraftWithProblem(school: 1, description: "草稿里记下的问题：围墙破损。")
            let recorded = try await app.problems(ofVisit: draft)
            let found = try XCTUnwrap(recorded.first)
            let registerBefore = try await office.get("/problems?state=all")
            let syncBefore = try await SyncAPITests.list(app, "/api/v1/problems", as: "office", Problem.self)

            try await inspector.post("/visits/\(draft)/submit")

            let submitted = try await app.visit(draft)
            let submittedAt = try XCTUnwrap(submitted.submittedAt)
            let registerAfter = try await office.get("/problems?state=all")
            let syncAfter = try await SyncAPITests.list(
                app, "/api/v1/problems?updatedSince=\(Self.since(submittedAt))", as: "office", Problem.self)
            let stored = try await app.problem(found)
            XCTAssertEqual(recorded.count, 1)
            XCTAssertFalse(registerBefore.body.string.contains("围墙破损"))
            XCTAssertFalse(syncBefore.items.map(\.id).contains(found))
            XCTAssertTrue(registerAfter.body.string.contains("围墙破损"))
            XCTAssertEqual(syncAfter.items.map(\.id), [found])
            XCTAssertFalse(stored.draft)
            XCTAssertEqual(stored.updatedAt, submittedAt)
        }
    }

    func testAMonthlyReportIsTheInspectorsUntilSubmittedAndNeverASchools() async throws {
        try await withApp { app in
            try await MonthlyReport.query(on: app.db).delete()
            let inspector = try await login(app, "inspector")
            let me = try await app.user("inspector").inspectorID!
            let path = "/inspectors/\(me)/monthly/2026-10"
            try await inspector.get(path)
            try await inspector.post(path, form: [("remarks", "草稿"), ("action", "save")])
            _ = try await Factory.secondDistrict(on: app.db)

            let ownDraft = try await SyncAPITests.list(app, "/api/v1/monthly-reports", as: "inspector", Report.self)
            let officeBefore = try await SyncAPITests.list(app, "/api/v1/monthly-reports", as: "office", Report.self)
            try await inspector.post(path, form: [("remarks", "本月完成督导"), ("action", "submit")])
            let officeAfter = try await SyncAPITests.list(
                app, "/api/v1/monthly-reports?month=2026-10&state=submitted", as: "office", Report.self)
            let otherMonth = try await SyncAPITests.list(
                app, "/api/v1/monthly-reports?month=2026-09", as: "office", Report.self)
            let otherOffice = try await SyncAPITests.list(app, "/api/v1/monthly-reports", as: "office2", Report.self)
            let school = try await apiGet(app, "/api/v1/monthly-reports", token: try await apiToken(app, "school"))
            let badMonth = try await apiGet(
                app, "/api/v1/monthly-reports?month=2026-13", token: try await apiToken(app, "office"))
            let visits = try await Visit.query(on: app.db).filter(\.$inspectorID == me)
                .filter(\.$status == .submitted).filter(\.$visitDate >= "2026-10-01")
                .filter(\.$visitDate <= "2026-10-31").count()

            XCTAssertEqual(ownDraft.items.map(\.state), ["draft"])
            XCTAssertNil(ownDraft.items.first?.figures, "a draft's figures are counted live, not kept")
            XCTAssertEqual(officeBefore.total, 0, "a draft is its author's")
            XCTAssertEqual(officeAfter.items.map(\.month), ["2026-10"])
            XCTAssertEqual(officeAfter.items.first?.figures?.visits, visits)
            XCTAssertEqual(otherMonth.total, 0)
            XCTAssertEqual(otherOffice.total, 0)
            XCTAssertEqual(school.status, .forbidden)
            XCTAssertEqual(badMonth.status, .badRequest)
        }
    }

    func testCampaignsAndResultsFollowTheTeamAndTheDistrict() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let campaign = try await scoredCampaign(app, team, title: "2026年秋季开学专项督导", totals: [88.125, 95, 59])
            _ = try await Factory.secondDistrict(on: app.db)
            let id = campaign.id!

            let office = try await SyncAPITests.list(app, "/api/v1/campaigns", as: "office", Campaign.self)
            let lead = try await SyncAPITests.list(
                app, "/api/v1/campaigns?kind=special", as: "inspector", Campaign.self)
            let notOnTeam = try await SyncAPITests.list(app, "/api/v1/campaigns", as: "inspector2", Campaign.self)
            let school = try await SyncAPITests.list(app, "/api/v1/campaigns", as: "school", Campaign.self)
            let otherOffice = try await SyncAPITests.list(app, "/api/v1/campaigns", as: "office2", Campaign.self)
            let otherKind = try await SyncAPITests.list(
                app, "/api/v1/campaigns?kind=random", as: "office", Campaign.self)
            let results = try await SyncAPITests.list(
                app, "/api/v1/campaigns/\(id)/results?per=200", as: "office", Result.self)
            let byLeader = try await SyncAPITests.list(
                app, "/api/v1/campaigns/\(id)/results", as: "leader", Result.self)
            let byInspector = try await apiGet(
                app, "/api/v1/campaigns/\(id)/results", token: try await apiToken(app, "inspector"))
            let byOtherOffice = try await apiGet(
                app, "/api/v1/campaigns/\(id)/results", token: try await apiToken(app, "office2"))
            let targets = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == id).count()

            XCTAssertEqual(office.items.map(\.id), [id])
            XCTAssertEqual(office.items.first?.kind, "special")
            XCTAssertEqual(office.items.first?.phases, ["onSite", "opinion", "rectification"])
            XCTAssertEqual(lead.items.map(\.id), [id], "the lead is on every target's team")
            XCTAssertEqual(notOnTeam.total, 0)
            XCTAssertEqual(school.items.map(\.id), [id], "school 1 is a target")
            XCTAssertEqual(otherOffice.total, 0)
            XCTAssertEqual(otherKind.total, 0)
            XCTAssertEqual(results.total, targets)
            XCTAssertEqual(
                Set(results.items.compactMap(\.total)), [88.125, 95, 59], "totals are sent unrounded")
            XCTAssertEqual(byLeader.total, targets)
            XCTAssertEqual(byInspector.status, .forbidden)
            XCTAssertEqual(byOtherOffice.status, .notFound)
        }
    }

    func testRescoringForRanksMovesEveryMovedTargetIntoTheNextSync() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let campaign = try await scoredCampaign(app, team, title: "2026年秋季开学专项督导", totals: [80, 90, 70])
            let targets = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == campaign.id!)
                .sort(\.$id).all()
            let mark = TestClock.now.addingTimeInterval(3600)
            let path = "/api/v1/campaigns/\(campaign.id!)/results?updatedSince=\(Self.since(mark))"
            let before = try await SyncAPITests.list(app, path, as: "office", Result.self)

            let score = TargetScore(
                total: 75, bandGrade: "合格", grade: "合格", vetoed: [], unanswered: [], nodes: [:])
            try await CampaignProcedureStep.writeScores(
                [targets[0].id!: score], at: mark.addingTimeInterval(60), on: app.db)
            let after = try await SyncAPITests.list(app, path, as: "office", Result.self)

            XCTAssertEqual(before.total, 0)
            XCTAssertEqual(after.items.map(\.id), [targets[0].id!])
            XCTAssertEqual(after.items.first?.total, 75)
        }
    }

    func testTheBalanceStatisticsAreThePagesFiguresForReadersOnly() async throws {
        try await withApp { app in
            let district = try await app.demoDistrict()
            let years = try await BalanceData.years(district: district.id!, on: app.db)
            let year = try XCTUnwrap(years.first)
            let weights = try await DistrictSettings.forDistrict(district.id!, on: app.db).balanceWeights
            let returns = try await BalanceData.returns(district: district.id!, year: year, on: app.db)
            let expected = BalanceComputation(rows: BalanceData.rows(returns, weights: weights), standard: .basic2012)
            let token = try await apiToken(app, "office")

            let res = try await apiGet(app, "/api/v1/balance?year=\(year)&standard=2012", token: token)
            let school = try await apiGet(app, "/api/v1/balance", token: try await apiToken(app, "school"))
            let inspector = try await apiGet(app, "/api/v1/balance", token: try await apiToken(app, "inspector"))
            let badStandard = try await apiGet(app, "/api/v1/balance?standard=2020", token: token)
            let badYear = try await apiGet(app, "/api/v1/balance?year=99999", token: token)
            let emptyStandard = try await apiGet(app, "/api/v1/balance?standard=", token: token)

            XCTAssertEqual(res.status, .ok, res.body.string)
            let body = try res.content.decode(CampaignsAPI.BalanceDTO.self)
            XCTAssertEqual(body.year, year)
            XCTAssertEqual(body.sections.map(\.section), expected.sections.map(\.section.rawValue))
            XCTAssertFalse(body.sections.isEmpty)
            for (sent, computed) in zip(body.sections, expected.sections) {
                XCTAssertEqual(sent.compositeCV, computed.compositeCV)
                XCTAssertEqual(sent.coefficients.map(\.cv), computed.coefficients.map(\.cv))
                XCTAssertEqual(sent.students, computed.students)
            }
            XCTAssertEqual(school.status, .forbidden)
            XCTAssertEqual(inspector.status, .forbidden)
            XCTAssertEqual(badStandard.status, .badRequest)
            XCTAssertEqual(badYear.status, .badRequest)
            XCTAssertEqual(emptyStandard.status, .badRequest, "the page's default is not the API's")
        }
    }

    struct WorkReport: Decodable {
        let id: Int
        let inspectorId: Int
        let kind: String
        let selected: Bool
    }

    func testWorkReportsAreTheirAuthorsAndTheOfficesAndARecommendationIsAChange() async throws {
        try await withApp { app in
            let me = try await app.user("inspector").inspectorID!
            let district = try await app.demoDistrict()
            let all = try await App.WorkReport.query(on: app.db).inSubtree(\.$orgPath, district.path).count()
            let mine = try await App.WorkReport.query(on: app.db).filter(\.$inspectorID == me).count()
            let unselected = try await App.WorkReport.query(on: app.db).filter(\.$kind == .caseStudy)
                .filter(\.$selected == false).first()
            let report = try XCTUnwrap(unselected)
            let mark = try XCTUnwrap(report.updatedAt).addingTimeInterval(1)
            _ = try await Factory.secondDistrict(on: app.db)

            let asInspector = try await SyncAPITests.list(
                app, "/api/v1/work-reports?per=200", as: "inspector", WorkReport.self)
            let asOffice = try await SyncAPITests.list(
                app, "/api/v1/work-reports?per=200", as: "office", WorkReport.self)
            let cases = try await SyncAPITests.list(
                app, "/api/v1/work-reports?kind=caseStudy&per=200", as: "office", WorkReport.self)
            let otherOffice = try await SyncAPITests.list(app, "/api/v1/work-reports", as: "office2", WorkReport.self)
            let school = try await apiGet(app, "/api/v1/work-reports", token: try await apiToken(app, "school"))
            let since = "/api/v1/work-reports?updatedSince=\(Self.since(max(mark, Date())))"
            let before = try await SyncAPITests.list(app, since, as: "office", WorkReport.self)
            let office = try await login(app, "office")
            try await office.get("/reports/\(report.id!)")
            let recommended = try await office.post("/reports/\(report.id!)/select")
            let after = try await SyncAPITests.list(app, since, as: "office", WorkReport.self)

            XCTAssertGreaterThan(mine, 0)
            XCTAssertEqual(asInspector.total, mine)
            XCTAssertTrue(asInspector.items.allSatisfy { $0.inspectorId == me })
            XCTAssertEqual(asOffice.total, all)
            XCTAssertTrue(cases.items.allSatisfy { $0.kind == "caseStudy" })
            XCTAssertEqual(otherOffice.total, 0)
            XCTAssertEqual(school.status, .forbidden)
            XCTAssertEqual(before.total, 0)
            XCTAssertEqual(recommended.status, .seeOther)
            XCTAssertEqual(after.items.map(\.id), [report.id!])
            XCTAssertEqual(after.items.first?.selected, true)
        }
    }
}
