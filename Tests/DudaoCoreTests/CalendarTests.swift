import Foundation
import XCTest

@testable import DudaoCore

private func day(_ text: String) -> Day { Day(parsing: text)! }
private func ym(_ text: String) -> YearMonth { YearMonth(parsing: text)! }

final class YearMonthCalendarTests: XCTestCase {
    func testMadeFromADayAndShownInThreeForms() {
        let m = YearMonth(day("2026-09-17"))
        XCTAssertEqual(m, YearMonth(year: 2026, month: 9))
        XCTAssertEqual(m.description, "2026-09")
        XCTAssertEqual(m.label, "2026年9月")
        XCTAssertEqual(m.shortLabel, "9月")
        XCTAssertEqual(YearMonth(year: 2026, month: 12).description, "2026-12")
        XCTAssertEqual(YearMonth(year: 2026, month: 12).label, "2026年12月")
    }

    func testParsesIsoAndCommonWritings() {
        XCTAssertEqual(YearMonth(parsing: "2026-09"), YearMonth(year: 2026, month: 9))
        XCTAssertEqual(YearMonth(parsing: "2026-9"), YearMonth(year: 2026, month: 9))
        XCTAssertEqual(YearMonth(parsing: " 2026/10 "), YearMonth(year: 2026, month: 10))
        XCTAssertEqual(YearMonth(parsing: "2027.01"), YearMonth(year: 2027, month: 1))
        XCTAssertEqual(YearMonth(parsing: "2026年9月"), YearMonth(year: 2026, month: 9))
    }

    func testRefusesWhatIsNotAMonth() {
        for bad in ["", "2026", "2026-13", "2026-00", "2026-09-01", "abc", "2026-x", "1800-01", "２０２６-09"] {
            XCTAssertNil(YearMonth(parsing: bad), bad)
        }
    }

    func testDescriptionRoundTripsThroughParsing() {
        var m = YearMonth(year: 2025, month: 1)
        for _ in 0..<30 {
            XCTAssertEqual(YearMonth(parsing: m.description), m)
            m = m.next
        }
    }

    func testNextAndPreviousCrossTheYear() {
        XCTAssertEqual(YearMonth(year: 2026, month: 12).next, YearMonth(year: 2027, month: 1))
        XCTAssertEqual(YearMonth(year: 2027, month: 1).previous, YearMonth(year: 2026, month: 12))
        XCTAssertEqual(YearMonth(year: 2026, month: 9).next, YearMonth(year: 2026, month: 10))
        XCTAssertEqual(YearMonth(year: 2026, month: 9).previous, YearMonth(year: 2026, month: 8))
        XCTAssertEqual(YearMonth(year: 2026, month: 5).next.previous, YearMonth(year: 2026, month: 5))
    }

    func testFirstAndLastDayIncludingFebruaryInLeapYears() {
        XCTAssertEqual(ym("2026-09").firstDay, day("2026-09-01"))
        XCTAssertEqual(ym("2026-09").lastDay, day("2026-09-30"))
        XCTAssertEqual(ym("2026-10").lastDay, day("2026-10-31"))
        XCTAssertEqual(ym("2026-02").lastDay, day("2026-02-28"))
        XCTAssertEqual(ym("2028-02").lastDay, day("2028-02-29"))
        XCTAssertEqual(ym("2100-02").lastDay, day("2100-02-28"))
        XCTAssertEqual(ym("2000-02").lastDay, day("2000-02-29"))
        XCTAssertEqual(ym("2026-02").dayCount, 28)
        XCTAssertEqual(ym("2026-12").days.count, 31)
        XCTAssertEqual(ym("2026-12").days.first, day("2026-12-01"))
        XCTAssertEqual(ym("2026-12").days.last, day("2026-12-31"))
    }

    func testContainsOnlyDaysOfThatMonth() {
        let oct = ym("2026-10")
        XCTAssertTrue(oct.contains(day("2026-10-01")))
        XCTAssertTrue(oct.contains(day("2026-10-31")))
        XCTAssertFalse(oct.contains(day("2026-09-30")))
        XCTAssertFalse(oct.contains(day("2026-11-01")))
        XCTAssertFalse(oct.contains(day("2025-10-15")))
    }

    func testOrderedByYearThenMonth() {
        XCTAssertLessThan(ym("2026-12"), ym("2027-01"))
        XCTAssertLessThan(ym("2026-02"), ym("2026-10"))
        XCTAssertEqual(
            [ym("2027-01"), ym("2026-09"), ym("2026-12")].sorted(), [ym("2026-09"), ym("2026-12"), ym("2027-01")])
        XCTAssertEqual(
            ym("2026-11").through(ym("2027-02")).map(\.description), ["2026-11", "2026-12", "2027-01", "2027-02"])
        XCTAssertEqual(ym("2026-11").through(ym("2026-10")), [])
    }

    func testCodableRoundTripAndInvalidMonthIsRefused() throws {
        let m = ym("2026-09")
        let data = try JSONEncoder().encode(m)
        XCTAssertEqual(try JSONDecoder().decode(YearMonth.self, from: data), m)
        XCTAssertThrowsError(try JSONDecoder().decode(YearMonth.self, from: Data(#"{"year":2026,"month":13}"#.utf8)))
    }
}

final class SemesterCalendarTests: XCTestCase {
    private let autumn2026 = Semester(startYear: 2026, kind: .autumn)
    private let spring2027 = Semester(startYear: 2027, kind: .spring)

    func testContainingForEveryMonthOfTheYear() {
        // January belongs to the autumn semester that began the previous September.
        XCTAssertEqual(Semester.containing(day("2026-01-15")), Semester(startYear: 2025, kind: .autumn))
        for month in 2...7 {
            XCTAssertEqual(
                Semester.containing(Day(year: 2026, month: month, day: 10)!), Semester(startYear: 2026, kind: .spring),
                "month \(month)")
        }
        for month in 8...12 {
            XCTAssertEqual(Semester.containing(Day(year: 2026, month: month, day: 10)!), autumn2026, "month \(month)")
        }
    }

    func testContainingAtTheBoundaries() {
        XCTAssertEqual(Semester.containing(day("2027-01-31")), autumn2026)
        XCTAssertEqual(Semester.containing(day("2027-02-01")), spring2027)
        XCTAssertEqual(Semester.containing(day("2027-07-31")), spring2027)
        XCTAssertEqual(Semester.containing(day("2027-08-01")), Semester(startYear: 2027, kind: .autumn))
        XCTAssertEqual(Semester.containing(day("2026-08-31")), autumn2026)
        XCTAssertEqual(Semester.containing(day("2026-09-01")), autumn2026)
        XCTAssertEqual(Semester.containing(day("2026-12-31")), autumn2026)
        XCTAssertEqual(Semester.containing(day("2028-02-29")), Semester(startYear: 2028, kind: .spring))
    }

    func testAugustCountsForTheComingAutumnButLiesOutsideItsDays() {
        let s = Semester.containing(day("2026-08-15"))
        XCTAssertEqual(s, autumn2026)
        XCTAssertFalse(s.contains(day("2026-08-15")))
        XCTAssertFalse(s.contains(ym("2026-08")))
        XCTAssertTrue(s.contains(day("2026-09-01")))
        XCTAssertTrue(s.contains(day("2027-01-31")))
        XCTAssertFalse(s.contains(day("2027-02-01")))
    }

    func testMonthsOfAutumnAndSpring() {
        XCTAssertEqual(autumn2026.months.map(\.description), ["2026-09", "2026-10", "2026-11", "2026-12", "2027-01"])
        XCTAssertEqual(
            spring2027.months.map(\.description), ["2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07"])
        XCTAssertEqual(autumn2026.months.count, 5)
        XCTAssertEqual(spring2027.months.count, 6)
        XCTAssertEqual(autumn2026.months.map(\.shortLabel), ["9月", "10月", "11月", "12月", "1月"])
    }

    func testFirstAndLastDays() {
        XCTAssertEqual(autumn2026.firstDay, day("2026-09-01"))
        XCTAssertEqual(autumn2026.lastDay, day("2027-01-31"))
        XCTAssertEqual(spring2027.firstDay, day("2027-02-01"))
        XCTAssertEqual(spring2027.lastDay, day("2027-07-31"))
    }

    func testEveryDayOfEveryMonthOfASemesterIsContainedByIt() {
        for semester in [autumn2026, spring2027, Semester(startYear: 2028, kind: .spring)] {
            for month in semester.months {
                for d in month.days {
                    XCTAssertEqual(Semester.containing(d), semester, d.description)
                    XCTAssertTrue(semester.contains(d), d.description)
                }
            }
        }
    }

    func testLabelsAndCodes() {
        XCTAssertEqual(autumn2026.label, "2026年秋季学期")
        XCTAssertEqual(spring2027.label, "2027年春季学期")
        XCTAssertEqual(autumn2026.code, "2026-autumn")
        XCTAssertEqual(spring2027.code, "2027-spring")
        XCTAssertEqual(autumn2026.description, "2026-autumn")
        XCTAssertEqual(SemesterKind.autumn.label, "秋季学期")
        XCTAssertEqual(SemesterKind(label: "春季学期"), .spring)
    }

    func testCodesRoundTrip() {
        var s = Semester(startYear: 2024, kind: .spring)
        for _ in 0..<12 {
            XCTAssertEqual(Semester(code: s.code), s)
            s = s.next
        }
        XCTAssertEqual(Semester(code: "2026-autumn"), autumn2026)
        XCTAssertEqual(Semester(code: " 2027-spring "), spring2027)
    }

    func testBadCodesAreRefused() {
        for bad in [
            "", "2026", "2026-summer", "2026-Autumn", "26-autumn", "2026autumn", "2026-autumn-x", "-autumn",
            "abcd-spring",
        ] {
            XCTAssertNil(Semester(code: bad), bad)
        }
    }

    func testPreviousAndNextAlternate() {
        XCTAssertEqual(autumn2026.next, spring2027)
        XCTAssertEqual(spring2027.previous, autumn2026)
        XCTAssertEqual(autumn2026.previous, Semester(startYear: 2026, kind: .spring))
        XCTAssertEqual(spring2027.next, Semester(startYear: 2027, kind: .autumn))
        // Spring follows autumn the next day; between spring and autumn lies August (31 days).
        var s = Semester(startYear: 2025, kind: .autumn)
        for _ in 0..<8 {
            let gap = s.kind == .autumn ? 1 : 32
            XCTAssertEqual(s.lastDay.adding(days: gap), s.next.firstDay, s.code)
            XCTAssertEqual(s.next.previous, s)
            s = s.next
        }
    }

    func testOrderedInTime() {
        let spring2026 = Semester(startYear: 2026, kind: .spring)
        XCTAssertLessThan(spring2026, autumn2026)
        XCTAssertLessThan(autumn2026, spring2027)
        XCTAssertEqual([spring2027, spring2026, autumn2026].sorted(), [spring2026, autumn2026, spring2027])
    }

    func testCodableRoundTrip() throws {
        let data = try JSONEncoder().encode([autumn2026, spring2027])
        XCTAssertEqual(try JSONDecoder().decode([Semester].self, from: data), [autumn2026, spring2027])
    }
}
