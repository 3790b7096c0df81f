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
}
