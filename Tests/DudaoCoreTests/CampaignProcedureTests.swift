import XCTest

@testable import DudaoCore

final class CampaignProcedureTests: XCTestCase {
    let full = CampaignKind.comprehensive.defaultPhases

    func testComprehensiveSupervisionFollowsTheStatutoryProcedureToTheEnd() {
        var phase: CampaignPhase? = .notice
        var walked: [String] = []
        let actorFor: [CampaignAction: CampaignActor] = [
            .sendNotice: .office, .submitSelfAssessment: .target, .fixTeamScore: .lead, .issuePreliminary: .lead,
            .closeAppeal: .lead, .issueOpinion: .office, .closeRectification: .office, .fileReport: .office,
        ]
        while let current = phase {
            let action = current.completion
            walked.append(current.label)
            phase = try! CampaignProcedure.apply(action, current: current, phases: full, actor: actorFor[action]!).get()
        }
        XCTAssertEqual(walked, ["书面通知", "自评", "实地督导", "初步意见", "申辩", "督导意见书", "整改", "报告"])
        XCTAssertEqual(
            CampaignProcedure.apply(.fileReport, current: nil, phases: full, actor: .office), .failure(.finished))
    }

    /// Every action × phase × actor: allowed exactly when it is the phase's completion (or an appeal in the appeal
    /// phase) and the actor may take it.
    func testEveryActionInEveryPhaseByEveryActor() {
        for phase in CampaignPhase.allCases {
            for action in CampaignAction.allCases {
                for actor in CampaignActor.allCases {
                    let result = CampaignProcedure.apply(action, current: phase, phases: full, actor: actor)
                    let fits = action == phase.completion || (action == .submitAppeal && phase == .appeal)
                    let may = CampaignProcedure.mayTake(action, actor)
                    switch result {
                    case .success: XCTAssertTrue(fits && may, "\(phase) \(action) \(actor)")
                    case .failure(.notYours): XCTAssertFalse(may, "\(phase) \(action) \(actor)")
                    case .failure(.notNow): XCTAssertTrue(may && !fits, "\(phase) \(action) \(actor)")
                    case .failure(.finished): XCTFail("not finished")
                    }
                }
            }
        }
    }

    func testWhoMayDoWhat() {
        XCTAssertEqual(CampaignProcedure.available(current: .appeal, actor: .target), [.submitAppeal])
        XCTAssertEqual(CampaignProcedure.available(current: .appeal, actor: .lead), [.closeAppeal])
        XCTAssertEqual(CampaignProcedure.available(current: .opinion, actor: .lead), [])
        XCTAssertEqual(CampaignProcedure.available(current: .opinion, actor: .office), [.issueOpinion])
        XCTAssertEqual(CampaignProcedure.available(current: .onSite, actor: .member), [])
        XCTAssertEqual(CampaignProcedure.available(current: nil, actor: .office), [])
        XCTAssertEqual(CampaignProcedure.Refusal.notYours(.issueOpinion).description, "您不能印发督导意见书")
        XCTAssertEqual(
            CampaignProcedure.apply(.fileReport, current: .onSite, phases: full, actor: .office),
            .failure(.notNow(.fileReport, .onSite)))
        XCTAssertEqual(
            CampaignProcedure.Refusal.notNow(.fileReport, .onSite).description, "当前处于「实地督导」阶段，不能报告政府并归档")
    }

    func testAnAppealIsRecordedWithoutLeavingTheAppealPhase() {
        XCTAssertEqual(
            CampaignProcedure.apply(.submitAppeal, current: .appeal, phases: full, actor: .target), .success(.appeal))
    }

    func testShortKindsSkipNoticeAndSelfAssessmentAndADistrictMayChooseItsOwnList() {
        XCTAssertEqual(CampaignKind.random.defaultPhases, [.onSite, .opinion, .rectification])
        XCTAssertEqual(CampaignKind.comprehensive.minimumTeam, 3)
        XCTAssertFalse(CampaignKind.random.announcedByDefault)
        XCTAssertEqual(
            CampaignProcedure.phases(from: ["report", "selfAssessment", "bogus"], kind: .special),
            [.selfAssessment, .onSite, .report])
        XCTAssertEqual(CampaignProcedure.phases(from: [], kind: .special), CampaignKind.special.defaultPhases)
        let steps = CampaignProcedure.steps(phases: [.onSite, .opinion, .rectification], current: .opinion)
        XCTAssertEqual(steps.map { $0.1 }, [.done, .current, .waiting])
        XCTAssertEqual(CampaignProcedure.steps(phases: [.onSite], current: nil).map { $0.1 }, [.done])
    }
}

final class TeamRatingsTests: XCTestCase {
    let system = IndicatorSystem(
        name: "组评", kind: .school,
        nodes: [
            IndicatorNode(code: "1", title: "安全", form: .yesNo(points: 10)),
            IndicatorNode(code: "2", title: "课堂", form: .points(max: 20)),
            IndicatorNode(code: "3", title: "常规", form: .deduction(max: 10, per: 1)),
            IndicatorNode(code: "4", title: "意见", form: .text),
        ])

    func testTheLeadSeesWhereMembersAreAFifthOfTheItemApart() {
        let items = TeamRatings.compare(
            system,
            ratings: [
                (rater: "王", answers: ["1": .yes, "2": .points(16), "3": .occurrences(1)]),
                (rater: "李", answers: ["1": .no, "2": .points(13), "3": .occurrences(2)]),
                (rater: "赵", answers: ["1": .yes, "2": .points(12)]),
            ], schoolType: nil)
        XCTAssertEqual(items.map(\.code), ["1", "2", "3"])
        XCTAssertEqual(items.map(\.spread), [10, 4, 1])
        XCTAssertEqual(items.map(\.isDisagreement), [true, true, false])  // 4 ≥ 20 × 0.2; 1 < 10 × 0.2
    }

    func testTheSuggestionIsTheLowerMedianAndJoinsComments() {
        let suggestion = TeamRatings.suggestion(
            system,
            ratings: [
                (rater: "王", answers: ["1": .yes, "2": .points(16), "4": .text("好")]),
                (rater: "李", answers: ["1": .no, "2": .points(13), "4": .text("需改进作业")]),
                (rater: "赵", answers: ["1": .yes, "2": .points(12)]),
            ], schoolType: nil)
        XCTAssertEqual(suggestion["1"], .yes)
        XCTAssertEqual(suggestion["2"], .points(13))
        XCTAssertNil(suggestion["3"])
        XCTAssertEqual(suggestion["4"], .text("好\n需改进作业"))
        let two = TeamRatings.suggestion(
            system, ratings: [(rater: "王", answers: ["1": .yes]), (rater: "李", answers: ["1": .no])], schoolType: nil)
        XCTAssertEqual(two["1"], .no, "two who differ start from the more cautious")
    }
}
