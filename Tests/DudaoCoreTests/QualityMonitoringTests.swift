import DudaoCore
import XCTest

/// 国家义务教育质量监测: the subject cycle, the steps' dates and status, the sample drawn the same way twice.
final class QualityMonitoringTests: XCTestCase {
    func testThreeSubjectsAYearInAThreeYearCycle() {
        XCTAssertEqual(QualityMonitoring.subjects(2024), ["数学", "体育与健康", "心理健康"])
        XCTAssertEqual(QualityMonitoring.subjects(2025), ["语文", "艺术", "英语"])
        XCTAssertEqual(QualityMonitoring.subjects(2026), ["德育", "科学", "劳动"])
        XCTAssertEqual(QualityMonitoring.subjects(2027), QualityMonitoring.subjects(2024))
        XCTAssertEqual(QualityMonitoring.subjects(2021), QualityMonitoring.subjects(2024))
    }

    func testEveryStepHasADateAroundTheTestDay() {
        let testDay = Day(year: 2026, month: 12, day: 10)!
        let steps = QualityMonitoring.steps(testDay: testDay)
        XCTAssertEqual(steps.first?.due, Day(year: 2026, month: 10, day: 26))
        XCTAssertTrue(steps.contains { $0.due == testDay && $0.title.hasPrefix("测试日") })
        XCTAssertEqual(steps.last?.due, Day(year: 2026, month: 12, day: 17))
        XCTAssertEqual(steps.map(\.due), steps.map(\.due).sorted())
    }

    func testAStepsStatusToday() {
        let due = Day(year: 2026, month: 12, day: 3)!
        func status(_ today: Day, done: Day? = nil) -> QualityMonitoring.StepStatus {
            QualityMonitoring.status(due: due, doneOn: done, today: today)
        }
        XCTAssertEqual(status(Day(year: 2026, month: 11, day: 29)!), .waiting)
        XCTAssertEqual(status(Day(year: 2026, month: 11, day: 30)!), .dueSoon)
        XCTAssertEqual(status(due), .dueSoon)
        XCTAssertEqual(status(due.adding(days: 1)), .late)
        XCTAssertEqual(status(due.adding(days: 9), done: due), .done)
    }

    func testTheSampleIsDrawnTheSameWayForTheSameSeedWithoutRepeats() {
        let ids = Array(1...50)
        let a = QualityMonitoring.draw(ids, count: 12, seed: 2026)
        XCTAssertEqual(a, QualityMonitoring.draw(ids.reversed(), count: 12, seed: 2026))
        XCTAssertEqual(Set(a).count, 12)
        XCTAssertNotEqual(a, QualityMonitoring.draw(ids, count: 12, seed: 2027))
        XCTAssertEqual(QualityMonitoring.draw([3, 1], count: 12, seed: 1), [1, 3], "fewer candidates: all of them")
    }
}
