import Foundation
import XCTest

@testable import DudaoCore

/// `DigitText` writes what `String(format:)` writes, for every value the product formats.
final class DigitTextTests: XCTestCase {
    func testZeroPaddedIsTheCLibrarysZeroPaddedDecimal() {
        for width in [0, 1, 2, 4, 6] {
            for n in Array(-1_200...12_000) + [Int.max, Int.min, Int.min + 1, 99_999_999, -99_999_999] {
                XCTAssertEqual(
                    DigitText.zeroPadded(n, width: width), String(format: "%0*ld", width, n), "\(n) \(width)")
            }
        }
    }

    func testHexIsTwoLowerCaseDigitsPerByte() {
        let every = (0...255).map(UInt8.init)

        XCTAssertEqual(DigitText.hex(every), every.map { String(format: "%02x", $0) }.joined())
        XCTAssertEqual(DigitText.hex([UInt8]()), "")
        XCTAssertEqual(DigitText.hex([0x00, 0x0F, 0xA0, 0xFF]), "000fa0ff")
    }

    func testADayAndAMonthKeepTheirISOForm() {
        XCTAssertEqual(Day(year: 2026, month: 3, day: 9)?.description, "2026-03-09")
        XCTAssertEqual(Day(year: 2026, month: 12, day: 31)?.description, "2026-12-31")
        XCTAssertEqual(YearMonth(year: 2026, month: 9).description, "2026-09")
    }
}
