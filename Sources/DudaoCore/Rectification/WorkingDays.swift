import Foundation

extension Day {
    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01, ordinal 0, was a Thursday).
    public var isoWeekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// "星期一" … "星期日".
    public var chineseWeekday: String {
        ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][isoWeekday - 1]
    }
}

/// The office's working-day calendar: Monday to Friday, minus statutory holidays (法定节假日),
/// plus the weekend days worked in exchange (调休上班).
///
/// A weekend day is a working day only when it is a make-up day; a weekday is a working day
/// unless it is a holiday. So a weekend day listed as a holiday, or a weekday listed as a
/// make-up day, changes nothing (`parse` refuses the latter as a likely typo).
public struct WorkingCalendar: Sendable, Equatable {
    /// Days off that would otherwise be working days (法定节假日). Weekend days of a holiday
    /// range may be listed too.
    public var holidays: Set<Day>
    /// Weekend days that are working days (调休上班).
    public var makeUpWorkdays: Set<Day>

    public init(holidays: Set<Day> = [], makeUpWorkdays: Set<Day> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
    }

    /// Monday to Friday unless a holiday; Saturday and Sunday only when a make-up day.
    public func isWorkingDay(_ d: Day) -> Bool {
        d.isWeekend ? makeUpWorkdays.contains(d) : !holidays.contains(d)
    }

    /// The `n`-th working day after `start` (`start` itself is not counted, whether or not it
    /// is a working day); `n == 0` gives `start`. A negative `n` counts backwards: the `|n|`-th
    /// working day before `start`.
    public func adding(workingDays n: Int, to start: Day) -> Day {
        let step = n < 0 ? -1 : 1
        var remaining = abs(n)
        var d = start
        while remaining > 0 {
            d = d.adding(days: step)
            if isWorkingDay(d) { remaining -= 1 }
        }
        return d
    }

    /// The number of working days in `(start, end]`: after `start`, up to and including
    /// `end`; 0 when `end <= start`. For `n >= 0`,
    /// `workingDays(from: s, to: adding(workingDays: n, to: s)) == n`.
    public func workingDays(from start: Day, to end: Day) -> Int {
        guard end > start else { return 0 }
        var count = WorkingCalendar.weekdaysUpTo(end.ordinal) - WorkingCalendar.weekdaysUpTo(start.ordinal)
        for h in holidays where h > start && h <= end && !h.isWeekend { count -= 1 }
        for m in makeUpWorkdays where m > start && m <= end && m.isWeekend { count += 1 }
        return count
    }

    /// Monday-to-Friday days with ordinal in `[epoch, ordinal]`, for some fixed epoch: only
    /// differences of this function are meaningful.
    private static func weekdaysUpTo(_ ordinal: Int) -> Int {
        // Shift so that 0 is a Monday (1970-01-05 is ordinal 4), then count whole weeks.
        let fromMonday = ordinal - 4
        let weeks = fromMonday >= 0 ? fromMonday / 7 : (fromMonday - 6) / 7
        let dayInWeek = fromMonday - weeks * 7  // 0 = Monday … 6 = Sunday
        return weeks * 5 + min(dayInWeek + 1, 5)
    }

    // MARK: - Text form

    /// The longest holiday range one entry may span; longer is almost surely a typo.
    public static let maximumRangeDays = 31

    /// Parses the office's holiday list. Entries go one per line or are separated by commas
    /// (`,` `，`), `、` or semicolons; `#` starts a comment that runs to the end of the line.
    ///
    /// - `2026-10-01` — a holiday (also `2026/10/1`, `2026年10月1日`);
    /// - `+2026-10-10` — a make-up working day (`＋` too); it must be a Saturday or Sunday;
    /// - `2026-10-01~2026-10-07` — a range of holidays, both ends included (`～`, `至`, `到`
    ///   work too, and the end may leave out the year: `2026年10月1日至10月7日`).
    ///
    /// Errors are reported per entry with the line number, in Chinese.
    public static func parse(_ text: String) -> Validated<WorkingCalendar> {
        var holidays: [Day: Int] = [:]  // day -> line where first listed
        var makeUps: [Day: Int] = [:]
        var errors: [FieldError] = []
        func fail(_ line: Int, _ message: String) {
            errors.append(FieldError("holidays", "第\(line)行：\(message)"))
        }

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let entries =
                line
                .split(whereSeparator: { ",，、;；".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            for entry in entries {
                var spec = Substring(entry)
                let isMakeUp = spec.first == "+" || spec.first == "＋"
                if isMakeUp { spec = spec.dropFirst() }
                guard let (first, last) = parseRange(String(spec)) else {
                    fail(lineNumber, "无法识别“\(entry)”，请写成 2026-10-01、+2026-10-10 或 2026-10-01~2026-10-07")
                    continue
                }
                if last < first {
                    fail(lineNumber, "“\(entry)”的结束日期早于开始日期")
                    continue
                }
                if last.ordinal - first.ordinal + 1 > maximumRangeDays {
                    fail(lineNumber, "“\(entry)”跨度超过\(maximumRangeDays)天，请检查日期")
                    continue
                }
                for ordinal in first.ordinal...last.ordinal {
                    let d = Day(ordinal: ordinal)
                    if isMakeUp {
                        if !d.isWeekend {
                            fail(lineNumber, "\(d.chinese)是\(d.chineseWeekday)，本来就是工作日，不用写成调休上班日")
                        } else if holidays[d] != nil {
                            fail(lineNumber, "\(d.chinese)已写成节假日，不能同时是调休上班日")
                        } else if makeUps[d] == nil {
                            makeUps[d] = lineNumber
                        }
                    } else {
                        if makeUps[d] != nil {
                            fail(lineNumber, "\(d.chinese)已写成调休上班日，不能同时是节假日")
                        } else if holidays[d] == nil {
                            holidays[d] = lineNumber
                        }
                    }
                }
            }
        }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(WorkingCalendar(holidays: Set(holidays.keys), makeUpWorkdays: Set(makeUps.keys)))
    }

    /// `a`, or `a~b` with `~ ～ 至 到`; the end may omit the year.
    private static func parseRange(_ text: String) -> (Day, Day)? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { "~～至到".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        switch parts.count {
        case 1:
            guard let d = Day(parsing: parts[0]) else { return nil }
            return (d, d)
        case 2:
            guard let start = Day(parsing: parts[0]) else { return nil }
            if let end = Day(parsing: parts[1]) { return (start, end) }
            let md = parts[1].split(whereSeparator: { "-/.月日".contains($0) }).compactMap { Int($0) }
            guard md.count == 2, let end = Day(year: start.year, month: md[0], day: md[1]) else { return nil }
            return (start, end)
        default:
            return nil
        }
    }

    /// The canonical text: one entry per line in date order, runs of consecutive holidays
    /// collapsed to `a~b`, make-up days as `+d`. For every calendar `parse` accepts,
    /// `parse(c.text)` gives `c` back.
    public var text: String {
        var entries: [(Day, String)] = []
        var sortedHolidays = holidays.sorted()[...]
        while let first = sortedHolidays.popFirst() {
            var last = first
            while let next = sortedHolidays.first, next.ordinal == last.ordinal + 1 {
                last = next
                sortedHolidays.removeFirst()
            }
            entries.append((first, first == last ? first.description : "\(first)~\(last)"))
        }
        for m in makeUpWorkdays { entries.append((m, "+\(m)")) }
        return entries.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: "\n")
    }
}

/// How a deadline stands today, counted in calendar days.
public enum DeadlineStatus: Sendable, Equatable {
    case onTrack
    case dueSoon(daysLeft: Int)
    case dueToday
    case overdue(days: Int)

    /// `overdue(days: 1)` on the day after `due`; `dueToday` on `due`; `dueSoon` when `due`
    /// is 1…`soonWithin` days away; `onTrack` when further.
    public static func of(due: Day, today: Day, soonWithin: Int = 3) -> DeadlineStatus {
        let left = due.ordinal - today.ordinal
        if left < 0 { return .overdue(days: -left) }
        if left == 0 { return .dueToday }
        if left <= soonWithin { return .dueSoon(daysLeft: left) }
        return .onTrack
    }

    /// "进行中" / "还剩N天" / "今天到期" / "逾期N天"
    public var label: String {
        switch self {
        case .onTrack: "进行中"
        case .dueSoon(let n): "还剩\(n)天"
        case .dueToday: "今天到期"
        case .overdue(let n): "逾期\(n)天"
        }
    }

    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }

    /// Days past the deadline (0 unless overdue), as `EscalationPolicy.stepsDue` expects.
    public var overdueDays: Int {
        if case .overdue(let n) = self { return n }
        return 0
    }
}
