import Foundation

/// A calendar month, the unit of the "每月到校督导" rule. Stored and parsed as `2026-09`.
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month must be 1...12, got \(month)")
        self.year = year
        self.month = month
    }

    public init(_ day: Day) {
        self.init(year: day.year, month: day.month)
    }

    private enum CodingKeys: String, CodingKey { case year, month }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let year = try c.decode(Int.self, forKey: .year)
        let month = try c.decode(Int.self, forKey: .month)
        guard (1...12).contains(month) else {
            throw DecodingError.dataCorruptedError(
                forKey: .month, in: c, debugDescription: "month must be 1...12, got \(month)")
        }
        self.init(year: year, month: month)
    }

    /// Parses `2026-09`, `2026-9`, `2026/9`, `2026.09` and `2026年9月`.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(whereSeparator: { "-/.年月".contains($0) }).map(String.init)
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let y = Int(parts[0]), let m = Int(parts[1]),
            (1900...2200).contains(y), (1...12).contains(m)
        else { return nil }
        self.init(year: y, month: m)
    }

    public var next: YearMonth {
        month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1)
    }

    public var previous: YearMonth {
        month == 1 ? YearMonth(year: year - 1, month: 12) : YearMonth(year: year, month: month - 1)
    }

    /// Number of days in the month (28...31).
    public var dayCount: Int { Day.daysIn(year: year, month: month) }

    public var firstDay: Day { YearMonth.day(year, month, 1) }

    public var lastDay: Day { YearMonth.day(year, month, dayCount) }

    /// Every day of the month, in order.
    public var days: [Day] {
        let first = firstDay.ordinal
        return (0..<dayCount).map { Day(ordinal: first + $0) }
    }

    /// "2026年9月"
    public var label: String { "\(year)年\(month)月" }

    /// "9月"
    public var shortLabel: String { "\(month)月" }

    /// "2026-09"
    public var description: String {
        "\(DigitText.zeroPadded(year, width: 4))-\(DigitText.zeroPadded(month, width: 2))"
    }

    public func contains(_ day: Day) -> Bool {
        day.year == year && day.month == month
    }

    /// `self` and the months up to `end`, inclusive (empty when `end` is earlier).
    public func through(_ end: YearMonth) -> [YearMonth] {
        var out: [YearMonth] = []
        var m = self
        while m <= end {
            out.append(m)
            m = m.next
        }
        return out
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool {
        (a.year, a.month) < (b.year, b.month)
    }

    /// A `Day` even outside `Day`'s validated year range (there via its ordinal arithmetic).
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day {
        if let valid = Day(year: y, month: m, day: d) { return valid }
        return Day(ordinal: Day.ordinal(year: y, month: m, day: d))
    }
}

/// 秋季学期 (September–January) or 春季学期 (February–July).
public enum SemesterKind: String, Sendable, Codable, CaseIterable, LabelledEnum {
    case autumn, spring

    public var label: String {
        switch self {
        case .autumn: "秋季学期"
        case .spring: "春季学期"
        }
    }
}

/// A school semester, named by the calendar year it starts in:
/// `2026-autumn` = 2026年秋季学期 = September 2026 … January 2027;
/// `2027-spring` = 2027年春季学期 = February … July 2027.
public struct Semester: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let startYear: Int
    public let kind: SemesterKind

    public init(startYear: Int, kind: SemesterKind) {
        self.startYear = startYear
        self.kind = kind
    }

    /// The semester a day falls in: February–July is the spring semester of that year;
    /// August–December is the autumn semester starting that year (August, the summer
    /// holiday, is counted towards the coming semester); January belongs to the autumn
    /// semester of the previous year.
    ///
    /// Note that for an August day the result's `firstDay` (1 September) lies after the day.
    public static func containing(_ day: Day) -> Semester {
        switch day.month {
        case 1: Semester(startYear: day.year - 1, kind: .autumn)
        case 2...7: Semester(startYear: day.year, kind: .spring)
        default: Semester(startYear: day.year, kind: .autumn)
        }
    }

    /// Parses `2026-autumn` or `2027-spring` (the `code`).
    public init?(code: String) {
        let parts = code.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII),
            let year = Int(parts[0]), (1900...2199).contains(year),
            let kind = SemesterKind(rawValue: String(parts[1]))
        else { return nil }
        self.init(startYear: year, kind: kind)
    }

    /// "2026-autumn", "2027-spring"
    public var code: String { "\(startYear)-\(kind.rawValue)" }

    /// "2026年秋季学期", "2027年春季学期"
    public var label: String { "\(startYear)年\(kind.label)" }

    public var description: String { code }

    /// Autumn: September … January (5 months); spring: February … July (6 months).
    public var months: [YearMonth] { firstMonth.through(lastMonth) }

    public var firstMonth: YearMonth {
        switch kind {
        case .autumn: YearMonth(year: startYear, month: 9)
        case .spring: YearMonth(year: startYear, month: 2)
        }
    }

    public var lastMonth: YearMonth {
        switch kind {
        case .autumn: YearMonth(year: startYear + 1, month: 1)
        case .spring: YearMonth(year: startYear, month: 7)
        }
    }

    /// 1 September (autumn) or 1 February (spring).
    public var firstDay: Day { firstMonth.firstDay }

    /// 31 January (autumn) or 31 July (spring).
    public var lastDay: Day { lastMonth.lastDay }

    /// Whether the day lies between `firstDay` and `lastDay` (August days do not).
    public func contains(_ day: Day) -> Bool { firstDay <= day && day <= lastDay }

    public func contains(_ month: YearMonth) -> Bool { firstMonth <= month && month <= lastMonth }

    public var previous: Semester {
        switch kind {
        case .autumn: Semester(startYear: startYear, kind: .spring)
        case .spring: Semester(startYear: startYear - 1, kind: .autumn)
        }
    }

    public var next: Semester {
        switch kind {
        case .autumn: Semester(startYear: startYear + 1, kind: .spring)
        case .spring: Semester(startYear: startYear, kind: .autumn)
        }
    }

    public static func < (a: Semester, b: Semester) -> Bool {
        (a.startYear, a.kind == .spring ? 0 : 1) < (b.startYear, b.kind == .spring ? 0 : 1)
    }
}
