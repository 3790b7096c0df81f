import XCTest

@testable import DudaoCore

final class YearRolloverTests: XCTestCase {
    let yearStart = Day(year: 2027, month: 9, day: 1)!

    func holder(
        _ id: Int, active: Bool = true, termEnd: String? = "2029-08-31", duties: [InspectorDuty] = [.responsible],
        load: Int = 1
    ) -> YearRollover.Holder {
        .init(
            id: id, name: "督学\(id)", active: active, termEnd: termEnd.flatMap(Day.init(parsing:)), duties: duties,
            load: load)
    }

    func current(_ a: Int, school: Int, inspector: Int, open: Bool = true) -> YearRollover.Current {
        .init(assignmentID: a, schoolID: school, schoolName: "学校\(school)", schoolOpen: open, inspectorID: inspector)
    }

    func propose(
        _ current: [YearRollover.Current], _ holders: [YearRollover.Holder], limit: Int = 5, special: Bool = false
    )
        -> [YearRollover.Proposal]
    {
        YearRollover.propose(
            current, holders: holders, yearStart: yearStart, limit: limit, specialMayBeResponsible: special)
    }

    func testAnInspectorWhoMayGoOnKeepsTheSchool() {
        let p = propose([current(1, school: 10, inspector: 1)], [holder(1)])
        XCTAssertEqual(p.map(\.action), [.keep])
        XCTAssertEqual(p[0].reason, "")
    }

    func testARetiredInspectorsSchoolMovesToTheLeastLoadedEligibleOne() {
        let p = propose(
            [current(1, school: 10, inspector: 1)],
            [holder(1, active: false), holder(2, load: 4), holder(3, load: 2), holder(4, load: 2)])
        XCTAssertEqual(p.map(\.action), [.move(to: 3)], "fewest schools, the lower id on a tie")
        XCTAssertEqual(p[0].reason, "督学1已离任，改由督学3负责")
    }

    func testATermEndingBeforeTheYearMovesTheSchoolAndAnEndingAfterItKeepsIt() {
        let p = propose(
            [current(1, school: 10, inspector: 1), current(2, school: 11, inspector: 2)],
            [holder(1, termEnd: "2027-08-31"), holder(2, termEnd: "2027-09-01"), holder(3, load: 0)])
        XCTAssertEqual(p.map(\.action), [.move(to: 3), .keep])
        XCTAssertTrue(p[0].reason.hasPrefix("督学1聘期至2027年8月31日结束"))
    }

    func testASpecialInspectorHandsOverUnlessTheDistrictAllowsIt() {
        let holders = [holder(1, duties: [.special]), holder(2, load: 0)]
        XCTAssertEqual(propose([current(1, school: 10, inspector: 1)], holders).map(\.action), [.move(to: 2)])
        XCTAssertEqual(propose([current(1, school: 10, inspector: 1)], holders, special: true).map(\.action), [.keep])
        XCTAssertEqual(
            propose(
                [current(1, school: 10, inspector: 2)],
                [holder(2, active: false), holder(1, duties: [.special], load: 0)]
            )
            .map(\.action),
            [.end], "a special inspector does not take schools either")
    }

    func testWhenEveryoneIsFullTheSchoolIsLeftUncoveredAndSaysWhy() {
        let p = propose(
            [current(1, school: 10, inspector: 1)], [holder(1, active: false), holder(2, load: 5)], limit: 5)
        XCTAssertEqual(p.map(\.action), [.end])
        XCTAssertTrue(p[0].reason.contains("没有可接任的督学（均已满5所）"))
    }

    func testMovesFillUpTheLeastLoadedInTurn() {
        let p = propose(
            [
                current(1, school: 10, inspector: 1), current(2, school: 11, inspector: 1),
                current(3, school: 12, inspector: 1),
            ],
            [holder(1, active: false, load: 3), holder(2, load: 1), holder(3, load: 2)], limit: 3)
        XCTAssertEqual(p.map(\.action), [.move(to: 2), .move(to: 2), .move(to: 3)])
        let loads = YearRollover.loads(
            after: Dictionary(uniqueKeysWithValues: p.map { ($0.current.assignmentID, $0.action) }),
            current: p.map(\.current),
            holders: [holder(1, active: false, load: 3), holder(2, load: 1), holder(3, load: 2)])
        XCTAssertEqual(loads, [1: 0, 2: 3, 3: 3])
    }

    func testAClosedSchoolsAssignmentEnds() {
        let p = propose([current(1, school: 10, inspector: 1, open: false)], [holder(1)])
        XCTAssertEqual(p.map(\.action), [.end])
        XCTAssertEqual(p[0].reason, "学校已停办")
    }

    func testFormValuesRoundTripAndNonsenseIsRefused() {
        for a in [YearRollover.Action.keep, .end, .move(to: 12)] {
            XCTAssertEqual(YearRollover.Action(formValue: a.formValue), a)
        }
        for bad in ["", "move:", "move:-1", "move:x", "stay", "move:9223372036854775808"] {
            XCTAssertNil(YearRollover.Action(formValue: bad), bad)
        }
    }
}
