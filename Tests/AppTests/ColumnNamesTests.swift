import XCTest

@testable import App

/// A row's property names read the columns that SQLKit's `convertFromSnakeCase` would read.
final class ColumnNamesTests: XCTestCase {
    func testPropertyNamesBecomeTheirColumnNames() {
        let cases = [
            ("id", "id"), ("schoolId", "school_id"), ("mustChangePassword", "must_change_password"),
            ("orgPath", "org_path"), ("noticeURL", "notice_url"), ("noticeURLText", "notice_url_text"),
            ("line2Text", "line2_text"), ("rows_in_all", "rows_in_all"), ("", ""),
        ]
        for (key, column) in cases {
            XCTAssertEqual(ColumnNames.convert(key), column, key)
            XCTAssertEqual(ColumnNames.snakeCase(key), column, "kept: \(key)")
            XCTAssertEqual(ColumnNames.snakeCase(key), column, "read again: \(key)")
        }
    }
}
