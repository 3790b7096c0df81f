import Foundation

/// Places within a group: points by rank (10/8/6/4) and the ranking of totals.
public enum RankPoints {
    /// Points for each member by its place; tied members share the points of the places they hold
    /// (two tied first share (10 + 8) / 2 = 9 each, the next is third). Places past the list earn 0.
    public static func assign<ID: Hashable>(
        _ values: [(id: ID, value: Double)], points: [Double], higherIsBetter: Bool
    ) -> [ID: Double] {
        let sorted = values.sorted { higherIsBetter ? $0.value > $1.value : $0.value < $1.value }
        var result: [ID: Double] = [:]
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count, sorted[end + 1].value == sorted[start].value { end += 1 }
            let held = (start...end).map { $0 < points.count ? points[$0] : 0 }
            let share = held.reduce(0, +) / Double(held.count)
            for i in start...end { result[sorted[i].id] = share }
            start = end + 1
        }
        return result
    }

    /// Competition ranking (1, 1, 3): equal totals share a place, the next place skips.
    /// Totals are compared to six decimals, so sums that differ only by floating-point noise tie.
    public static func places<ID: Hashable>(_ totals: [(id: ID, total: Double)]) -> [ID: Int] {
        let key = { (x: Double) in (x * 1_000_000).rounded() }
        let sorted = totals.sorted { key($0.total) > key($1.total) }
        var result: [ID: Int] = [:]
        for (i, entry) in sorted.enumerated() {
            if i > 0, key(sorted[i - 1].total) == key(entry.total) {
                result[entry.id] = result[sorted[i - 1].id]
            } else {
                result[entry.id] = i + 1
            }
        }
        return result
    }

    /// The places of one page of totals already sorted from high to low: `offset` is how many come before the
    /// page and `firstPlace` the place of its first total (1 + how many are strictly higher, which may be less than
    /// offset + 1 when the page starts inside a tie).
    public static func places(sorted totals: [Double], offset: Int, firstPlace: Int) -> [Int] {
        let key = { (x: Double) in (x * 1_000_000).rounded() }
        var result: [Int] = []
        for (i, total) in totals.enumerated() {
            if i == 0 {
                result.append(firstPlace)
            } else {
                result.append(key(totals[i - 1]) == key(total) ? result[i - 1] : offset + i + 1)
            }
        }
        return result
    }
}
