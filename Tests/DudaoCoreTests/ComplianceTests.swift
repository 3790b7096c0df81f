import Foundation
import XCTest

@testable import DudaoCore

// The fixtures: inspector 1 is responsible for school 10 throughout 2026年秋季学期 (Sep 2026 … Jan 2027).
// Each test starts from a compliant situation and changes one thing.

private typealias Visit = ComplianceInput.VisitFacts
private typealias Span = ComplianceInput.AssignmentSpan
private typealias Plan = ComplianceInput.PlanFacts
private typealias Report = ComplianceInput.ReportFacts
private typealias Key = ComplianceResult.MonthKey

private func day(_ text: String) -> Day { Day(parsing: text)! }
private func ym(_ text: String) -> YearMonth { YearMonth(parsing: text)! }

private let autumn = Semester(startYear: 2026, kind: .autumn)
private let spring = Semester(startYear: 2027, kind: .spring)

/// A visit that satisfies every per-visit rule unless told otherwise.
private func visit(
    _ id: Int, school: Int = 10, on date: String, lead: Int = 1, members: [Int] = [], plan: Bool = true,
    observations: Int = 1, teachers: Int = 2, students: Int = 3
) -> Visit {
    Visit(
        id: id, schoolID: school, date: day(date), leadInspectorID: lead, memberIDs: members, hadPlanBefore: plan,
        observations: observations, teachersInterviewed: teachers, studentsInterviewed: students)
}

private func assigned(_ inspector: Int = 1, school: Int = 10, from start: String = "2026-08-20", to end: String? = nil)
    -> Span
{
    Span(inspectorID: inspector, schoolID: school, start: day(start), end: end.map(day))
}

/// One good visit in each month of the autumn semester, September to January.
private let monthlyVisits = [
    visit(1, on: "2026-09-10"), visit(2, on: "2026-10-12"), visit(3, on: "2026-11-05"),
    visit(4, on: "2026-12-03"), visit(5, on: "2027-01-08"),
]

private func evaluate(
    inspectors: [Int] = [1], assignments: [Span] = [assigned()], visits: [Visit] = monthlyVisits,
    plans: [Plan]? = nil, reports: [Report]? = nil, semester: Semester = autumn, today: String,
    settings: ComplianceSettings = ComplianceSettings()
) -> ComplianceResult {
    Compliance.evaluate(
        ComplianceInput(
            inspectorIDs: inspectors, assignments: assignments, visits: visits,
            filedPlans: plans ?? inspectors.map { Plan(inspectorID: $0, semester: semester) },
            reports: reports
                ?? inspectors.flatMap {
                    [
                        Report(inspectorID: $0, kind: .summary, semester: semester),
                        Report(inspectorID: $0, kind: .caseStudy, semester: semester),
                    ]
                },
            semester: semester, today: day(today), settings: settings))
}

private func states(_ r: ComplianceResult, inspector: Int = 1, school: Int = 10) -> [String: VisitState] {
    Dictionary(
        uniqueKeysWithValues: r.monthStates
            .filter { $0.key.inspectorID == inspector && $0.key.schoolID == school }
            .map { ($0.key.month.description, $0.value) })
}

private func rules(_ r: ComplianceResult) -> [ComplianceRule] { r.shortfalls.map(\.rule) }

private let allMet = Dictionary(uniqueKeysWithValues: ComplianceRule.allCases.map { ($0, RuleState.met) })

// MARK: - The whole picture

final class OverviewComplianceTests: XCTestCase {
    func testAnInspectorWhoDidEverythingMeetsAllSixRules() {
        let r = evaluate(today: "2027-02-10")
        XCTAssertEqual(r.shortfalls, [])
        XCTAssertEqual(r.ruleStates(inspectorID: 1), allMet)
        XCTAssertEqual(
            states(r),
            ["2026-09": .visited, "2026-10": .visited, "2026-11": .visited, "2026-12": .visited, "2027-01": .visited])
    }

    func testAMidSemesterSnapshot() {
        // Visited in September only; today is 20 November.
        let r = evaluate(visits: [visit(1, on: "2026-09-10")], reports: [], today: "2026-11-20")
        XCTAssertEqual(
            states(r),
            ["2026-09": .visited, "2026-10": .overdue, "2026-11": .due, "2026-12": .upcoming, "2027-01": .upcoming])
        XCTAssertEqual(r.shortfalls.count, 1)
        let s = r.shortfalls[0]
        XCTAssertEqual(s.rule, .monthlyVisit)
        XCTAssertEqual(s.inspectorID, 1)
        XCTAssertEqual(s.schoolID, 10)
        XCTAssertEqual(s.month, ym("2026-10"))
        XCTAssertNil(s.visitID)
        XCTAssertEqual(s.expected, 1)
        XCTAssertEqual(s.actual, 0)
        XCTAssertEqual(s.message, "2026年10月未到校督导（应至少1次，实际0次）")

        var expected = allMet
        expected[.monthlyVisit] = .short(1)
        expected[.summaryAndCase] = .pending
        XCTAssertEqual(r.ruleStates(inspectorID: 1), expected)
    }

    func testAnInspectorWithNoSchoolsHasNothingRequired() {
        let r = evaluate(inspectors: [1, 7], visits: [], plans: [], reports: [], today: "2027-02-10")
        // Inspector 1 (assigned) falls short; inspector 7 (no schools) has nothing required.
        XCTAssertEqual(r.shortfalls(inspectorID: 7), [])
        XCTAssertEqual(r.ruleStates(inspectorID: 7), allMet)
        XCTAssertTrue(r.monthStates.keys.allSatisfy { $0.inspectorID == 1 })
        XCTAssertEqual(r.visitsCount(inspectorID: 7, month: ym("2026-10")), 0)
        XCTAssertFalse(r.shortfalls(inspectorID: 1).isEmpty)
    }

    func testNoInspectorsAtAllGivesAnEmptyResult() {
        let r = Compliance.evaluate(
            ComplianceInput(
                inspectorIDs: [], assignments: [], visits: [], filedPlans: [], reports: [], semester: autumn,
                today: day("2026-11-20"), settings: ComplianceSettings()))
        XCTAssertEqual(r.shortfalls, [])
        XCTAssertTrue(r.monthStates.isEmpty)
        XCTAssertEqual(r.ruleStates(inspectorID: 1), allMet)
    }

    func testOnlyTheListedInspectorsAreEvaluated() {
        let r = evaluate(
            inspectors: [1], assignments: [assigned(), assigned(2, school: 20)],
            visits: [visit(9, school: 20, on: "2026-10-10", lead: 2, plan: false)], today: "2026-12-20")
        XCTAssertEqual(r.shortfalls(inspectorID: 2), [])
        XCTAssertTrue(r.monthStates.keys.allSatisfy { $0.inspectorID == 1 })
    }

    func testResultDoesNotDependOnInputOrder() {
        let visits = [
            visit(1, on: "2026-09-10", plan: false), visit(2, school: 11, on: "2026-09-12", students: 0),
            visit(3, on: "2026-10-12", lead: 2, observations: 0),
        ]
        let spans = [assigned(), assigned(school: 11), assigned(2)]
        let a = evaluate(inspectors: [1, 2], assignments: spans, visits: visits, reports: [], today: "2027-03-01")
        let b = evaluate(
            inspectors: [2, 1], assignments: spans.reversed(), visits: visits.reversed(), reports: [],
            today: "2027-03-01")
        XCTAssertEqual(a.shortfalls, b.shortfalls)
        XCTAssertEqual(a.monthStates, b.monthStates)
    }

    func testShortfallsAreSortedByInspectorRuleMonthSchoolAndVisit() {
        let r = evaluate(
            inspectors: [2, 1], assignments: [assigned(school: 11), assigned(), assigned(2)],
            visits: [
                visit(8, school: 11, on: "2026-09-20", plan: false, students: 1),
                visit(7, on: "2026-09-20", plan: false, students: 1),
                visit(6, on: "2026-09-05", plan: false),
                visit(5, on: "2026-09-10", lead: 2, observations: 0),
            ],
            plans: [], reports: [], today: "2026-10-15")
        let order = r.shortfalls.map { s in
            "\(s.inspectorID) \(s.rule.number) \(s.month?.description ?? "-") \(s.schoolID.map(String.init) ?? "-") \(s.visitID.map(String.init) ?? "-")"
        }
        XCTAssertEqual(
            order,
            [
                "1 1 - - -",  // area plan
                "1 2 2026-09 10 6",  // plans: school 10 before 11, then by visit
                "1 2 2026-09 10 7",
                "1 2 2026-09 11 8",
                "1 5 2026-09 10 7",
                "1 5 2026-09 11 8",
                "2 1 - - -",
                "2 4 2026-09 10 5",
            ])
    }
}

// MARK: - Rule 3: monthly visits

final class MonthlyVisitComplianceTests: XCTestCase {
    func testCurrentMonthIsDueNotOverdue() {
        let r = evaluate(visits: Array(monthlyVisits.prefix(2)), today: "2026-11-30")
        XCTAssertEqual(states(r)["2026-11"], .due)
        XCTAssertEqual(r.shortfalls, [])
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.monthlyVisit], .met)
    }

    func testCurrentMonthWithAVisitIsVisited() {
        let r = evaluate(visits: Array(monthlyVisits.prefix(3)), today: "2026-11-20")
        XCTAssertEqual(states(r)["2026-11"], .visited)
    }

    func testTheDayAfterAMonthEndsItBecomesOverdue() {
        let r = evaluate(visits: Array(monthlyVisits.prefix(2)), today: "2026-12-01")
        XCTAssertEqual(states(r)["2026-11"], .overdue)
        XCTAssertEqual(states(r)["2026-12"], .due)
        XCTAssertEqual(r.shortfalls.map(\.month), [ym("2026-11")])
    }

    func testFutureMonthsAreUpcomingAndNeverShort() {
        let r = evaluate(visits: [], reports: [], today: "2026-09-15")
        XCTAssertEqual(
            states(r),
            ["2026-09": .due, "2026-10": .upcoming, "2026-11": .upcoming, "2026-12": .upcoming, "2027-01": .upcoming])
        XCTAssertEqual(r.shortfalls, [])
    }

    func testBeforeTheSemesterEveryMonthIsUpcoming() {
        let r = evaluate(visits: [], plans: [], reports: [], today: "2026-08-25")
        XCTAssertTrue(r.monthStates.values.allSatisfy { $0 == .upcoming })
        XCTAssertEqual(r.monthStates.count, 5)
        XCTAssertEqual(r.shortfalls, [])
        XCTAssertEqual(r.ruleStates(inspectorID: 1), allMet)
    }

    func testEveryMissedMonthIsOneShortfall() {
        let r = evaluate(visits: [visit(1, on: "2026-10-10")], today: "2027-02-10")
        XCTAssertEqual(r.shortfalls.map(\.month), [ym("2026-09"), ym("2026-11"), ym("2026-12"), ym("2027-01")])
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.monthlyVisit], .short(4))
    }

    func testAVisitOnTheLastDayOfAMonthCountsForThatMonth() {
        let r = evaluate(
            visits: [visit(1, on: "2026-09-30"), visit(2, on: "2026-10-31"), visit(3, on: "2026-12-01")],
            today: "2026-12-15")
        XCTAssertEqual(states(r)["2026-09"], .visited)
        XCTAssertEqual(states(r)["2026-10"], .visited)
        XCTAssertEqual(states(r)["2026-11"], .overdue)  // 31 October did not count for November
        XCTAssertEqual(r.visitsCount(inspectorID: 1, month: ym("2026-10")), 1)
        XCTAssertEqual(r.visitsCount(inspectorID: 1, month: ym("2026-11")), 0)
    }

    func testAVisitToAnotherSchoolDoesNotCountForThisOne() {
        let r = evaluate(
            assignments: [assigned(), assigned(school: 11)],
            visits: [visit(1, on: "2026-09-10"), visit(2, school: 11, on: "2026-09-11"), visit(3, on: "2026-10-09")],
            today: "2026-11-05")
        XCTAssertEqual(states(r, school: 10)["2026-10"], .visited)
        XCTAssertEqual(states(r, school: 11)["2026-09"], .visited)
        XCTAssertEqual(states(r, school: 11)["2026-10"], .overdue)
        XCTAssertEqual(r.shortfalls.map(\.schoolID), [11])
        XCTAssertEqual(r.visitsCount(inspectorID: 1, month: ym("2026-09")), 2)
    }

    func testAFutureDatedVisitIsIgnored() {
        let r = evaluate(visits: [visit(1, on: "2026-09-10"), visit(2, on: "2026-11-25")], today: "2026-11-20")
        XCTAssertEqual(states(r)["2026-11"], .due)
        XCTAssertEqual(r.visitsCount(inspectorID: 1, month: ym("2026-11")), 0)
    }

    // Assignment spans

    func testSchoolAssignedMidMonthCoveringTenDaysIsNotRequiredThatMonth() {
        // 22–31 October: 10 days.
        let r = evaluate(assignments: [assigned(from: "2026-10-22")], visits: [], today: "2026-12-10")
        XCTAssertEqual(
            states(r),
            [
                "2026-10": .notRequired, "2026-11": .overdue, "2026-12": .due, "2027-01": .upcoming,
            ])
        XCTAssertEqual(r.shortfalls.filter { $0.rule == .monthlyVisit }.map(\.month), [ym("2026-11")])
    }

    func testSchoolAssignedMidMonthCoveringTwentyDaysIsRequiredThatMonth() {
        // 12–31 October: 20 days.
        let r = evaluate(assignments: [assigned(from: "2026-10-12")], visits: [], today: "2026-11-10")
        XCTAssertNil(states(r)["2026-09"])  // not yet assigned in September: no state at all
        XCTAssertEqual(states(r)["2026-10"], .overdue)
        XCTAssertEqual(r.shortfalls.filter { $0.rule == .monthlyVisit }.map(\.month), [ym("2026-10")])
    }

    func testFifteenCoveredDaysIsTheThreshold() {
        // 17–31 October = 15 days → required; 18–31 = 14 days → not.
        XCTAssertEqual(
            states(evaluate(assignments: [assigned(from: "2026-10-17")], visits: [], today: "2026-11-10"))["2026-10"],
            .overdue)
        XCTAssertEqual(
            states(evaluate(assignments: [assigned(from: "2026-10-18")], visits: [], today: "2026-11-10"))["2026-10"],
            .notRequired)
    }

    func testAShortlyCoveredMonthWithAVisitIsVisited() {
        let r = evaluate(
            assignments: [assigned(from: "2026-10-25")], visits: [visit(1, on: "2026-10-28")], today: "2026-11-10")
        XCTAssertEqual(states(r)["2026-10"], .visited)
    }

    func testAssignmentEndingMidSemester() {
        // Ends 10 October: September required, October (10 days) not, later months not assigned.
        let r = evaluate(
            assignments: [assigned(to: "2026-10-10")], visits: [], reports: [], today: "2027-02-10")
        XCTAssertEqual(states(r), ["2026-09": .overdue, "2026-10": .notRequired])
        XCTAssertEqual(r.shortfalls.filter { $0.rule == .monthlyVisit }.map(\.month), [ym("2026-09")])

        // Ends 20 October (end day inclusive): 20 days, so October is required too.
        let later = evaluate(assignments: [assigned(to: "2026-10-20")], visits: [], today: "2027-02-10")
        XCTAssertEqual(states(later), ["2026-09": .overdue, "2026-10": .overdue])
    }

    func testAssignmentEndingOnTheFifteenthIncludesThatDay() {
        let r = evaluate(assignments: [assigned(to: "2026-10-15")], visits: [], today: "2026-11-10")
        XCTAssertEqual(states(r)["2026-10"], .overdue)  // 1–15 October = 15 days
    }

    func testReassignmentSpansAddUpAndOverlapsCountOnce() {
        // 1–8 October and 25–31 October: 8 + 7 = 15 days → required.
        let split = evaluate(
            assignments: [assigned(from: "2026-09-01", to: "2026-10-08"), assigned(from: "2026-10-25")],
            visits: [], today: "2026-11-10")
        XCTAssertEqual(states(split)["2026-10"], .overdue)
        // 1–10 and 5–12 October overlap: 12 days → not required.
        let overlapping = evaluate(
            assignments: [
                assigned(from: "2026-09-01", to: "2026-10-10"), assigned(from: "2026-10-05", to: "2026-10-12"),
            ],
            visits: [visit(1, on: "2026-09-03")], today: "2026-11-10")
        XCTAssertEqual(states(overlapping)["2026-10"], .notRequired)
        XCTAssertEqual(overlapping.shortfalls, [])
    }

    func testSchoolAssignedInFebruaryWithTheWholeMonthIsRequiredEvenIfTheThresholdExceedsItsLength() {
        var settings = ComplianceSettings()
        settings.minAssignedDaysInMonth = 31
        let r = evaluate(
            assignments: [assigned(from: "2027-01-20")], visits: [], semester: spring, today: "2027-03-10",
            settings: settings)
        XCTAssertEqual(states(r)["2027-02"], .overdue)  // 28 of 28 days
        XCTAssertEqual(states(r)["2027-03"], .due)
    }

    // Vacation months

    func testJulyIsAVacationMonthByDefault() {
        let r = evaluate(
            visits: [
                visit(1, on: "2027-02-20"), visit(2, on: "2027-03-20"), visit(3, on: "2027-04-20"),
                visit(4, on: "2027-05-20"), visit(5, on: "2027-06-20"),
            ],
            semester: spring, today: "2027-08-15")
        XCTAssertEqual(states(r)["2027-07"], .notRequired)
        XCTAssertEqual(r.shortfalls, [])
    }

    func testAVisitDuringTheVacationIsStillShownAsVisited() {
        let r = evaluate(visits: [visit(1, on: "2027-07-05")], semester: spring, today: "2027-08-15")
        XCTAssertEqual(states(r)["2027-07"], .visited)
    }

    func testJanuaryIsRequiredByDefaultButNotWithAWinterVacationSetting() {
        let visits = Array(monthlyVisits.prefix(4))  // no January visit
        let byDefault = evaluate(visits: visits, today: "2027-02-10")
        XCTAssertEqual(states(byDefault)["2027-01"], .overdue)
        XCTAssertEqual(byDefault.shortfalls.map(\.message), ["2027年1月未到校督导（应至少1次，实际0次）"])

        var settings = ComplianceSettings()
        settings.vacationMonths = [1, 2, 7, 8]
        let withWinter = evaluate(visits: visits, today: "2027-02-10", settings: settings)
        XCTAssertEqual(states(withWinter)["2027-01"], .notRequired)
        XCTAssertEqual(withWinter.shortfalls, [])
    }

    func testFebruaryIsNotRequiredWithAWinterVacationSetting() {
        var settings = ComplianceSettings()
        settings.vacationMonths = [1, 2, 7, 8]
        let r = evaluate(visits: [], semester: spring, today: "2027-03-20", settings: settings)
        XCTAssertEqual(states(r)["2027-02"], .notRequired)
        XCTAssertEqual(states(r)["2027-03"], .due)
        XCTAssertEqual(r.shortfalls, [])
    }

    // Visits per month setting

    func testTwoVisitsAMonthSetting() {
        var settings = ComplianceSettings()
        settings.visitsPerSchoolPerMonth = 2
        let r = evaluate(
            visits: [
                visit(1, on: "2026-09-03"), visit(2, on: "2026-09-20"), visit(3, on: "2026-10-10"),
                visit(4, on: "2026-11-02"),
            ],
            today: "2026-11-20", settings: settings)
        XCTAssertEqual(
            states(r),
            [
                "2026-09": .visited, "2026-10": .overdue, "2026-11": .due, "2026-12": .upcoming, "2027-01": .upcoming,
            ])
        XCTAssertEqual(r.shortfalls.count, 1)
        XCTAssertEqual(r.shortfalls[0].expected, 2)
        XCTAssertEqual(r.shortfalls[0].actual, 1)
        XCTAssertEqual(r.shortfalls[0].message, "2026年10月到校督导次数不足（应至少2次，实际1次）")
    }

    // Team visits

    func testATeamVisitCreditsEveryMemberForTheMonth() {
        let r = evaluate(
            inspectors: [1, 2, 3],
            assignments: [assigned(1), assigned(2), assigned(3)],
            visits: [visit(1, on: "2026-09-15", lead: 1, members: [2, 3])],
            today: "2026-10-10")
        for inspector in [1, 2, 3] {
            XCTAssertEqual(states(r, inspector: inspector)["2026-09"], .visited, "inspector \(inspector)")
            XCTAssertEqual(r.visitsCount(inspectorID: inspector, month: ym("2026-09")), 1)
        }
        XCTAssertEqual(r.shortfalls, [])
    }

    func testATeamVisitsPerVisitShortfallsGoToTheLeadOnly() {
        let r = evaluate(
            inspectors: [1, 2],
            assignments: [assigned(1), assigned(2)],
            visits: [visit(1, on: "2026-09-15", lead: 1, members: [2], plan: false, observations: 0, students: 1)],
            today: "2026-10-10")
        XCTAssertEqual(rules(r), [.visitPlan, .observation, .interviews])
        XCTAssertTrue(r.shortfalls.allSatisfy { $0.inspectorID == 1 })
        XCTAssertEqual(r.ruleStates(inspectorID: 2)[.visitPlan], .met)
        XCTAssertEqual(states(r, inspector: 2)["2026-09"], .visited)
    }

    func testAMemberVisitingASchoolNotTheirsGetsCountedButNoMonthState() {
        let r = evaluate(
            inspectors: [1, 2], assignments: [assigned(1), assigned(2, school: 20)],
            visits: [
                visit(1, on: "2026-09-15", lead: 1, members: [2]), visit(2, school: 20, on: "2026-09-16", lead: 2),
            ],
            today: "2026-10-10")
        XCTAssertEqual(r.visitsCount(inspectorID: 2, month: ym("2026-09")), 2)
        XCTAssertNil(r.monthStates[Key(inspectorID: 2, schoolID: 10, month: ym("2026-09"))])
        XCTAssertEqual(r.monthStates[Key(inspectorID: 2, schoolID: 20, month: ym("2026-09"))], .visited)
    }

    func testTheLeadListedAgainAsAMemberCountsOnce() {
        let r = evaluate(visits: [visit(1, on: "2026-09-15", lead: 1, members: [1])], today: "2026-09-20")
        XCTAssertEqual(r.visitsCount(inspectorID: 1, month: ym("2026-09")), 1)
    }
}

// MARK: - Rules 2, 4, 5: every visit

final class PerVisitComplianceTests: XCTestCase {
    func testNoPlanBeforeTheVisitIsAVisitPlanShortfall() {
        let r = evaluate(visits: [visit(42, on: "2026-09-12", plan: false)], today: "2026-09-20")
        XCTAssertEqual(r.shortfalls.count, 1)
        let s = r.shortfalls[0]
        XCTAssertEqual(s.rule, .visitPlan)
        XCTAssertEqual(s.visitID, 42)
        XCTAssertEqual(s.schoolID, 10)
        XCTAssertEqual(s.month, ym("2026-09"))
        XCTAssertEqual(s.expected, 1)
        XCTAssertEqual(s.actual, 0)
        XCTAssertEqual(s.message, "2026年9月12日的督导事先没有制定督导方案")
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.visitPlan], .short(1))
    }

    func testNoObservationIsAnObservationShortfall() {
        let r = evaluate(visits: [visit(42, on: "2026-09-12", observations: 0)], today: "2026-09-20")
        XCTAssertEqual(rules(r), [.observation])
        XCTAssertEqual(r.shortfalls[0].message, "2026年9月12日的督导没有听课或参加教研活动（应至少1次）")
        XCTAssertEqual(r.shortfalls[0].expected, 1)
        XCTAssertEqual(r.shortfalls[0].actual, 0)
    }

    func testOneObservationIsEnoughByDefaultButNotWhenTheDistrictAsksForTwo() {
        XCTAssertEqual(evaluate(visits: [visit(1, on: "2026-09-12")], today: "2026-09-20").shortfalls, [])
        var settings = ComplianceSettings()
        settings.observationsPerVisit = 2
        let r = evaluate(visits: [visit(1, on: "2026-09-12")], today: "2026-09-20", settings: settings)
        XCTAssertEqual(rules(r), [.observation])
        XCTAssertEqual(r.shortfalls[0].message, "2026年9月12日的督导只听课或参加教研活动1次（应至少2次）")
    }

    func testOnlyOneStudentInterviewed() {
        let r = evaluate(visits: [visit(42, on: "2026-09-12", students: 1)], today: "2026-09-20")
        XCTAssertEqual(rules(r), [.interviews])
        let s = r.shortfalls[0]
        XCTAssertTrue(s.message.contains("1名学生"), s.message)
        XCTAssertEqual(s.message, "2026年9月12日的督导只访谈了1名学生（应至少3名）")
        XCTAssertEqual(s.expected, 5)  // 2 teachers + 3 students
        XCTAssertEqual(s.actual, 3)  // 2 teachers + 1 student
        XCTAssertEqual(s.visitID, 42)
    }

    func testTeachersAndStudentsBothMissingAreOneShortfallNamingBoth() {
        let r = evaluate(visits: [visit(42, on: "2026-09-12", teachers: 1, students: 0)], today: "2026-09-20")
        XCTAssertEqual(rules(r), [.interviews])
        XCTAssertEqual(
            r.shortfalls[0].message, "2026年9月12日的督导只访谈了1名教师（应至少2名），没有访谈学生（应至少3名）")
        XCTAssertEqual(r.shortfalls[0].actual, 1)
    }

    func testExactlyTwoTeachersAndThreeStudentsIsEnough() {
        let r = evaluate(visits: [visit(1, on: "2026-09-12", teachers: 2, students: 3)], today: "2026-09-20")
        XCTAssertEqual(r.shortfalls, [])
    }

    func testAKindergartenVisitIsMeasuredByStaffAndParentsNotStudents() {
        func kindergartenVisit(staff: Int, parents: Int) -> Visit {
            Visit(
                id: 7, schoolID: 10, date: day("2026-09-12"), leadInspectorID: 1, hadPlanBefore: true, observations: 1,
                teachersInterviewed: staff, studentsInterviewed: 0, atKindergarten: true, parentsInterviewed: parents)
        }
        let enough = evaluate(visits: [kindergartenVisit(staff: 2, parents: 3)], today: "2026-09-20")
        XCTAssertEqual(enough.shortfalls, [], "no students are interviewed at a kindergarten")

        let short = evaluate(visits: [kindergartenVisit(staff: 2, parents: 1)], today: "2026-09-20")
        XCTAssertEqual(short.shortfalls.map(\.message), ["2026年9月12日的督导只访谈了1名家长（应至少3名）"])
        XCTAssertEqual(short.shortfalls[0].expected, 5)

        var settings = ComplianceSettings()
        settings.kindergartenStaffPerVisit = 3
        settings.kindergartenParentsPerVisit = 2
        let district = evaluate(
            visits: [kindergartenVisit(staff: 2, parents: 2)], today: "2026-09-20", settings: settings)
        XCTAssertEqual(district.shortfalls.map(\.message), ["2026年9月12日的督导只访谈了2名教师或保育员（应至少3名）"])
    }

    func testTheKindergartenFiguresAreReadFromOlderSettingsAsTheirDefaults() throws {
        let old = try JSONDecoder().decode(ComplianceSettings.self, from: Data(#"{"teachersPerVisit":4}"#.utf8))
        XCTAssertEqual(old.teachersPerVisit, 4)
        XCTAssertEqual(old.kindergartenStaffPerVisit, 2)
        XCTAssertEqual(old.kindergartenParentsPerVisit, 3)
        XCTAssertTrue(ComplianceRule.interviews.requirement.contains("幼儿园：2名教师或保育员、3名家长"))
    }

    func testManyStudentsDoNotMakeUpForTooFewTeachers() {
        let r = evaluate(visits: [visit(1, on: "2026-09-12", teachers: 1, students: 30)], today: "2026-09-20")
        XCTAssertEqual(r.shortfalls.map(\.message), ["2026年9月12日的督导只访谈了1名教师（应至少2名）"])
    }

    func testThreeTeachersSetting() {
        let good = visit(1, on: "2026-09-12", teachers: 2, students: 3)
        XCTAssertEqual(evaluate(visits: [good], today: "2026-09-20").shortfalls, [])
        var settings = ComplianceSettings()
        settings.teachersPerVisit = 3
        let r = evaluate(visits: [good], today: "2026-09-20", settings: settings)
        XCTAssertEqual(r.shortfalls.map(\.message), ["2026年9月12日的督导只访谈了2名教师（应至少3名）"])
        XCTAssertEqual(r.shortfalls[0].expected, 6)
    }

    func testOneVisitCanFallShortOfThreeRulesAtOnce() {
        let r = evaluate(
            visits: [visit(1, on: "2026-09-12", plan: false, observations: 0, teachers: 0)], today: "2026-09-20")
        XCTAssertEqual(rules(r), [.visitPlan, .observation, .interviews])
    }

    func testEveryBadVisitCountsSeparately() {
        let r = evaluate(
            visits: [visit(1, on: "2026-09-12", plan: false), visit(2, on: "2026-09-19", plan: false)],
            today: "2026-09-20")
        XCTAssertEqual(r.shortfalls.map(\.visitID), [1, 2])
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.visitPlan], .short(2))
    }

    func testVisitsOutsideTheSemesterOrAfterTodayAreNotChecked() {
        let r = evaluate(
            visits: [
                visit(1, on: "2026-08-28", plan: false),  // summer holiday, before 1 September
                visit(2, on: "2027-02-03", plan: false),  // next semester
                visit(3, on: "2026-09-25", plan: false),  // after today
                visit(4, on: "2026-09-12"),
            ],
            today: "2026-09-20")
        XCTAssertEqual(r.shortfalls, [])
    }

    func testVisitsToSchoolsNotAssignedAreStillChecked() {
        let r = evaluate(visits: [visit(1, school: 99, on: "2026-09-12", plan: false)], today: "2026-09-20")
        XCTAssertEqual(rules(r), [.visitPlan])
        XCTAssertEqual(r.shortfalls[0].schoolID, 99)
    }
}

// MARK: - Rule 1: the area plan

final class AreaPlanComplianceTests: XCTestCase {
    func testMissingPlanIsShortOnceTheSemesterStarted() {
        let r = evaluate(plans: [], today: "2026-09-01")
        XCTAssertEqual(r.shortfalls.count, 1)
        let s = r.shortfalls[0]
        XCTAssertEqual(s.rule, .areaPlan)
        XCTAssertNil(s.schoolID)
        XCTAssertNil(s.month)
        XCTAssertNil(s.visitID)
        XCTAssertEqual(s.expected, 1)
        XCTAssertEqual(s.actual, 0)
        XCTAssertEqual(s.message, "2026年秋季学期的片区督导工作计划未报督导室备案")
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.areaPlan], .short(1))
    }

    func testFiledPlanMeetsTheRule() {
        let r = evaluate(plans: [Plan(inspectorID: 1, semester: autumn)], today: "2026-10-20")
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.areaPlan], .met)
    }

    func testAPlanForAnotherSemesterOrAnotherInspectorDoesNotCount() {
        let r = evaluate(
            plans: [Plan(inspectorID: 1, semester: autumn.previous), Plan(inspectorID: 2, semester: autumn)],
            today: "2026-10-20")
        XCTAssertEqual(rules(r), [.areaPlan])
    }

    func testNothingIsDueBeforeTheSemesterStarts() {
        let r = evaluate(plans: [], today: "2026-08-31")
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.areaPlan], .met)
    }

    func testAnAssignmentStartingLaterInTheSemesterIsNotYetCounted() {
        let r = evaluate(assignments: [assigned(from: "2026-11-01")], plans: [], today: "2026-10-20")
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.areaPlan], .met)
        let later = evaluate(assignments: [assigned(from: "2026-11-01")], plans: [], today: "2026-11-01")
        XCTAssertEqual(later.ruleStates(inspectorID: 1)[.areaPlan], .short(1))
    }

    func testAnAssignmentThatEndedBeforeTheSemesterDoesNotRequireAPlan() {
        let r = evaluate(
            assignments: [assigned(from: "2025-09-01", to: "2026-07-15")], visits: [], plans: [], reports: [],
            today: "2027-02-10")
        XCTAssertEqual(r.shortfalls, [])
        XCTAssertTrue(r.monthStates.isEmpty)
    }
}

// MARK: - Rule 6: summary and case study

final class SummaryAndCaseComplianceTests: XCTestCase {
    func testMissingReportsArePendingWhileTheSemesterRuns() {
        let r = evaluate(reports: [], today: "2027-01-31")
        XCTAssertEqual(r.shortfalls, [])
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.summaryAndCase], .pending)
    }

    func testMissingReportsAreShortAfterTheSemesterEnds() {
        let r = evaluate(reports: [], today: "2027-02-01")
        XCTAssertEqual(r.shortfalls.map(\.reportKind), [.summary, .caseStudy])
        XCTAssertEqual(
            r.shortfalls.map(\.message),
            ["2026年秋季学期未提交工作总结（应至少1份，实际0份）", "2026年秋季学期未提交督导案例（应至少1份，实际0份）"])
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.summaryAndCase], .short(2))
    }

    func testOnlyTheMissingKindIsShort() {
        let r = evaluate(reports: [Report(inspectorID: 1, kind: .summary, semester: autumn)], today: "2027-03-01")
        XCTAssertEqual(r.shortfalls.map(\.reportKind), [.caseStudy])
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.summaryAndCase], .short(1))
    }

    func testPresentReportsMeetTheRuleWhileRunningAndAfterwards() {
        XCTAssertEqual(evaluate(today: "2026-10-01").ruleStates(inspectorID: 1)[.summaryAndCase], .met)
        XCTAssertEqual(evaluate(today: "2027-03-01").ruleStates(inspectorID: 1)[.summaryAndCase], .met)
    }

    func testReportsForAnotherSemesterDoNotCount() {
        let r = evaluate(
            reports: [
                Report(inspectorID: 1, kind: .summary, semester: spring),
                Report(inspectorID: 1, kind: .caseStudy, semester: autumn.previous),
            ],
            today: "2027-03-01")
        XCTAssertEqual(r.ruleStates(inspectorID: 1)[.summaryAndCase], .short(2))
    }

    func testTwoSummariesSetting() {
        var settings = ComplianceSettings()
        settings.summariesPerSemester = 2
        let running = evaluate(today: "2026-12-01", settings: settings)
        XCTAssertEqual(running.ruleStates(inspectorID: 1)[.summaryAndCase], .pending)
        let ended = evaluate(today: "2027-02-10", settings: settings)
        XCTAssertEqual(ended.shortfalls.map(\.message), ["2026年秋季学期工作总结不足（应至少2份，实际1份）"])
        XCTAssertEqual(ended.shortfalls[0].expected, 2)
        XCTAssertEqual(ended.shortfalls[0].actual, 1)
    }
}

// MARK: - Vocabulary and settings

final class VocabularyComplianceTests: XCTestCase {
    func testRulesAreNumberedOneToSixInOrder() {
        XCTAssertEqual(ComplianceRule.allCases.map(\.number), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(
            ComplianceRule.allCases.map(\.label), ["学期片区计划", "督导前方案", "每月到校督导", "听课或教研", "访谈师生", "总结与案例"])
        XCTAssertEqual(ComplianceRule.areaPlan.requirement, "每学期制定一份片区督导工作计划并报督导室备案")
        XCTAssertTrue(ComplianceRule.allCases.allSatisfy { !$0.requirement.isEmpty })
        XCTAssertEqual(ComplianceRule(label: "访谈师生"), .interviews)
    }

    func testRequirementsQuoteTheDistrictsFigures() {
        XCTAssertEqual(ComplianceRule.interviews.requirement, "每次督导至少访谈2名教师、3名学生（幼儿园：2名教师或保育员、3名家长）")
        XCTAssertEqual(ComplianceRule.monthlyVisit.requirement, "每月至少到每所责任学校督导1次（7月、8月除外）")
        var settings = ComplianceSettings()
        settings.teachersPerVisit = 3
        settings.vacationMonths = [8, 7, 2, 1]
        XCTAssertEqual(ComplianceRule.interviews.requirement(settings), "每次督导至少访谈3名教师、3名学生（幼儿园：2名教师或保育员、3名家长）")
        XCTAssertEqual(
            ComplianceRule.monthlyVisit.requirement(settings), "每月至少到每所责任学校督导1次（1月、2月、7月、8月除外）")
    }

    func testVisitStateAndRuleStateLabels() {
        XCTAssertEqual(
            [VisitState.visited, .due, .overdue, .notRequired, .upcoming].map(\.label),
            ["已督导", "本月待督导", "逾期未督导", "无需督导", "未到月份"])
        XCTAssertEqual(RuleState.met.label, "达标")
        XCTAssertEqual(RuleState.pending.label, "待完成")
        XCTAssertEqual(RuleState.short(3).label, "未达标（3项）")
        XCTAssertEqual(ReportKind.summary.label, "工作总结")
        XCTAssertEqual(ReportKind.caseStudy.label, "督导案例")
    }

    func testDefaultSettingsAreThoseOfTheSixOnes() {
        let s = ComplianceSettings()
        XCTAssertEqual(s.visitsPerSchoolPerMonth, 1)
        XCTAssertEqual(s.observationsPerVisit, 1)
        XCTAssertEqual(s.teachersPerVisit, 2)
        XCTAssertEqual(s.studentsPerVisit, 3)
        XCTAssertEqual(s.summariesPerSemester, 1)
        XCTAssertEqual(s.casesPerSemester, 1)
        XCTAssertEqual(s.vacationMonths, [7, 8])
        XCTAssertEqual(s.minAssignedDaysInMonth, 15)
    }

    func testSettingsDecodeWithMissingKeysAsDefaultsAndEncodeStably() throws {
        XCTAssertEqual(try JSONDecoder().decode(ComplianceSettings.self, from: Data("{}".utf8)), ComplianceSettings())
        let partial = try JSONDecoder().decode(
            ComplianceSettings.self, from: Data(#"{"teachersPerVisit":3,"vacationMonths":[1,2,7,8]}"#.utf8))
        var expected = ComplianceSettings()
        expected.teachersPerVisit = 3
        expected.vacationMonths = [1, 2, 7, 8]
        XCTAssertEqual(partial, expected)

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(expected), as: UTF8.self)
        XCTAssertTrue(json.contains(#""vacationMonths":[1,2,7,8]"#), json)
        XCTAssertEqual(try JSONDecoder().decode(ComplianceSettings.self, from: Data(json.utf8)), expected)
    }

    func testShortfallsEncodeForTheAPI() throws {
        let r = evaluate(visits: [visit(1, on: "2026-10-12", students: 1)], today: "2026-10-20")
        let data = try JSONEncoder().encode(r.shortfalls)
        XCTAssertEqual(try JSONDecoder().decode([Shortfall].self, from: data), r.shortfalls)
    }
}
