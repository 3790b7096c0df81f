/// Rules about inspectors' terms of appointment (聘期) and their school load.
public enum InspectorRules {
    /// One appointment term of a part-time inspector is three years; at most three in a row. [national]
    public static let termYears = 3
    public static let maxConsecutiveTerms = 3

    public struct Term: Sendable, Equatable {
        public let start: Day
        public let end: Day
        public init(start: Day, end: Day) {
            self.start = start
            self.end = end
        }
    }

    /// Checks one term on its own: the end comes after the start and it is not longer than a term.
    public static func validate(term: Term) -> String? {
        if term.end <= term.start { return "聘期结束日期应晚于开始日期" }
        if term.end > term.start.adding(years: termYears) { return "一个聘期不超过\(termYears)年" }
        return nil
    }

    /// How many terms run back to back up to and including the latest one; a gap of more than
    /// 31 days between one term's end and the next one's start breaks the chain.
    public static func consecutiveTerms(_ terms: [Term]) -> Int {
        let sorted = terms.sorted { $0.start < $1.start }
        guard var later = sorted.last else { return 0 }
        var count = 1
        for term in sorted.dropLast().reversed() {
            guard term.end >= later.start.adding(days: -31) else { break }
            count += 1
            later = term
        }
        return count
    }

    /// A warning when an appointed inspector's terms, with the proposed one, would run to more than three in a row.
    /// Every appointed inspector is checked, whatever their duties (a 兼职 责任督学 as much as a 兼职 督学).
    public static func termWarning(kind: InspectorKind, previousTerms: [Term], proposed: Term) -> String? {
        let n = consecutiveTerms(previousTerms + [proposed])
        if n > maxConsecutiveTerms {
            return "\(kind.label)督学连续聘任将达\(n)个聘期，超过连续\(maxConsecutiveTerms)个聘期的规定"
        }
        return nil
    }

    /// A warning when a 特约督学 is made a school's responsible inspector in a district that does not allow it
    /// (a district setting; by default it does not: 特约督学 are invited observers, not the school's supervisor).
    public static func specialAsResponsibleWarning(name: String, duties: [InspectorDuty], allowed: Bool) -> String? {
        guard !allowed, duties.contains(.special) else { return nil }
        return "\(name)是特约督学，本区设置特约督学一般不担任学校责任督学，请确认或改派"
    }

    /// A warning when an inspector would hold more schools than the district allows.
    public static func loadWarning(currentSchools: Int, adding: Int = 1, limit: Int) -> String? {
        let total = currentSchools + adding
        return total > limit ? "该督学将负责\(total)所学校，超过本区设定的\(limit)所" : nil
    }
}
