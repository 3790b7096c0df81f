import DudaoCore
import XCTest

final class ThemeCalendarInputTests: XCTestCase {
    func testMonthsWithAThemeAreKeptInOrderAndEmptyMonthsLeftOut() {
        let result = ThemeCalendarInput.check(
            themes: [9: " 招生、收费、择校 ", 3: "校园安全", 7: ""], focus: [9: "核查招生公示\n收费公示", 7: ""])

        guard case .success(let months) = result else { return XCTFail("refused: \(result.errors)") }
        XCTAssertEqual(months.map(\.month), [3, 9])
        XCTAssertEqual(months[1].theme, "招生、收费、择校")
        XCTAssertEqual(months[1].focus, "核查招生公示\n收费公示")
    }

    func testEachMonthsProblemHasItsMessage() {
        let result = ThemeCalendarInput.check(
            themes: [1: String(repeating: "主", count: 101), 2: ""],
            focus: [2: "开学检查", 4: String(repeating: "重", count: 501)])

        XCTAssertEqual(
            result.errors,
            [
                FieldError("theme1", "1月主题不能超过100个字"), FieldError("theme2", "请填写2月的主题（已填写工作重点）"),
                FieldError("focus4", "4月工作重点不能超过500个字"), FieldError("theme4", "请填写4月的主题（已填写工作重点）"),
            ])
    }

    func testTheExampleIsSeed001sTenMonths() {
        XCTAssertEqual(MonthlyTheme.example.keys.sorted(), [1, 2, 3, 4, 5, 6, 9, 10, 11, 12])
        XCTAssertEqual(MonthlyTheme.example[9], "招生、收费、择校")
    }
}
