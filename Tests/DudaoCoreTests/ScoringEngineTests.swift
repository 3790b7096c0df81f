import XCTest

@testable import DudaoCore

final class ScoringFormTests: XCTestCase {
    func testEveryFormEarnsWhatItsRuleSays() {
        let levels = ScoringForm.levels([
            ScoringLevel(label: "A", points: 10), ScoringLevel(label: "B", points: 8),
            ScoringLevel(label: "C", points: 6), ScoringLevel(label: "D", points: 3),
        ])
        let threshold = ScoringForm.threshold(
            points: 5, rule: ThresholdRule(op: .atLeast, value: 85),
            byType: ["primary": ThresholdRule(op: .atMost, value: 60)])
        let range = ScoringForm.threshold(
            points: 4, rule: ThresholdRule(op: .between, value: 8, upper: 10), byType: [:])
        let satisfaction = ScoringForm.questionnaire(points: 5, question: "满意度", positive: ["满意"], minShare: 0.85)
        let cases: [(ScoringForm, IndicatorAnswer, String?, Double?)] = [
            (.yesNo(points: 2), .yes, nil, 2),
            (.yesNo(points: 2), .no, nil, 0),
            (.yesNo(points: 2), .notApplicable, nil, nil),
            (.points(max: 10), .points(7.5), nil, 7.5),
            (.points(max: 10), .points(10), nil, 10),
            (.points(max: 10), .points(10.5), nil, nil),
            (.points(max: 10), .points(-1), nil, nil),
            (.points(max: 10), .points(.nan), nil, nil),
            (.deduction(max: 10, per: 1.5), .occurrences(0), nil, 10),
            (.deduction(max: 10, per: 1.5), .occurrences(3), nil, 5.5),
            (.deduction(max: 10, per: 1.5), .occurrences(7), nil, 0),
            (.deduction(max: 10, per: 1.5), .occurrences(-1), nil, nil),
            (.deduction(max: 10, per: 1.5), .occurrences(Int.max), nil, nil),
            (levels, .level("B"), nil, 8),
            (levels, .level("D"), nil, 3),
            (levels, .level("E"), nil, nil),
            (threshold, .value(90), nil, 5),
            (threshold, .value(84.9), nil, 0),
            (threshold, .value(60), "primary", 5),
            (threshold, .value(61), "primary", 0),
            (threshold, .value(90), "junior", 5),
            (threshold, .value(.infinity), nil, nil),
            (range, .value(8), nil, 4),
            (range, .value(10), nil, 4),
            (range, .value(10.1), nil, 0),
            (range, .value(7.9), nil, 0),
            (satisfaction, .share(0.9), nil, 5),
            (satisfaction, .share(0.85), nil, 5),
            (satisfaction, .share(0.68), nil, 4),
            (satisfaction, .share(0), nil, 0),
            (satisfaction, .share(1.2), nil, nil),
            (.text, .text("好"), nil, nil),
            (.yesNo(points: 2), .points(2), nil, nil),
        ]
        for (form, answer, type, expected) in cases {
            let earned = form.earned(answer, schoolType: type)
            XCTAssertEqual(earned == nil, expected == nil, "\(form) \(answer) \(type ?? "")")
            if let earned, let expected {
                // Kept unrounded: 5 × 0.68 / 0.85 is 4.000000000000001.
                XCTAssertEqual(earned, expected, accuracy: 1e-9, "\(form) \(answer) \(type ?? "")")
            }
        }
    }

    func testARankLeafEarnsThePointsOfItsPlaceInTheGroup() {
        let form = ScoringForm.rank(points: [10, 8, 6, 4], higherIsBetter: true)
        XCTAssertEqual(form.earned(.value(3), rankPoints: 9), 9)
        XCTAssertEqual(form.earned(.value(3), rankPoints: nil), 0)
        XCTAssertEqual(form.maximum, 10)
    }

    func testAnAnswerThatDoesNotFitIsRefusedInChinese() {
        XCTAssertEqual(ScoringForm.yesNo(points: 2).refusal(of: .points(2)), "填写内容与评分方式（是否）不符")
        XCTAssertEqual(ScoringForm.points(max: 10).refusal(of: .points(11)), "得分应在 0–10 之间")
        XCTAssertEqual(
            ScoringForm.levels([ScoringLevel(label: "优", points: 5), ScoringLevel(label: "良", points: 4)])
                .refusal(of: .level("差")), "请选择 优/良 中的一档")
        XCTAssertEqual(ScoringForm.text.refusal(of: .text(String(repeating: "字", count: 2001))), "意见不能超过 2000 字")
        XCTAssertNil(ScoringForm.text.refusal(of: .notApplicable))
    }

    func testMaximaAndDisplayRounding() {
        XCTAssertEqual(ScoringForm.deduction(max: 20, per: 2).maximum, 20)
        XCTAssertEqual(ScoringForm.text.maximum, 0)
        XCTAssertEqual(Score.text(82.857142857), "82.86")
        XCTAssertEqual(Score.text(88), "88")
        XCTAssertEqual(Score.text(8.5), "8.5")
        XCTAssertEqual(Score.text(89.999999999), "90")
        XCTAssertEqual(Score.percent(0.85), "85%")
    }
}

final class RankPointsTests: XCTestCase {
    func testTiedMembersShareThePointsOfThePlacesTheyHold() {
        let values: [(id: String, value: Double)] = [("甲", 95), ("乙", 95), ("丙", 90), ("丁", 80), ("戊", 70)]
        let points = RankPoints.assign(values, points: [10, 8, 6, 4], higherIsBetter: true)
        XCTAssertEqual(points, ["甲": 9, "乙": 9, "丙": 6, "丁": 4, "戊": 0])
    }

    func testLowerIsBetterAndTiesPastTheListShareWithZero() {
        let lower = RankPoints.assign(
            [("甲", 3), ("乙", 1), ("丙", 2)] as [(id: String, value: Double)], points: [10, 8, 6], higherIsBetter: false)
        XCTAssertEqual(lower, ["乙": 10, "丙": 8, "甲": 6])
        let three = RankPoints.assign(
            [("甲", 1), ("乙", 1), ("丙", 1)] as [(id: String, value: Double)], points: [10, 8], higherIsBetter: true)
        XCTAssertEqual(three, ["甲": 6, "乙": 6, "丙": 6])
        XCTAssertEqual(RankPoints.assign([(id: String, value: Double)](), points: [10], higherIsBetter: true), [:])
    }

    func testEqualTotalsShareAPlaceAndTheNextPlaceSkips() {
        let places = RankPoints.places(
            [("甲", 90), ("乙", 90), ("丙", 85), ("丁", 90.000_000_000_1), ("戊", 60)] as [(id: String, total: Double)])
        XCTAssertEqual(places, ["甲": 1, "乙": 1, "丁": 1, "丙": 4, "戊": 5])
    }
}

final class ScoringEngineTests: XCTestCase {
    /// 德育 30 (是否 10 + 分值 20), 教学 50 (扣分 20/每处 2 + 等级 30/24/18/9), 安全 20 (是否, 否决至合格).
    let system = IndicatorSystem(
        name: "测试指标", kind: .school,
        nodes: [
            IndicatorNode(code: "1", title: "德育"),
            IndicatorNode(code: "1.1", parent: "1", title: "德育计划", form: .yesNo(points: 10)),
            IndicatorNode(code: "1.2", parent: "1", title: "主题活动", form: .points(max: 20)),
            IndicatorNode(code: "2", title: "教学"),
            IndicatorNode(code: "2.1", parent: "2", title: "常规检查", form: .deduction(max: 20, per: 2)),
            IndicatorNode(
                code: "2.2", parent: "2", title: "课堂教学",
                form: .levels([
                    ScoringLevel(label: "A", points: 30), ScoringLevel(label: "B", points: 24),
                    ScoringLevel(label: "C", points: 18), ScoringLevel(label: "D", points: 9),
                ])),
            IndicatorNode(code: "3", title: "无重大安全责任事故", form: .yesNo(points: 20), veto: "合格"),
            IndicatorNode(code: "4", title: "总体评价", form: .text),
        ])

    let answers: ScoringEngine.Answers = [
        "1.1": .yes, "1.2": .points(15), "2.1": .occurrences(3), "2.2": .level("B"), "3": .yes, "4": .text("好"),
    ]

    func testWithDefaultWeightsTheTotalIsTheSumOfThePoints() {
        let score = ScoringEngine.score(system, answers: answers)
        XCTAssertEqual(score.total, 83, accuracy: 1e-9)  // 10 + 15 + 14 + 24 + 20
        XCTAssertEqual(score.grade, "良好")
        XCTAssertEqual(score.nodes["2"]?.available, 50)
        XCTAssertEqual(score.nodes["2"]!.earned, 38, accuracy: 1e-9)
        XCTAssertNil(score.nodes["4"]?.ratio)
        XCTAssertTrue(score.isComplete)
        XCTAssertEqual(score.vetoed, [])
    }

    func testANotApplicableItemHandsItsWeightToItsSiblings() {
        var answers = answers
        answers["1.2"] = .notApplicable
        let score = ScoringEngine.score(system, answers: answers)
        XCTAssertEqual(score.nodes["1.1"]?.available, 30)
        XCTAssertEqual(score.nodes["1.2"]?.available, 0)
        XCTAssertNil(score.nodes["1.2"]?.ratio)
        XCTAssertEqual(score.total, 88, accuracy: 1e-9)  // 30 + 14 + 24 + 20
    }

    func testAWhollyNotApplicableBranchHandsItsShareToTheOtherBranches() {
        var answers = answers
        answers["1.1"] = .notApplicable
        answers["1.2"] = .notApplicable
        let score = ScoringEngine.score(system, answers: answers)
        XCTAssertNil(score.nodes["1"]?.ratio)
        XCTAssertEqual(score.nodes["2"]!.available, 100.0 * 50 / 70, accuracy: 1e-9)
        XCTAssertEqual(score.total, 5800.0 / 70, accuracy: 1e-9)  // (38 + 20) of the 70 that apply, on 100
        XCTAssertEqual(Score.text(score.total), "82.86")
        XCTAssertEqual(score.grade, "良好")
    }

    func testAVetoItemNotMetCapsTheGradeWhateverTheScore() {
        var answers = answers
        answers["1.2"] = .points(20)
        answers["2.1"] = .occurrences(0)
        answers["2.2"] = .level("A")
        answers["3"] = .no
        let score = ScoringEngine.score(system, answers: answers)
        XCTAssertEqual(score.total, 80, accuracy: 1e-9)
        XCTAssertEqual(score.bandGrade, "良好")
        XCTAssertEqual(score.grade, "合格")
        XCTAssertEqual(score.vetoed, ["3"])
    }

    func testAVetoNeverRaisesALowerGrade() {
        let score = ScoringEngine.score(
            system, answers: ["1.1": .no, "1.2": .points(0), "2.1": .occurrences(10), "2.2": .level("D"), "3": .no])
        XCTAssertEqual(score.total, 9, accuracy: 1e-9)
        XCTAssertEqual(score.grade, "不合格")
    }

    func testUnansweredItemsCountAsZeroAndAreListedAndAnUnansweredVetoItemCaps() {
        let score = ScoringEngine.score(system, answers: ["1.1": .yes, "1.2": .points(20)])
        XCTAssertEqual(score.total, 30, accuracy: 1e-9)
        XCTAssertEqual(score.unanswered, ["2.1", "2.2", "3"])
        XCTAssertEqual(score.vetoed, ["3"])
        XCTAssertFalse(score.isComplete)
    }

    func testExplicitWeightsOverrideThePointScales() {
        let weighted = IndicatorSystem(
            name: "权重", kind: .school,
            nodes: [
                IndicatorNode(code: "X", title: "甲", weight: 40),
                IndicatorNode(code: "X1", parent: "X", title: "甲一", form: .points(max: 10)),
                IndicatorNode(code: "Y", title: "乙", weight: 60),
                IndicatorNode(code: "Y1", parent: "Y", title: "乙一", weight: 1, form: .yesNo(points: 1)),
                IndicatorNode(code: "Y2", parent: "Y", title: "乙二", weight: 3, form: .yesNo(points: 5)),
            ])
        let score = ScoringEngine.score(weighted, answers: ["X1": .points(5), "Y1": .no, "Y2": .yes])
        XCTAssertEqual(score.total, 20 + 45, accuracy: 1e-9)  // 0.5 × 40 + (0 × 1 + 1 × 3) / 4 × 60
        XCTAssertEqual(score.nodes["Y2"]!.available, 45, accuracy: 1e-9)
        XCTAssertEqual(score.grade, "合格")
    }

    func testBandsTolerateFloatingPointNoiseOnly() {
        let bands = ScoreBand.standard
        XCTAssertEqual(ScoringEngine.grade(for: 89.999_999_9, bands: bands), "优秀")
        XCTAssertEqual(ScoringEngine.grade(for: 89.99, bands: bands), "良好")
        XCTAssertEqual(ScoringEngine.grade(for: 60, bands: bands), "合格")
        XCTAssertEqual(ScoringEngine.grade(for: 0, bands: bands), "不合格")
        XCTAssertNil(ScoringEngine.grade(for: 50, bands: [ScoreBand(label: "优秀", min: 90)]))
    }

    func testAGroupPlacesItsRankItemsBeforeScoringEachTarget() {
        let township = IndicatorSystem(
            name: "镇街考评", kind: .township,
            nodes: [
                IndicatorNode(code: "1", title: "控辍保学", form: .rank(points: [10, 8, 6, 4], higherIsBetter: true)),
                IndicatorNode(code: "2", title: "领导重视", form: .yesNo(points: 90)),
            ])
        let scores = ScoringEngine.scoreGroup(
            township,
            targets: [
                (id: "甲镇", schoolType: nil, answers: ["1": .value(5), "2": .yes]),
                (id: "乙镇", schoolType: nil, answers: ["1": .value(5), "2": .yes]),
                (id: "丙镇", schoolType: nil, answers: ["1": .value(3), "2": .no]),
            ])
        XCTAssertEqual(scores["甲镇"]!.total, 99, accuracy: 1e-9)
        XCTAssertEqual(scores["乙镇"]!.total, 99, accuracy: 1e-9)
        XCTAssertEqual(scores["丙镇"]!.total, 6, accuracy: 1e-9)
    }

    func testAThresholdFollowsTheTargetsSchoolType() {
        let homework = IndicatorSystem(
            name: "作业", kind: .school,
            nodes: [
                IndicatorNode(
                    code: "1", title: "书面作业平均时长（分钟）",
                    form: .threshold(
                        points: 100, rule: ThresholdRule(op: .atMost, value: 90),
                        byType: ["primary": ThresholdRule(op: .atMost, value: 60)]))
            ])
        XCTAssertEqual(ScoringEngine.score(homework, answers: ["1": .value(75)], schoolType: "junior").total, 100)
        XCTAssertEqual(ScoringEngine.score(homework, answers: ["1": .value(75)], schoolType: "primary").total, 0)
    }
}

final class PagedPlacesTests: XCTestCase {
    func testAPageOfARankingContinuesItsTies() {
        // Totals 95, 90, 90 | 90, 80 (pages of three): the second page starts inside the tie for second place.
        XCTAssertEqual(RankPoints.places(sorted: [95, 90, 90], offset: 0, firstPlace: 1), [1, 2, 2])
        XCTAssertEqual(RankPoints.places(sorted: [90, 80], offset: 3, firstPlace: 2), [2, 5])
        XCTAssertEqual(RankPoints.places(sorted: [], offset: 0, firstPlace: 1), [])
    }
}
