/// One thing an account must do, as its home page lists it: what, where, and by when.
public struct TodoItem: Sendable, Equatable {
    public var title: String
    /// A short second line (the school, the category, the state).
    public var detail: String
    /// The page of the record.
    public var link: String
    /// The deadline, when the thing has one.
    public var due: Day?

    public init(title: String, detail: String = "", link: String, due: Day? = nil) {
        self.title = title
        self.detail = detail
        self.link = link
        self.due = due
    }

    /// "逾期2天" / "今天到期" / "还剩5天", counted in calendar days; "" without a deadline.
    public func dueLabel(today: Day) -> String {
        guard let due else { return "" }
        let left = due.ordinal - today.ordinal
        if left < 0 { return "逾期\(-left)天" }
        return left == 0 ? "今天到期" : "还剩\(left)天"
    }

    /// How the deadline looks: past or today is `danger`, within `soonWithin` days `warn`, else plain.
    public func urgency(today: Day, soonWithin: Int = 3) -> TodoUrgency {
        guard let due else { return .plain }
        let left = due.ordinal - today.ordinal
        if left <= 0 { return .danger }
        return left <= soonWithin ? .warn : .plain
    }
}

public enum TodoUrgency: String, Sendable, Equatable {
    case danger, warn, plain
}

/// A heading on a home page with the first few of its items and how many there are in all.
public struct TodoGroup: Sendable, Equatable {
    public var title: String
    /// All the items there are (the list may show only the first few).
    public var total: Int
    public var items: [TodoItem]
    /// Where the whole list is, when there is more than the home shows.
    public var more: String?

    public init(title: String, total: Int, items: [TodoItem], more: String? = nil) {
        self.title = title
        self.total = max(total, items.count)
        self.items = Todo.mostUrgentFirst(items)
        self.more = more
    }
}

public enum Todo {
    /// Earliest deadline first; items without one after them, in the order given.
    public static func mostUrgentFirst(_ items: [TodoItem]) -> [TodoItem] {
        items.enumerated().sorted { a, b in
            switch (a.element.due, b.element.due) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// The groups worth showing (those with something to do), and the sum of their totals.
    public static func pending(_ groups: [TodoGroup]) -> (groups: [TodoGroup], total: Int) {
        let open = groups.filter { $0.total > 0 }
        return (open, open.reduce(0) { $0 + $1.total })
    }

    /// "12月3日 星期四" — a date as a to-do line shows it, "今天" and "明天" by name.
    public static func dayText(_ day: Day, today: Day) -> String {
        switch day.ordinal - today.ordinal {
        case 0: return "今天"
        case 1: return "明天"
        default: return "\(day.month)月\(day.day)日 \(day.chineseWeekday)"
        }
    }
}
