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
        median(ofCounts: values.map { (value: $0, count: 1) })
    }

    /// The median of values given as how many times each occurs (days to close, and how many notices took that long),
    /// so a database can count them in groups; nil for none. Counts below one are no occurrence.
    public static func median(ofCounts counts: [(value: Int, count: Int)]) -> Double? {
        let sorted = counts.filter { $0.count > 0 }.sorted { $0.value < $1.value }
        let total = sorted.reduce(0) { $0 + $1.count }
        guard total > 0 else { return nil }
        func value(at index: Int) -> Int {
            var seen = 0
            for c in sorted {
                seen += c.count
                if index < seen { return c.value }
            }
            return sorted[sorted.count - 1].value
        }
        let mid = total / 2
        return total % 2 == 1 ? Double(value(at: mid)) : Double(value(at: mid - 1) + value(at: mid)) / 2
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
