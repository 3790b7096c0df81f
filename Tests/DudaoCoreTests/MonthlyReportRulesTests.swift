import DudaoCore
import XCTest

/// 督导月报: when it is due, how late it is, who may do what in each state.
final class MonthlyReportRulesTests: XCTestCase {
    let october = YearMonth(year: 2026, month: 10)
    let november30 = Day(year: 2026, month: 11, day: 30)!

    func testItIsDueOnTheThirdWorkingDayOfTheNextMonth() {
        // 31 October 2026 is a Saturday: Monday 2, Tuesday 3, Wednesday 4 November.
        XCTAssertEqual(MonthlyReportRules.due(october, calendar: WorkingCalendar()), Day(year: 2026, month: 11, day: 4))
        let holidays = WorkingCalendar(holidays: [Day(year: 2026, month: 11, day: 2)!])
        XCTAssertEqual(MonthlyReportRules.due(october, calendar: holidays), Day(year: 2026, month: 11, day: 5))
    }

    func testLatenessCountsToTheSubmissionOrToToday() {
        let due = Day(year: 2026, month: 11, day: 4)!
        XCTAssertNil(MonthlyReportRules.daysLate(due: due, submitted: due, today: november30))
        XCTAssertEqual(MonthlyReportRules.daysLate(due: due, submitted: due.adding(days: 4), today: november30), 4)
        XCTAssertEqual(MonthlyReportRules.daysLate(due: due, submitted: nil, today: november30), 26)
        XCTAssertNil(MonthlyReportRules.daysLate(due: due, submitted: nil, today: due))
    }

    func testWhoMayDoWhatInEachState() {
        typealias A = MonthlyReportRules.Action
        func next(_ s: MonthlyReportState, _ a: A, author: Bool = false, office: Bool = false, comment: String = "")
            -> Result<MonthlyReportState, MonthlyReportRules.Refusal>
        {
            MonthlyReportRules.next(
                s, a, isAuthor: author, isOffice: office, month: october, today: november30, comment: comment)
        }
        XCTAssertEqual(try next(.draft, .submit, author: true).get(), .submitted)
        XCTAssertEqual(try next(.returned, .submit, author: true).get(), .submitted)
        XCTAssertEqual(try next(.draft, .save, author: true).get(), .draft)
        XCTAssertEqual(next(.draft, .submit, office: true), .failure(.notYours))
        XCTAssertEqual(next(.submitted, .save, author: true), .failure(.wrongState(.submitted)))
        XCTAssertEqual(next(.received, .submit, author: true), .failure(.wrongState(.received)))
        XCTAssertEqual(try next(.submitted, .receive, office: true).get(), .received)
        XCTAssertEqual(next(.submitted, .giveBack, office: true), .failure(.commentRequired))
        XCTAssertEqual(try next(.submitted, .giveBack, office: true, comment: "请补充").get(), .returned)
        XCTAssertEqual(next(.submitted, .receive, author: true), .failure(.officeOnly))
        XCTAssertEqual(next(.draft, .receive, office: true), .failure(.wrongState(.draft)))
        // November's report cannot be submitted on 20 November, but can in its last week.
        let early = MonthlyReportRules.next(
            .draft, .submit, isAuthor: true, isOffice: false, month: YearMonth(year: 2026, month: 11),
            today: Day(year: 2026, month: 11, day: 20)!)
        XCTAssertEqual(early, .failure(.monthNotOver))
    }

    func testTheSummaryIsWrittenFromTheFiguresOnly() {
        var f = MonthlyReportFigures()
        XCTAssertEqual(f.summary(month: october), "2026年10月没有到校督导记录。")
        f.visits = 3
        f.schools = 2
        f.observations = 3
        f.interviews = 8
        f.problemsFound = 1
        XCTAssertEqual(f.summary(month: october), "2026年10月到2所学校督导3次，听课3节，访谈8人次，发现问题1个。")
    }
}
