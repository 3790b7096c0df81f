import DudaoCore
import XCTest

final class CityRecheckTests: XCTestCase {
    func testTheShareIsAWholePercentAndOnlyAnAssessmentHasOne() {
        let cases: [(String?, CampaignKind?, String)] = [
            (nil, .assessment, "ok 0"),
            ("", .assessment, "ok 0"),
            ("  ", .comprehensive, "ok 0"),
            ("0", .special, "ok 0"),
            ("30", .assessment, "ok 30"),
            (" 100 ", .assessment, "ok 100"),
            ("1", .assessment, "ok 1"),
            ("101", .assessment, "市级抽评比例请填写 0–100 的整数（不抽评填 0 或留空）"),
            ("-5", .assessment, "市级抽评比例请填写 0–100 的整数（不抽评填 0 或留空）"),
            ("12.5", .assessment, "市级抽评比例请填写 0–100 的整数（不抽评填 0 或留空）"),
            (
                "9223372036854775807", .assessment,
                "市级抽评比例请填写 0–100 的整数（不抽评填 0 或留空）"
            ),
            ("三成", .assessment, "市级抽评比例请填写 0–100 的整数（不抽评填 0 或留空）"),
            ("30", .comprehensive, "只有评估考核设市级抽评，综合督导请填 0 或留空"),
            ("30", .special, "只有评估考核设市级抽评，专项督导请填 0 或留空"),
            // Without a kind (refused on its own field) the share alone is not refused twice.
            ("30", nil, "ok 30"),
        ]
        for (text, kind, expected) in cases {
            let outcome: String
            switch CityRecheck.parsePercent(text, kind: kind) {
            case .success(let percent): outcome = "ok \(percent)"
            case .failure(let errors): outcome = errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            }
            let want = expected.hasPrefix("ok ") ? expected : "recheckPercent: " + expected
            XCTAssertEqual(outcome, want, "\(text ?? "nil"), \(kind?.label ?? "nil")")
        }
    }

    func testTheSampleIsTheShareRoundedUpAndNeverEmptyWhenAsked() {
        let cases: [(count: Int, percent: Int, size: Int)] = [
            (0, 30, 0), (10, 0, 0), (10, 30, 3), (10, 25, 3), (7, 10, 1), (1, 1, 1), (3, 100, 3), (3, 150, 3),
            (20_000, 5, 1_000), (20_001, 5, 1_001), (4, 50, 2),
        ]
        for c in cases {
            XCTAssertEqual(CityRecheck.sampleSize(of: c.count, percent: c.percent), c.size, "\(c)")
        }
    }

    func testTheDrawTakesDistinctTargetsOfTheCampaignInOrder() {
        var generator = SeededGenerator(seed: 7)
        let ids = Array(100..<140)

        let sample = CityRecheck.draw(ids, percent: 25, using: &generator)

        XCTAssertEqual(sample.count, 10)
        XCTAssertEqual(Set(sample).count, 10, "no target twice")
        XCTAssertTrue(Set(sample).isSubset(of: Set(ids)))
        XCTAssertEqual(sample, sample.sorted())
        XCTAssertEqual(
            CityRecheck.draw([5, 5, 5], percent: 100, using: &generator), [5], "an id given twice is one target")
        XCTAssertEqual(CityRecheck.draw([], percent: 50, using: &generator), [])
    }

    func testDifferentDrawsTakeDifferentSamples() {
        var first = SeededGenerator(seed: 1)
        var second = SeededGenerator(seed: 2)
        let ids = Array(1...200)

        XCTAssertNotEqual(
            CityRecheck.draw(ids, percent: 10, using: &first), CityRecheck.draw(ids, percent: 10, using: &second),
            "the sample comes from the generator, not from the ids alone")
    }

    func testTheSampleIsDrawnOnceAfterTheCountyHasScoredEveryTarget() {
        XCTAssertEqual(CityRecheck.drawRefusal(percent: 0, drawnOn: nil, unscored: 0), "该任务未设市级抽评")
        XCTAssertEqual(
            CityRecheck.drawRefusal(percent: 30, drawnOn: Day(year: 2026, month: 11, day: 20)!, unscored: 0),
            "已于2026年11月20日抽取抽评对象，不能重新抽取")
        XCTAssertEqual(
            CityRecheck.drawRefusal(percent: 30, drawnOn: nil, unscored: 3), "还有 3 个对象的区（县）复评未确定，全部确定后再抽取抽评对象")
        XCTAssertNil(CityRecheck.drawRefusal(percent: 30, drawnOn: nil, unscored: 0))
    }

    func testTheCityRescoresOnlyASampledTargetAfterTheCountyAndOnce() {
        XCTAssertEqual(CityRecheck.refusal(inSample: false, countyScored: true, submitted: false), "该对象不在市级抽评样本中")
        XCTAssertEqual(
            CityRecheck.refusal(inSample: true, countyScored: false, submitted: false), "区（县）复评确定后才能进行市级抽评")
        XCTAssertEqual(CityRecheck.refusal(inSample: true, countyScored: true, submitted: true), "市级抽评已提交，不能再修改")
        XCTAssertNil(CityRecheck.refusal(inSample: true, countyScored: true, submitted: false))
        XCTAssertEqual(CityRecheck.difference(county: 86.5, city: 82), -4.5)
    }

    func testTheCountysAnswerReadsAsTheOfficeWritesIt() {
        let cases: [(IndicatorAnswer?, String)] = [
            (.yes, "是"), (.no, "否"), (.occurrences(3), "3 处"), (.share(0.855), "85.5%"), (.notApplicable, "不适用"),
            (.points(4.5), "4.5"), (.value(12), "12"), (.level("B"), "B"), (.text("已整改"), "已整改"), (nil, ""),
        ]
        for (answer, expected) in cases {
            XCTAssertEqual(RatingInput.display(answer), expected, "\(String(describing: answer))")
        }
    }
}
