import NIOConcurrencyHelpers
import SQLKit

extension SQLRowDecoder.KeyDecodingStrategy {
    /// SQLKit's `convertFromSnakeCase` (`schoolId` reads the column `school_id`), with each name converted once per
    /// process: SQLKit converts the key again for every column of every row, looking up each character's Unicode
    /// properties, and `perf` put that at a tenth of a list page's processor time.
    static let snakeCaseColumns = Self.custom { path in
        SomeCodingKey(stringValue: ColumnNames.snakeCase(path.last?.stringValue ?? ""))
    }
}

enum ColumnNames {
    private static let converted = NIOLockedValueBox<[String: String]>([:])

    /// The column name of a property name, kept once worked out (a few hundred names in all).
    static func snakeCase(_ key: String) -> String {
        if let known = converted.withLockedValue({ $0[key] }) { return known }
        let column = convert(key)
        converted.withLockedValue { $0[key] = column }
        return column
    }

    /// `schoolId` → `school_id`, `noticeURLText` → `notice_url_text`: a word starts at a capital after a small letter
    /// or a digit, or at the last capital of a run that a small letter follows (as Foundation's and SQLKit's
    /// conversion).
    static func convert(_ key: String) -> String {
        let chars = Array(key)
        var column = ""
        column.reserveCapacity(chars.count + 4)
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let before = chars[i - 1]
                let after = i + 1 < chars.count ? chars[i + 1] : nil
                if before.isLowercase || before.isNumber || (before.isUppercase && after?.isLowercase == true) {
                    column.append("_")
                }
            }
            column.append(contentsOf: c.lowercased())
        }
        return column
    }
}
