import DudaoCore
import XCTest

final class TermDatesTests: XCTestCase {
    func day(_ text: String) -> Day { Day(parsing: text)! }

    func terms(_ text: String) -> TermDates {
        guard case .success(let t) = TermDates.parse(text) else { fatalError("refused: \(text)") }
        return t
    }

    func testADayInTheWinterBreakBelongsToTheTermJustEnded() {
        let t = terms("2026-09-01~2027-01-22\n2027-02-24~2027-07-09")

        XCTAssertEqual(t.semester(containing: day("2027-02-01")).code, "2026-autumn", "a summary on 1 February")
        XCTAssertEqual(t.semester(containing: day("2027-02-24")).code, "2027-spring")
        XCTAssertEqual(t.semester(containing: day("2027-07-20")).code, "2027-spring", "the summer break")
        XCTAssertEqual(t.semester(containing: day("2026-09-01")).code, "2026-autumn")
        XCTAssertEqual(Semester.containing(day("2027-02-01")).code, "2027-spring", "the fixed months said spring")
    }

    func testDaysTheDatesDoNotCoverFallBackToTheFixedMonths() {
        let t = terms("2026-09-01~2027-01-22")

        XCTAssertEqual(t.semester(containing: day("2026-06-01")).code, "2026-spring", "before any term")
        XCTAssertEqual(t.semester(containing: day("2027-04-01")).code, "2027-spring", "long after the last term")
        XCTAssertEqual(TermDates().semester(containing: day("2027-02-01")).code, "2027-spring")
    }

    func testTheTextIsReadLineByLineAndWrittenInOrder() {
        let t = terms(" 2027-02-24～2027-07-09 \n\n2026-09-01~2027-01-22")

        XCTAssertEqual(t.text, "2026-09-01~2027-01-22\n2027-02-24~2027-07-09")
        XCTAssertEqual(t.terms.map(\.semester.code), ["2026-autumn", "2027-spring"])
    }

    func testEachBadLineHasItsMessage() {
        let cases: [(String, String)] = [
            ("2026-09-01", "第1行应写成 2026-09-01~2027-01-22"),
            ("2026-09-01~2026-08-01", "第1行结束日期应晚于开始日期"),
            ("2026-09-01~2027-09-01", "第1行一个学期不超过250天"),
            ("2026-09-01~2027-01-22\n2026-10-01~2027-01-30", "第2行与 2026-09-01~2027-01-22 同为2026年秋季学期"),
            ("2026-09-01~2027-01-22\n2027-01-10~2027-06-30", "第2行与 2026-09-01~2027-01-22 重叠"),
            ("2026-13-01~2027-01-22", "第1行应写成 2026-09-01~2027-01-22"),
        ]
        for (text, message) in cases {
            XCTAssertEqual(TermDates.parse(text).errors.map(\.message), [message], text)
        }
        let many = (0..<41).map { "\(2000 + $0)-09-01~\(2001 + $0)-01-20" }.joined(separator: "\n")
        XCTAssertEqual(TermDates.parse(many).errors.map(\.message), ["学期起止日期最多40行"])
    }
}
