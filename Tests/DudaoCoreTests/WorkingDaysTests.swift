import XCTest

@testable import DudaoCore

private func d(_ text: String) -> Day { Day(parsing: text)! }

/// National Day 2026: 1–7 October off (Thursday to Wednesday); Sunday 27 September and
/// Saturday 10 October are worked instead.
private let nationalDay = WorkingCalendar(
    holidays: Set((1...7).map { d("2026-10-0\($0)") }),
    makeUpWorkdays: [d("2026-09-27"), d("2026-10-10")])

private let plain = WorkingCalendar()

/// A small deterministic generator, so property checks are repeatable.

final class WorkingDaysWeekdayTests: XCTestCase {
    func testWeekdayFromOrdinal() {
        XCTAssertEqual(d("1970-01-01").isoWeekday, 4, "1970-01-01 was a Thursday")
        XCTAssertEqual(d("1969-12-31").isoWeekday, 3, "before the epoch too")
        XCTAssertEqual(d("1969-12-28").isoWeekday, 7)
        XCTAssertEqual(d("2026-03-06").isoWeekday, 5)
        XCTAssertEqual(d("2026-09-27").isoWeekday, 7)
        XCTAssertEqual(d("2026-10-01").isoWeekday, 4)
        XCTAssertEqual(d("2026-10-10").isoWeekday, 6)
        XCTAssertEqual(d("2026-10-12").isoWeekday, 1)
        XCTAssertEqual(d("2026-10-12").chineseWeekday, "星期一")
        XCTAssertEqual(d("2026-10-11").chineseWeekday, "星期日")
        XCTAssertTrue(d("2026-10-10").isWeekend)
        XCTAssertFalse(d("2026-10-09").isWeekend)
    }

    func testWeekdaysCycleThroughEveryDayOfSeveralYears() {
        var expected = d("2025-12-29").isoWeekday  // a Monday
        XCTAssertEqual(expected, 1)
        for ordinal in d("2025-12-29").ordinal...d("2028-01-02").ordinal {
            XCTAssertEqual(Day(ordinal: ordinal).isoWeekday, expected)
            expected = expected % 7 + 1
        }
    }
}

final class WorkingDaysTests: XCTestCase {
    func testPlainWeekIsMondayToFriday() {
        let week = (9...15).map { d("2026-03-\(String(format: "%02d", $0))") }  // Mon 9 … Sun 15
        XCTAssertEqual(week.map(plain.isWorkingDay), [true, true, true, true, true, false, false])
    }

    func testHolidaysAndMakeUpDays() {
        XCTAssertTrue(nationalDay.isWorkingDay(d("2026-09-27")), "Sunday worked in exchange")
        XCTAssertFalse(nationalDay.isWorkingDay(d("2026-09-26")), "an ordinary Saturday")
        XCTAssertTrue(nationalDay.isWorkingDay(d("2026-09-30")))
        for day in 1...7 { XCTAssertFalse(nationalDay.isWorkingDay(d("2026-10-0\(day)")), "October \(day)") }
        XCTAssertTrue(nationalDay.isWorkingDay(d("2026-10-08")))
        XCTAssertTrue(nationalDay.isWorkingDay(d("2026-10-09")))
        XCTAssertTrue(nationalDay.isWorkingDay(d("2026-10-10")), "Saturday worked in exchange")
        XCTAssertFalse(nationalDay.isWorkingDay(d("2026-10-11")))
        XCTAssertTrue(nationalDay.isWorkingDay(d("2026-10-12")))
    }

    func testAWeekdayListedAsMakeUpOrAWeekendListedAsHolidayChangesNothing() {
        let odd = WorkingCalendar(holidays: [d("2026-10-03")], makeUpWorkdays: [d("2026-10-12")])
        XCTAssertFalse(odd.isWorkingDay(d("2026-10-03")))
        XCTAssertTrue(odd.isWorkingDay(d("2026-10-12")))
        let both = WorkingCalendar(holidays: [d("2026-10-12"), d("2026-10-10")], makeUpWorkdays: [d("2026-10-10")])
        XCTAssertFalse(both.isWorkingDay(d("2026-10-12")), "a weekday holiday stays off")
        XCTAssertTrue(both.isWorkingDay(d("2026-10-10")), "a weekend make-up day is worked")
    }

    func testAddingFromAFridayInAnOrdinaryWeek() {
        let friday = d("2026-03-06")
        XCTAssertEqual(plain.adding(workingDays: 0, to: friday), friday)
        XCTAssertEqual(plain.adding(workingDays: 1, to: friday), d("2026-03-09"))
        XCTAssertEqual(plain.adding(workingDays: 5, to: friday), d("2026-03-13"))
        XCTAssertEqual(plain.adding(workingDays: 6, to: friday), d("2026-03-16"))
        XCTAssertEqual(plain.adding(workingDays: 10, to: friday), d("2026-03-20"))
    }

    func testAddingFromASaturdayDoesNotCountTheStart() {
        XCTAssertEqual(plain.adding(workingDays: 0, to: d("2026-03-07")), d("2026-03-07"))
        XCTAssertEqual(plain.adding(workingDays: 1, to: d("2026-03-07")), d("2026-03-09"))
        XCTAssertEqual(plain.adding(workingDays: 1, to: d("2026-03-08")), d("2026-03-09"))
    }

    func testAddingFromTheFridayBeforeNationalDay() {
        let friday = d("2026-09-25")
        XCTAssertEqual(nationalDay.adding(workingDays: 0, to: friday), friday)
        XCTAssertEqual(nationalDay.adding(workingDays: 1, to: friday), d("2026-09-27"), "the make-up Sunday")
        XCTAssertEqual(nationalDay.adding(workingDays: 4, to: friday), d("2026-09-30"))
        XCTAssertEqual(nationalDay.adding(workingDays: 5, to: friday), d("2026-10-08"), "skips the holiday week")
        XCTAssertEqual(nationalDay.adding(workingDays: 7, to: friday), d("2026-10-10"), "the make-up Saturday")
        XCTAssertEqual(nationalDay.adding(workingDays: 8, to: friday), d("2026-10-12"))
    }

    func testAddingFromAHoliday() {
        XCTAssertEqual(nationalDay.adding(workingDays: 0, to: d("2026-10-01")), d("2026-10-01"))
        XCTAssertEqual(nationalDay.adding(workingDays: 1, to: d("2026-10-01")), d("2026-10-08"))
        XCTAssertEqual(nationalDay.adding(workingDays: 1, to: d("2026-10-03")), d("2026-10-08"))
        XCTAssertEqual(nationalDay.adding(workingDays: 3, to: d("2026-10-03")), d("2026-10-10"))
        XCTAssertEqual(nationalDay.adding(workingDays: 4, to: d("2026-10-03")), d("2026-10-12"))
        XCTAssertEqual(nationalDay.adding(workingDays: 5, to: d("2026-10-07")), d("2026-10-13"))
    }

    func testAddingNegativeCountsBackwards() {
        XCTAssertEqual(nationalDay.adding(workingDays: -1, to: d("2026-10-08")), d("2026-09-30"))
        XCTAssertEqual(nationalDay.adding(workingDays: -4, to: d("2026-10-08")), d("2026-09-27"))
        XCTAssertEqual(nationalDay.adding(workingDays: -5, to: d("2026-10-08")), d("2026-09-25"))
        XCTAssertEqual(plain.adding(workingDays: -1, to: d("2026-03-09")), d("2026-03-06"))
    }

    func testCountingWorkingDaysInRanges() {
        XCTAssertEqual(plain.workingDays(from: d("2026-03-06"), to: d("2026-03-06")), 0)
        XCTAssertEqual(plain.workingDays(from: d("2026-03-06"), to: d("2026-03-08")), 0, "Friday to Sunday")
        XCTAssertEqual(plain.workingDays(from: d("2026-03-06"), to: d("2026-03-09")), 1)
        XCTAssertEqual(plain.workingDays(from: d("2026-03-06"), to: d("2026-03-13")), 5)
        XCTAssertEqual(plain.workingDays(from: d("2026-03-05"), to: d("2026-03-06")), 1, "end is included")
        XCTAssertEqual(plain.workingDays(from: d("2026-03-13"), to: d("2026-03-06")), 0, "end before start")
        XCTAssertEqual(plain.workingDays(from: d("2026-09-25"), to: d("2026-10-12")), 11)
        XCTAssertEqual(nationalDay.workingDays(from: d("2026-09-25"), to: d("2026-10-12")), 8)
        XCTAssertEqual(nationalDay.workingDays(from: d("2026-09-30"), to: d("2026-10-07")), 0, "all holiday")
        XCTAssertEqual(nationalDay.workingDays(from: d("2026-10-07"), to: d("2026-10-08")), 1)
        XCTAssertEqual(nationalDay.workingDays(from: d("2026-09-26"), to: d("2026-09-27")), 1, "make-up Sunday")
        XCTAssertEqual(plain.workingDays(from: d("2025-12-31"), to: d("2026-12-31")), 261, "a whole year")
        XCTAssertEqual(plain.workingDays(from: d("1969-12-26"), to: d("1970-01-05")), 6, "across the epoch")
    }

    func testCountingAgreesWithDayByDayCheck() {
        var g = SeededGenerator(seed: 7)
        let base = d("2026-09-01").ordinal
        for _ in 0..<300 {
            let a = Day(ordinal: base + Int.random(in: 0..<70, using: &g))
            let b = Day(ordinal: a.ordinal + Int.random(in: -5..<40, using: &g))
            var expected = 0
            if b > a {
                for o in (a.ordinal + 1)...b.ordinal where nationalDay.isWorkingDay(Day(ordinal: o)) { expected += 1 }
            }
            XCTAssertEqual(nationalDay.workingDays(from: a, to: b), expected, "\(a) → \(b)")
        }
    }

    func testAddingAndCountingAreInverse() {
        for start in (0..<40).map({ d("2026-09-20").adding(days: $0) }) {
            for n in 0...15 {
                let end = nationalDay.adding(workingDays: n, to: start)
                XCTAssertEqual(nationalDay.workingDays(from: start, to: end), n, "\(start) + \(n)")
                XCTAssertTrue(n == 0 || nationalDay.isWorkingDay(end), "\(start) + \(n) lands on a working day")
                XCTAssertEqual(nationalDay.adding(workingDays: -n, to: end) <= start, true)
            }
        }
    }
}

final class WorkingDaysParsingTests: XCTestCase {
    private func calendar(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> WorkingCalendar? {
        switch WorkingCalendar.parse(text) {
        case .success(let c): return c
        case .failure(let errors):
            XCTFail("unexpected errors: \(errors.map(\.message))", file: file, line: line)
            return nil
        }
    }

    private func errors(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch WorkingCalendar.parse(text) {
        case .success(let c):
            XCTFail("expected errors, parsed \(c)", file: file, line: line)
            return []
        case .failure(let errors): return errors.map(\.message)
        }
    }

    func testEmptyTextIsAnEmptyCalendar() {
        XCTAssertEqual(calendar(""), WorkingCalendar())
        XCTAssertEqual(calendar("\n  \n# 暂无\n"), WorkingCalendar())
    }

    func testOneEntryPerLine() {
        let text = """
            +2026-09-27
            2026-10-01~2026-10-07
            +2026-10-10
            """
        XCTAssertEqual(calendar(text), nationalDay)
    }

    func testSeparatorsCommentsAndOtherWritings() {
        XCTAssertEqual(calendar("+2026-09-27，2026-10-01～2026-10-07、＋2026-10-10"), nationalDay)
        XCTAssertEqual(calendar("2026年10月1日至10月7日 # 国庆节\n+2026/9/27; +2026.10.10\r\n"), nationalDay)
        XCTAssertEqual(calendar(" 2026-10-01 ~ 2026-10-07 ,+ 2026-09-27,+2026-10-10"), nationalDay)
        XCTAssertEqual(calendar("2026-10-01到2026-10-03\n2026-10-04~10-07\n+2026-09-27\n+2026-10-10"), nationalDay)
        XCTAssertEqual(
            calendar("2026-10-01\n2026-10-01~2026-10-07\n2026-10-05\n+2026-09-27\n+2026-09-27\n+2026-10-10"),
            nationalDay, "repeats are harmless")
        XCTAssertEqual(
            calendar("2026-01-01"), WorkingCalendar(holidays: [d("2026-01-01")]), "a single holiday")
    }

    func testBadLinesAreReportedByLineNumber() {
        let text = """
            2026-10-01~2026-10-07
            2026-13-01

            +2026-10-12
            2026-10-09~2026-10-08
            +2026-10-03, 国庆
            2026-01-01~2026-03-01
            +2026-10-10
            2026-10-10
            """
        XCTAssertEqual(
            errors(text),
            [
                "第2行：无法识别“2026-13-01”，请写成 2026-10-01、+2026-10-10 或 2026-10-01~2026-10-07",
                "第4行：2026年10月12日是星期一，本来就是工作日，不用写成调休上班日",
                "第5行：“2026-10-09~2026-10-08”的结束日期早于开始日期",
                "第6行：2026年10月3日已写成节假日，不能同时是调休上班日",
                "第6行：无法识别“国庆”，请写成 2026-10-01、+2026-10-10 或 2026-10-01~2026-10-07",
                "第7行：“2026-01-01~2026-03-01”跨度超过31天，请检查日期",
                "第9行：2026年10月10日已写成调休上班日，不能同时是节假日",
            ])
    }

    func testErrorsNameTheHolidaysField() {
        guard case .failure(let errors) = WorkingCalendar.parse("abc") else { return XCTFail("should fail") }
        XCTAssertEqual(
            errors, [FieldError("holidays", "第1行：无法识别“abc”，请写成 2026-10-01、+2026-10-10 或 2026-10-01~2026-10-07")])
    }

    func testMalformedRangesAreRefused() {
        for bad in [
            "2026-10-01~", "~2026-10-07", "2026-10-01~2026-10-03~2026-10-05", "2026-10-01~10-32", "+", "2026-02-29",
        ] {
            XCTAssertEqual(errors(bad).count, 1, bad)
            XCTAssertTrue(errors(bad).first?.hasPrefix("第1行：") ?? false, bad)
        }
    }

    func testCanonicalTextIsSortedWithRangesCollapsed() {
        XCTAssertEqual(nationalDay.text, "+2026-09-27\n2026-10-01~2026-10-07\n+2026-10-10")
        XCTAssertEqual(WorkingCalendar().text, "")
        let scattered = WorkingCalendar(
            holidays: [d("2026-05-05"), d("2026-05-01"), d("2026-05-02"), d("2026-05-03"), d("2026-01-01")],
            makeUpWorkdays: [d("2026-05-09")])
        XCTAssertEqual(scattered.text, "2026-01-01\n2026-05-01~2026-05-03\n2026-05-05\n+2026-05-09")
        let acrossYears = WorkingCalendar(holidays: [d("2026-12-31"), d("2027-01-01")])
        XCTAssertEqual(acrossYears.text, "2026-12-31~2027-01-01")
    }

    func testTextRoundTripsThroughParse() {
        XCTAssertEqual(calendar(nationalDay.text), nationalDay)
        var g = SeededGenerator(seed: 2026)
        let base = d("2026-01-01").ordinal
        for _ in 0..<200 {
            var holidays: Set<Day> = []
            var makeUps: Set<Day> = []
            for _ in 0..<Int.random(in: 0...25, using: &g) {
                holidays.insert(Day(ordinal: base + Int.random(in: 0..<120, using: &g)))
            }
            for _ in 0..<Int.random(in: 0...6, using: &g) {
                let day = Day(ordinal: base + Int.random(in: 0..<120, using: &g))
                if day.isWeekend && !holidays.contains(day) { makeUps.insert(day) }
            }
            let c = WorkingCalendar(holidays: holidays, makeUpWorkdays: makeUps)
            XCTAssertEqual(calendar(c.text), c, c.text)
        }
    }
}

final class WorkingDaysDeadlineStatusTests: XCTestCase {
    func testBoundaries() {
        let due = d("2026-10-10")
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-09-01")), .onTrack)
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-10-06")), .onTrack)
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-10-07")), .dueSoon(daysLeft: 3))
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-10-09")), .dueSoon(daysLeft: 1))
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-10-10")), .dueToday)
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-10-11")), .overdue(days: 1))
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-11-09")), .overdue(days: 30))
    }

    func testSoonWithinIsConfigurable() {
        let due = d("2026-10-10")
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-10-09"), soonWithin: 0), .onTrack)
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-10-03"), soonWithin: 7), .dueSoon(daysLeft: 7))
        XCTAssertEqual(DeadlineStatus.of(due: due, today: d("2026-10-02"), soonWithin: 7), .onTrack)
    }

    func testCountsCalendarDaysAcrossMonthsAndYears() {
        XCTAssertEqual(DeadlineStatus.of(due: d("2026-12-31"), today: d("2027-01-02")), .overdue(days: 2))
        XCTAssertEqual(DeadlineStatus.of(due: d("2026-03-01"), today: d("2026-02-27")), .dueSoon(daysLeft: 2))
        XCTAssertEqual(DeadlineStatus.of(due: d("2028-03-01"), today: d("2028-02-27")), .dueSoon(daysLeft: 3))
    }

    func testLabels() {
        XCTAssertEqual(DeadlineStatus.onTrack.label, "进行中")
        XCTAssertEqual(DeadlineStatus.dueSoon(daysLeft: 2).label, "还剩2天")
        XCTAssertEqual(DeadlineStatus.dueToday.label, "今天到期")
        XCTAssertEqual(DeadlineStatus.overdue(days: 5).label, "逾期5天")
    }

    func testOverdueDays() {
        XCTAssertEqual(DeadlineStatus.overdue(days: 5).overdueDays, 5)
        XCTAssertEqual(DeadlineStatus.dueToday.overdueDays, 0)
        XCTAssertEqual(DeadlineStatus.dueSoon(daysLeft: 2).overdueDays, 0)
        XCTAssertTrue(DeadlineStatus.overdue(days: 1).isOverdue)
        XCTAssertFalse(DeadlineStatus.dueToday.isOverdue)
        XCTAssertFalse(DeadlineStatus.onTrack.isOverdue)
    }
}
