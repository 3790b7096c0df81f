/// A part of a whole, shown as a percentage; nil when there is no whole.
public struct Share: Sendable, Equatable {
    public var part: Int
    public var whole: Int

    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }

    public var ratio: Double? { whole > 0 ? Double(part) / Double(whole) : nil }
}

/// The figures of the leaders' dashboard that are computed, not counted.
public enum DashboardFigures {
    /// The middle of `values` (the mean of the two middle ones for an even count); nil for none.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The `count` months ending with the month of `today`, oldest first.
    public static func months(endingAt today: Day, count: Int) -> [YearMonth] {
        var out = [YearMonth(today)]
        while out.count < max(1, count) { out.insert(out[0].previous, at: 0) }
        return out
    }

    /// The days of a semester: the district's term dates when it has them, else its months.
    public static func span(of semester: Semester, terms: TermDates) -> ClosedRange<Day> {
        if let term = terms.terms.first(where: { $0.semester == semester }) { return term.start...term.end }
        return semester.firstMonth.firstDay...semester.lastMonth.lastDay
    }
}
