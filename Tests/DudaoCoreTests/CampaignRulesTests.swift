import DudaoCore
import XCTest

final class CampaignRulesTests: XCTestCase {
    /// Every kind ticked as its statutory default, with `changes` instead.
    func form(days: String = "5", _ changes: [CampaignKind: [CampaignPhase]] = [:]) -> (
        [String: String], [String: [String]]
    ) {
        var lists: [String: [String]] = [:]
        for kind in CampaignKind.allCases {
            lists[CampaignRules.field(kind)] = (changes[kind] ?? kind.defaultPhases).map(\.rawValue)
        }
        return (["appealDays": days], lists)
    }

    func testTheDefaultsAreTheStatutoryPhasesAndFiveWorkingDays() throws {
        let (fields, lists) = form()

        guard case .success(let rules) = CampaignRules.parse(fields, lists: lists) else { return XCTFail("refused") }

        XCTAssertEqual(rules, CampaignRules())
        for kind in CampaignKind.allCases { XCTAssertEqual(rules.phases(for: kind), kind.defaultPhases) }
    }

    func testAKindMaySkipTheNoticeAndTheSelfAssessmentButNeverTheSiteVisit() throws {
        let (fields, lists) = form([.assessment: [.report, .onSite, .opinion]])
        guard case .success(let rules) = CampaignRules.parse(fields, lists: lists) else { return XCTFail("refused") }
        XCTAssertEqual(rules.phases(for: .assessment), [.onSite, .opinion, .report], "kept in the statutory order")

        let cases: [([CampaignPhase], String)] = [
            ([], "请为专项督导至少选择一个环节"),
            ([.notice, .opinion], "专项督导必须包含「实地督导」环节（评分在这一环节）"),
            ([.onSite, .appeal], "专项督导有「申辩」环节时必须先有「初步意见」"),
        ]
        for (phases, message) in cases {
            let (f, l) = form([.special: phases])
            guard case .failure(let errors) = CampaignRules.parse(f, lists: l) else {
                return XCTFail("\(phases) should be refused")
            }
            XCTAssertEqual(errors, [FieldError("phases-special", message)])
        }
    }

    func testTheAppealWindowIsBoundedAndCountedInWorkingDays() {
        for days in ["0", "31", "-1", "", "五", "9223372036854775808"] {
            let (f, l) = form(days: days)
            guard case .failure(let errors) = CampaignRules.parse(f, lists: l) else { return XCTFail(days) }
            XCTAssertEqual(errors.map(\.field), ["appealDays"], days)
        }
        // Friday 27 November 2026: Monday to Thursday, and a holiday on the Tuesday pushes it to Friday.
        let friday = Day(year: 2026, month: 11, day: 27)!
        let rules = CampaignRules(appealDays: 4)
        XCTAssertEqual(
            rules.appealDue(deliveredOn: friday, calendar: WorkingCalendar()), Day(year: 2026, month: 12, day: 3))
        let holiday = WorkingCalendar(holidays: [Day(year: 2026, month: 12, day: 1)!])
        XCTAssertEqual(rules.appealDue(deliveredOn: friday, calendar: holiday), Day(year: 2026, month: 12, day: 4))
    }

    func testAnAppealIsLateOnlyAfterItsLastDay() {
        let due = Day(year: 2026, month: 12, day: 2)!
        XCTAssertNil(CampaignRules.lateAppeal(due: due, today: due))
        XCTAssertNil(CampaignRules.lateAppeal(due: nil, today: due.adding(days: 30)), "no window set: not late")
        XCTAssertEqual(
            CampaignRules.lateAppeal(due: due, today: due.adding(days: 1)), "申辩期已于2026年12月2日届满，不能再提出申辩")
    }

    func testEvidenceIsUploadedByTheTargetBeforeTheVisitAndByTheTeamDuringIt() {
        var allowed: [String] = []
        for phase in CampaignPhase.allCases {
            for actor in CampaignActor.allCases where CampaignProcedure.mayUploadEvidence(current: phase, actor: actor)
            {
                allowed.append("\(phase.rawValue)/\(actor.rawValue)")
            }
        }
        XCTAssertEqual(
            allowed, ["notice/target", "selfAssessment/target", "onSite/office", "onSite/lead", "onSite/member"])
        XCTAssertFalse(CampaignProcedure.mayUploadEvidence(current: nil, actor: .office), "nothing after the end")
    }

    func testARequirementAcceptsTheKindsItNamesWithPhotosAlike() {
        let photos = EvidenceRequirement(kinds: ["jpg"], count: 1)
        XCTAssertTrue(photos.accepts(kind: "png"))
        XCTAssertFalse(photos.accepts(kind: "pdf"))
        XCTAssertTrue(EvidenceRequirement(kinds: ["pdf", "docx"], count: 1).accepts(kind: "docx"))
        XCTAssertFalse(EvidenceRequirement(kinds: ["pdf"], count: 1).accepts(kind: "zip"))
        XCTAssertTrue(EvidenceRequirement(kinds: [], count: 1).accepts(kind: "zip"))
    }

    func testRemarksAreTrimmedBoundedAndOnlyForScoredItems() {
        let system = IndicatorSystem(
            name: "测试", kind: .school, source: "测试", fullScore: 10, bands: ScoreBand.standard,
            nodes: [
                IndicatorNode(code: "1", title: "是否", form: .yesNo(points: 5)),
                IndicatorNode(code: "2", title: "意见", form: .text),
                IndicatorNode(code: "3", title: "分值", form: .points(max: 5)),
            ])
        let fields = ["c_1": "  有台账  ", "c_2": "不收", "c_3": String(repeating: "字", count: 501)]

        let (remarks, errors) = RatingInput.remarks(system, fields: fields)

        XCTAssertEqual(remarks, ["1": "有台账"])
        XCTAssertEqual(errors, [FieldError("c_3", "3：说明不超过 500 字（现有 501 字）")])
    }
}

final class CampaignScoreFormTests: XCTestCase {
    func testAResultsItemScoresItsPointsTimesTheShareTakenFromOtherCampaigns() {
        let form = ScoringForm.campaign(points: 3, source: "开学工作“十个到位”综合督导检查表")

        XCTAssertEqual(form.maximum, 3)
        XCTAssertEqual(form.earned(.share(0.9)) ?? -1, 2.7, accuracy: 1e-12)
        XCTAssertNil(form.earned(.share(1.2)), "a share above 100 % is refused")
        XCTAssertEqual(form.refusal(of: .value(3)), "填写内容与评分方式（督导结果）不符")
        XCTAssertEqual(ScoringForm.campaign(points: 3, source: " ").problems(), ["请写明取自哪个指标体系的督导结果"])
    }

    func testTheShareIsTheMeanOfEachResultOverItsOwnFullScore() {
        // 90 of 100 in spring and 45 of 50 in autumn: 90 % each; a broken record is left out.
        XCTAssertEqual(
            CampaignScoreShare.share([(90, 100), (45, 50), (.nan, 100), (10, 0)]) ?? -1, 0.9, accuracy: 1e-12)
        XCTAssertEqual(CampaignScoreShare.share([(120, 100), (60, 100)]) ?? -1, 0.8, accuracy: 1e-12, "capped at 1")
        XCTAssertNil(CampaignScoreShare.share([]))
    }

    func testTheFormRoundTripsThroughJSONAndTheSheet() throws {
        let system = IndicatorSystem(
            name: "年度考核", kind: .school, fullScore: 100,
            nodes: [
                IndicatorNode(code: "1", title: "是否", form: .yesNo(points: 7)),
                IndicatorNode(code: "2", title: "开学督导", form: .campaign(points: 3, source: "开学检查表")),
            ])
        let json = try JSONEncoder().encode(system)
        XCTAssertEqual(try JSONDecoder().decode(IndicatorSystem.self, from: json), system)
        let read = IndicatorSheet.read(IndicatorSheet.table(system))
        XCTAssertEqual(read.fileErrors + read.rowErrors.flatMap(\.messages), [])
        XCTAssertEqual(read.system, system)
        let missing = IndicatorSheet.node(formValues: [
            "code": "3", "title": "开学督导", "form": "督导结果", "points": "3", "campaignSource": "",
        ])
        XCTAssertEqual(missing.messages, ["请填写「来源指标体系」（取哪个指标体系的督导结果）"])
    }
}

final class CampaignReminderTests: XCTestCase {
    func testACampaignIsRemindedInItsLastThreeDaysOnly() {
        let end = Day(year: 2026, month: 12, day: 31)!
        let days = (-5...1).map { end.adding(days: $0) }.filter { CampaignReminder.endsSoon(end, today: $0) }
        XCTAssertEqual(days, [end.adding(days: -3), end.adding(days: -2), end.adding(days: -1), end])
    }

    func testAnAppealIsRemindedOnItsLastWorkingDayAndTheOneBefore() {
        // Due Monday 7 December: reminded from Friday 4th (one working day before), not on Thursday.
        let due = Day(year: 2026, month: 12, day: 7)!
        let calendar = WorkingCalendar()
        let reminded = (1...8).map { Day(year: 2026, month: 12, day: $0)! }.filter {
            CampaignReminder.appealClosesSoon(due, today: $0, calendar: calendar)
        }
        XCTAssertEqual(reminded.map(\.day), [4, 5, 6, 7])
    }

    func testTheRemindersSayWhatAndWhen() {
        let end = Day(year: 2026, month: 12, day: 31)!
        XCTAssertEqual(
            CampaignReminder.leadText(title: "秋季开学督导", unfinished: 3, endsOn: end),
            "督导任务「秋季开学督导」将于2026年12月31日截止，您负责的 3 个对象尚未完成")
        XCTAssertEqual(
            CampaignReminder.appealText(title: "综合督导", due: end), "「综合督导」的申辩期将于2026年12月31日届满，如有异议请在此之前提出申辩")
    }
}

final class TeamChangeTests: XCTestCase {
    let team = TeamChange.Team(members: [1, 2, 3], lead: 1)

    func testMembersAreAddedRemovedAndMadeLead() throws {
        XCTAssertEqual(try TeamChange.add(4).apply(to: team, kind: .comprehensive).get().members, [1, 2, 3, 4])
        XCTAssertEqual(try TeamChange.remove(3).apply(to: team, kind: .special).get().members, [1, 2])
        XCTAssertEqual(
            try TeamChange.makeLead(2).apply(to: team, kind: .comprehensive).get(), .init(members: [1, 2, 3], lead: 2))
    }

    func testEachRefusalSaysWhy() {
        let cases: [(TeamChange, CampaignKind, String)] = [
            (.add(2), .special, "此人已在督导组中"),
            (.remove(9), .special, "此人不是该对象的督导组成员"),
            (.makeLead(9), .special, "此人不是该对象的督导组成员"),
            (.remove(1), .special, "组长不能移出督导组，请先指定其他成员为组长"),
            (.remove(3), .comprehensive, "综合督导的督导组不少于 3 人（含组长）"),
        ]
        for (change, kind, message) in cases {
            guard case .failure(let refusal) = change.apply(to: team, kind: kind) else { return XCTFail("\(change)") }
            XCTAssertEqual(refusal.description, message)
        }
        let full = TeamChange.Team(members: Array(1...CampaignInput.maxTeam), lead: 1)
        guard case .failure(let tooMany) = TeamChange.add(99).apply(to: full, kind: .special) else { return XCTFail() }
        XCTAssertEqual(tooMany, .tooMany)
    }
}
