import CivilDate
import Foundation

/// A calendar day without time, as supervision offices count (Asia/Shanghai).
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard Day.years.contains(year), (1...12).contains(month),
            (1...Day.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `2026-03-05`, `2026/3/5`, `2026.3.5` and `2026年3月5日`.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(whereSeparator: { "-/.年月日".contains($0) }).map(String.init)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// The years a date typed or imported may have; anything else is refused, so no date arithmetic
    /// on input can run away.
    public static let years = 1900...2100

    /// The moment `hour`:00 of this day in Shanghai.
    public func date(hour: Int = 0) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = Day.shanghai
        let c = DateComponents(year: year, month: month, day: day, hour: min(max(hour, 0), 23))
        return cal.date(from: c) ?? Date(timeIntervalSince1970: Double(ordinal) * 86_400 - 8 * 3600)
    }

    public static func today(now: Date) -> Day {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = shanghai
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// ISO form, as stored in the database.
    public var description: String {
        "\(DigitText.zeroPadded(year, width: 4))-\(DigitText.zeroPadded(month, width: 2))-\(DigitText.zeroPadded(day, width: 2))"
    }

    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The same calendar day `years` later (29 Feb falls back to 28 Feb).
    public func adding(years: Int) -> Day {
        // Computed, not validated: a valid day plus a term of a few years may pass 2100.
        let y = year + max(-10_000, min(10_000, years))
        return Day(ordinal: Day(unchecked: y, month, min(day, Day.daysIn(year: y, month: month))).ordinal)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic.
    public var ordinal: Int { Day.ordinal(year: year, month: month, day: day) }

    /// The civil-to-ordinal arithmetic behind `ordinal`, for any year (also those `Day(year:…)` refuses).
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        CivilDate.days(year: year, month: month, day: day)
    }

    public init(ordinal: Int) {
        (year, month, day) = CivilDate.date(days: ordinal)
    }

    /// Days are clamped to ±3 million (8 000 years) so that no count from outside can overflow.
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + max(-3_000_000, min(3_000_000, days))) }
}
