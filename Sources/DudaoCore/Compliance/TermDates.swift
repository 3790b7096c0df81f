/// The district's term dates (学期起止日期), one term a line: `2026-09-01~2027-01-22`. A term starting in
/// August–December is that year's autumn semester, one starting in January–July the spring semester.
///
/// A day belongs to the term it falls in; a day in the break after a term (up to `breakDays` after its end, before
/// the next term starts) still belongs to it — a summary written on 1 February counts for the autumn term that
/// ended in January. Days the dates do not cover fall back to `Semester.containing`.
public struct TermDates: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public let semester: Semester
        public let start: Day
        public let end: Day
    }

    public let terms: [Term]
    public static let breakDays = 45
    public static let maxTermDays = 250
    public static let maxLines = 40

    public init(terms: [Term] = []) { self.terms = terms.sorted { $0.start < $1.start } }

    public func semester(containing day: Day) -> Semester {
        guard let term = terms.last(where: { $0.start <= day }) else { return Semester.containing(day) }
        if day <= term.end || day <= term.end.adding(days: Self.breakDays) { return term.semester }
        return Semester.containing(day)
    }

    /// The canonical text: one line a term, in date order.
    public var text: String { terms.map { "\($0.start)~\($0.end)" }.joined(separator: "\n") }

    /// Reads the office's lines; every line's problem is reported with its line number.
    public static func parse(_ text: String) -> Validated<TermDates> {
        var errors: [FieldError] = []
        var terms: [Term] = []
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .enumerated().filter { !$0.element.isEmpty }
        if lines.count > maxLines { return .failure([.init("terms", "学期起止日期最多\(maxLines)行")]) }
        for (index, line) in lines {
            let n = index + 1
            let parts = line.replacingOccurrences(of: "～", with: "~").split(separator: "~").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, let start = Day(parsing: parts[0]), let end = Day(parsing: parts[1]) else {
                errors.append(.init("terms", "第\(n)行应写成 2026-09-01~2027-01-22"))
                continue
            }
            if end <= start {
                errors.append(.init("terms", "第\(n)行结束日期应晚于开始日期"))
                continue
            }
            if end.ordinal - start.ordinal > maxTermDays {
                errors.append(.init("terms", "第\(n)行一个学期不超过\(maxTermDays)天"))
                continue
            }
            let semester = Semester(startYear: start.year, kind: start.month >= 8 ? .autumn : .spring)
            if let other = terms.first(where: { $0.semester == semester }) {
                errors.append(.init("terms", "第\(n)行与 \(other.start)~\(other.end) 同为\(semester.label)"))
                continue
            }
            if let other = terms.first(where: { $0.start <= end && start <= $0.end }) {
                errors.append(.init("terms", "第\(n)行与 \(other.start)~\(other.end) 重叠"))
                continue
            }
            terms.append(Term(semester: semester, start: start, end: end))
        }
        return errors.isEmpty ? .success(TermDates(terms: terms)) : .failure(errors)
    }
}
