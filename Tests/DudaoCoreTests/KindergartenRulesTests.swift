import XCTest

@testable import DudaoCore

final class VisitProfileTests: XCTestCase {
    func testAKindergartenHasItsOwnWordsActivitiesInterviewsAndNoHomework() {
        let k = SchoolType.kindergarten.visitProfile
        XCTAssertEqual(k.headTitle, "园长")
        XCTAssertEqual(k.pupilsWord, "在园幼儿")
        XCTAssertEqual(k.observationKinds, [.activity])
        XCTAssertEqual(k.interviewGroups, [.teachers, .caregivers, .parents])
        XCTAssertFalse(k.interviewGroups.contains(.students))
        XCTAssertEqual(k.gradeBands, [])
        XCTAssertFalse(k.checksWorkload)
        XCTAssertFalse(k.marksHomework)
    }

    func testEachSchoolTypeGetsTheGradeBandsOfItsSections() {
        let expected: [SchoolType: [GradeBand]] = [
            .primary: [.lowerPrimary, .upperPrimary], .teachingPoint: [.lowerPrimary, .upperPrimary],
            .junior: [.junior], .nineYear: [.lowerPrimary, .upperPrimary, .junior],
            .special: [.lowerPrimary, .upperPrimary, .junior], .twelveYear: GradeBand.allCases,
            .complete: [.junior, .senior], .senior: [.senior], .vocational: [], .kindergarten: [],
        ]
        for type in SchoolType.allCases {
            XCTAssertEqual(type.visitProfile.gradeBands, expected[type], type.label)
            XCTAssertEqual(type.visitProfile.headTitle, type == .kindergarten ? "园长" : "校长")
        }
    }

    func testAfterSchoolServiceIsCheckedWhereThereIsCompulsoryEducation() {
        let checked = SchoolType.allCases.filter { $0.visitProfile.checksAfterSchoolService }
        XCTAssertEqual(
            Set(checked), [.primary, .teachingPoint, .junior, .nineYear, .twelveYear, .complete, .special])
    }
}

final class KindergartenRulesTests: XCTestCase {
    func findings(_ configure: (inout KindergartenObservation) -> Void) -> [WorkloadFinding] {
        var o = KindergartenObservation()
        configure(&o)
        return KindergartenRules.findings(o)
    }

    func testNothingCheckedIsNoFinding() {
        XCTAssertEqual(KindergartenRules.findings(KindergartenObservation()), [])
        XCTAssertTrue(KindergartenObservation().isEmpty)
    }

    func testWrittenHomeworkAndPrimaryContentArePrimaryStyleTeaching() {
        let f = findings {
            $0.noWrittenHomework = false
            $0.noPrimaryContent = false
        }
        XCTAssertEqual(f.map(\.item), ["小学化倾向", "小学化倾向"])
        XCTAssertEqual(f.map(\.ok), [false, false])
        XCTAssertTrue(f[0].message.contains("书面作业"))
        XCTAssertTrue(f[1].message.contains("拼音"))
    }

    func testEachYesNoCheckIsOneFindingUnderItsItem() {
        let f = findings {
            $0.careAndHealth = true
            $0.foodSafety = false
            $0.safetyProtection = true
            $0.staffQualified = false
            $0.feesPublished = true
        }
        XCTAssertEqual(f.map(\.item), ["保育与卫生保健", "食品安全", "安全防护", "保教人员资质", "收费公示"])
        XCTAssertEqual(f.map(\.ok), [true, false, true, false, true])
    }

    func testTheStaffRatioIsAtMostNineChildrenPerCareStaff() {
        XCTAssertEqual(
            findings {
                $0.children = 27
                $0.careStaff = 3
            }.map(\.ok), [true])
        XCTAssertEqual(
            findings {
                $0.children = 28
                $0.careStaff = 3
            }.map(\.ok), [false])
        XCTAssertEqual(
            findings {
                $0.children = 32
                $0.careStaff = 3
            }[0].message, "保教人员3名、幼儿32名，师幼比1:10.7，低于1:9的配备标准")
        XCTAssertEqual(
            findings {
                $0.children = 20
                $0.careStaff = 0
            }.map(\.ok), [false])
        XCTAssertEqual(findings { $0.children = 20 }, [], "the ratio needs both counts")
        XCTAssertEqual(
            findings {
                $0.children = 0
                $0.careStaff = 2
            }, [], "no children seen, no ratio")
    }

    func testKindergartenFindingsJoinTheVisitsChecksAndAreOfferedAsProblems() {
        var checks = VisitChecks()
        var k = KindergartenObservation()
        k.noWrittenHomework = false
        k.feesPublished = true
        checks.kindergarten = k
        let pending = FindingOffers.pending(checks, problemDescriptions: [])
        XCTAssertEqual(pending.map(\.item), ["小学化倾向"])
        XCTAssertEqual(FindingOffers.category(for: pending[0], in: ["安全", "办学行为", "其他"]), "办学行为")
    }

    func testAChecksRecordSavedBeforeKindergartensStillDecodes() throws {
        let old = try JSONDecoder().decode(
            VisitChecks.self, from: Data(#"{"documents":["教案"],"documentNotes":"","workload":{}}"#.utf8))
        XCTAssertNil(old.kindergarten)
        XCTAssertEqual(old.documents, ["教案"])
    }
}

final class FindingCategoryTests: XCTestCase {
    func finding(_ item: String) -> WorkloadFinding { WorkloadFinding(item: item, ok: false, message: "x") }

    func testTheItemItselfWinsThenItsUsualCategoriesThenTheFallbacks() {
        XCTAssertEqual(FindingOffers.category(for: finding("作业管理"), in: ["安全", "作业管理", "五项管理"]), "作业管理")
        XCTAssertEqual(FindingOffers.category(for: finding("睡眠管理"), in: ["安全", "五项管理"]), "五项管理")
        XCTAssertEqual(FindingOffers.category(for: finding("食品安全"), in: ["食堂卫生", "办学行为"]), "食堂卫生")
        XCTAssertEqual(FindingOffers.category(for: finding("安全防护"), in: ["其他", "安全"]), "安全")
        XCTAssertEqual(
            FindingOffers.category(for: finding("收费公示"), in: ["甲", "乙"]), "乙", "the district's last category")
    }
}

final class RubricSettingsTests: XCTestCase {
    func testTheKindergartenRubricScoresAnActivityOutOfOneHundred() {
        XCTAssertEqual(Rubric.kindergarten.total, 100)
        XCTAssertFalse(Rubric.kindergarten.dimensions.map(\.name).contains("教学内容"))
        XCTAssertEqual(Rubric(setting: Rubric.kindergarten.setting), .kindergarten)
    }

    func testGradeBandsAreTheDistrictsLines() {
        let r = Rubric.standard
        let scores = ["教学目标": 12, "教学内容": 16, "教学方法": 16, "学生参与": 20, "教学效果": 16]  // 80
        XCTAssertEqual(r.grade(scores), "良好（80分）")
        XCTAssertEqual(r.grade(scores, bands: RubricBands(excellent: 80, good: 70, pass: 60)!), "优秀（80分）")
        XCTAssertEqual(r.grade(scores, bands: RubricBands(excellent: 95, good: 90, pass: 81)!), "待改进（80分）")
    }

    func testBandsMustDescend() {
        XCTAssertNil(RubricBands(excellent: 75, good: 85, pass: 60))
        XCTAssertNil(RubricBands(excellent: 101, good: 85, pass: 60))
        XCTAssertNil(RubricBands(excellent: 85, good: 75, pass: 0))
        XCTAssertNil(RubricBands(setting: "85,75"))
        XCTAssertEqual(RubricBands(setting: "90, 80, 60")?.setting, "90,80,60")
    }

    func testAListSettingIsSplitTrimmedAndDeduplicated() {
        XCTAssertEqual(SettingsList.documents.parse("教案、 作业 \n教案、、图书"), ["教案", "作业", "图书"])
        XCTAssertNil(SettingsList.documents.parse("  、 "))
        XCTAssertNil(SettingsList.documents.parse(String(repeating: "长", count: 21)))
    }
}
