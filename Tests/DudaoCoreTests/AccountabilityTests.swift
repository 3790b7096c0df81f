import DudaoCore
import XCTest

final class AccountabilityTests: XCTestCase {
    let notified = Day(year: 2026, month: 11, day: 2)!

    func testEveryMeasureBelongsToAUnitOrAPerson() {
        XCTAssertEqual(AccountabilityMeasure.measures(for: .unit).map(\.label), ["公开批评", "约谈", "通报", "调整资源配置", "行政处罚"])
        XCTAssertEqual(
            AccountabilityMeasure.measures(for: .person).map(\.label), ["责令检查", "约谈", "通报批评", "组织处理", "处分", "移送有关机关"])
        XCTAssertEqual(Set(AccountabilityMeasure.allCases.map(\.target)), [.unit, .person])
    }

    func testTheAppealWindowIsFifteenDaysIncludingTheLastOne() {
        XCTAssertEqual(Accountability.appealDeadline(notifiedOn: notified), Day(year: 2026, month: 11, day: 17))
        for offset in 0...15 {
            XCTAssertNil(
                Accountability.mayRespond(state: .decided, notifiedOn: notified, today: notified.adding(days: offset)),
                "day \(offset)")
        }
        let late = Accountability.mayRespond(state: .decided, notifiedOn: notified, today: notified.adding(days: 16))
        XCTAssertEqual(late, .late(deadline: Day(year: 2026, month: 11, day: 17)!))
        XCTAssertEqual(late?.message, "申辩期已于2026年11月17日届满，不能再提交申辩")
    }

    func testAnsweredOrFinishedDecisionsTakeNoMoreResponses() {
        XCTAssertEqual(
            Accountability.mayRespond(state: .responded, notifiedOn: notified, today: notified), .alreadyAnswered)
        for state in [AccountabilityState.upheld, .changed, .withdrawn] {
            XCTAssertEqual(Accountability.mayRespond(state: state, notifiedOn: notified, today: notified), .closed)
        }
    }

    func testTheOfficeDecidesTheOutcomeAfterAResponseOrAfterTheWindow() {
        XCTAssertEqual(
            Accountability.outcomesOpen(state: .decided, notifiedOn: notified, today: notified), [.withdrawn])
        XCTAssertEqual(
            Accountability.outcomesOpen(state: .responded, notifiedOn: notified, today: notified),
            [.upheld, .changed, .withdrawn])
        XCTAssertEqual(
            Accountability.outcomesOpen(state: .decided, notifiedOn: notified, today: notified.adding(days: 16)),
            [.upheld, .changed, .withdrawn])
        XCTAssertEqual(
            Accountability.outcomesOpen(state: .upheld, notifiedOn: notified, today: notified.adding(days: 40)), [])
    }

    func testASecondMeasureInOneYearIsAggravating() {
        XCTAssertFalse(Accountability.isAggravating(earlierThisYear: 0))
        XCTAssertTrue(Accountability.isAggravating(earlierThisYear: 1))
        XCTAssertTrue(Accountability.isAggravating(earlierThisYear: 5))
    }

    func testTimerStepsOnlyProposeMeasures() {
        XCTAssertNil(Accountability.proposedMeasure(for: .reminder, target: .unit))
        XCTAssertEqual(Accountability.proposedMeasure(for: .interview, target: .unit), .unitInterview)
        XCTAssertEqual(Accountability.proposedMeasure(for: .interview, target: .person), .personInterview)
        XCTAssertEqual(Accountability.proposedMeasure(for: .publicNotice, target: .unit), .circulatedNotice)
        XCTAssertEqual(Accountability.proposedMeasure(for: .publicNotice, target: .person), .circulatedCriticism)
    }

    func testAnOverdueComplaintIsNeverTheSchoolsFault() {
        for state in ComplaintState.allCases {
            XCTAssertNotEqual(Accountability.responsibleForOverdueComplaint(state: state), .school, state.rawValue)
        }
        XCTAssertEqual(Accountability.responsibleForOverdueComplaint(state: .received), .office)
        XCTAssertEqual(Accountability.responsibleForOverdueComplaint(state: .verifying), .inspector)
    }

    // MARK: - The decision form

    let today = Day(year: 2026, month: 11, day: 30)!

    func valid() -> AccountabilityInput {
        AccountabilityInput(
            target: "unit", targetName: "城关街道中心小学", measure: "unitInterview",
            reason: "整改通知书逾期二十天未报送整改报告，经提醒仍未整改。", documentNumber: "城督问〔2026〕1号", decidedOn: "2026-11-30")
    }

    func testACompleteDecisionIsAccepted() throws {
        guard case .success(let values) = valid().check(today: today) else { return XCTFail("refused") }

        XCTAssertEqual(values.measure, .unitInterview)
        XCTAssertEqual(values.decidedOn, today)
        XCTAssertEqual(values.targetName, "城关街道中心小学")
    }

    func testEachMissingOrWrongFieldHasItsMessage() {
        let cases: [(AccountabilityInput, String, String)] = [
            (AccountabilityInput(), "target", "请选择问责对象是单位还是个人"),
            (AccountabilityInput(), "targetName", "请填写问责对象名称"),
            (AccountabilityInput(), "measure", "请选择问责方式"),
            (AccountabilityInput(), "reason", "请写明问责事由（至少10个字）"),
            (AccountabilityInput(), "documentNumber", "请填写文号"),
            (AccountabilityInput(), "decidedOn", "请填写决定日期（如 2026-11-30）"),
            (with { $0.measure = "personInterview" }, "measure", "“约谈”适用于个人，与问责对象不符"),
            (
                with {
                    $0.measure = "publicCriticism"
                    $0.target = "person"
                }, "measure", "“公开批评”适用于单位，与问责对象不符"
            ),
            (with { $0.reason = String(repeating: "逾", count: 2001) }, "reason", "问责事由不能超过2000个字"),
            (with { $0.targetName = String(repeating: "校", count: 51) }, "targetName", "问责对象名称不能超过50个字"),
            (with { $0.decidedOn = "2026-12-01" }, "decidedOn", "决定日期不能晚于今天"),
            (with { $0.decidedOn = "1999-12-31" }, "decidedOn", "请填写正确的决定日期"),
            (with { $0.decidedOn = "2026-02-30" }, "decidedOn", "请填写决定日期（如 2026-11-30）"),
        ]
        for (input, field, message) in cases {
            guard case .failure(let errors) = input.check(today: today) else {
                XCTFail("accepted: \(input)")
                continue
            }
            XCTAssertEqual(errors.first { $0.field == field }?.message, message, "\(field) of \(input)")
        }
    }

    func with(_ change: (inout AccountabilityInput) -> Void) -> AccountabilityInput {
        var input = valid()
        change(&input)
        return input
    }
}
