import Foundation

// 六个一 — the yardstick a responsible inspector's work is measured by (rules.md §1, seed 002).
// All counts are district settings; the defaults below are those of the seed document.

/// A district's figures for the 六个一.
public struct ComplianceSettings: Sendable, Equatable, Codable {
    public var visitsPerSchoolPerMonth = 1
    public var observationsPerVisit = 1
    public var teachersPerVisit = 2
    public var studentsPerVisit = 3
    /// At a kindergarten children are not interviewed: teachers or 保育员, and parents (default 2 + 3).
    public var kindergartenStaffPerVisit = 2
    public var kindergartenParentsPerVisit = 3
    public var summariesPerSemester = 1
    public var casesPerSemester = 1
    /// Months (1...12) in which no visit is required.
    public var vacationMonths: Set<Int> = [7, 8]
    /// A month requires a visit only if the assignment covers at least this many days of it.
    /// (Capped at the month's length, so 31 still requires February when fully covered.)
    public var minAssignedDaysInMonth = 15

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case visitsPerSchoolPerMonth, observationsPerVisit, teachersPerVisit, studentsPerVisit
        case kindergartenStaffPerVisit, kindergartenParentsPerVisit
        case summariesPerSemester, casesPerSemester, vacationMonths, minAssignedDaysInMonth
    }

    /// Missing keys keep their defaults, so settings stored before a figure existed still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ComplianceSettings()
        visitsPerSchoolPerMonth =
            try c.decodeIfPresent(Int.self, forKey: .visitsPerSchoolPerMonth) ?? d.visitsPerSchoolPerMonth
        observationsPerVisit =
            try c.decodeIfPresent(Int.self, forKey: .observationsPerVisit) ?? d.observationsPerVisit
        teachersPerVisit = try c.decodeIfPresent(Int.self, forKey: .teachersPerVisit) ?? d.teachersPerVisit
        studentsPerVisit = try c.decodeIfPresent(Int.self, forKey: .studentsPerVisit) ?? d.studentsPerVisit
        kindergartenStaffPerVisit =
            try c.decodeIfPresent(Int.self, forKey: .kindergartenStaffPerVisit) ?? d.kindergartenStaffPerVisit
        kindergartenParentsPerVisit =
            try c.decodeIfPresent(Int.self, forKey: .kindergartenParentsPerVisit) ?? d.kindergartenParentsPerVisit
        summariesPerSemester =
            try c.decodeIfPresent(Int.self, forKey: .summariesPerSemester) ?? d.summariesPerSemester
        casesPerSemester = try c.decodeIfPresent(Int.self, forKey: .casesPerSemester) ?? d.casesPerSemester
        vacationMonths = try c.decodeIfPresent(Set<Int>.self, forKey: .vacationMonths) ?? d.vacationMonths
        minAssignedDaysInMonth =
            try c.decodeIfPresent(Int.self, forKey: .minAssignedDaysInMonth) ?? d.minAssignedDaysInMonth
    }

    /// Vacation months are written sorted, so the stored JSON is stable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(visitsPerSchoolPerMonth, forKey: .visitsPerSchoolPerMonth)
        try c.encode(observationsPerVisit, forKey: .observationsPerVisit)
        try c.encode(teachersPerVisit, forKey: .teachersPerVisit)
        try c.encode(studentsPerVisit, forKey: .studentsPerVisit)
        try c.encode(kindergartenStaffPerVisit, forKey: .kindergartenStaffPerVisit)
        try c.encode(kindergartenParentsPerVisit, forKey: .kindergartenParentsPerVisit)
        try c.encode(summariesPerSemester, forKey: .summariesPerSemester)
        try c.encode(casesPerSemester, forKey: .casesPerSemester)
        try c.encode(vacationMonths.sorted(), forKey: .vacationMonths)
        try c.encode(minAssignedDaysInMonth, forKey: .minAssignedDaysInMonth)
    }
}

/// The six rules of the 六个一, in their official order.
public enum ComplianceRule: String, Sendable, Codable, CaseIterable, LabelledEnum {
    case areaPlan, visitPlan, monthlyVisit, observation, interviews, summaryAndCase

    /// 1...6, the rule's place in the 六个一.
    public var number: Int {
        switch self {
        case .areaPlan: 1
        case .visitPlan: 2
        case .monthlyVisit: 3
        case .observation: 4
        case .interviews: 5
        case .summaryAndCase: 6
        }
    }

    public var label: String {
        switch self {
        case .areaPlan: "学期片区计划"
        case .visitPlan: "督导前方案"
        case .monthlyVisit: "每月到校督导"
        case .observation: "听课或教研"
        case .interviews: "访谈师生"
        case .summaryAndCase: "总结与案例"
        }
    }

    /// The rule as a sentence, with the default figures.
    public var requirement: String { requirement(ComplianceSettings()) }

    /// The rule as a sentence, with a district's figures.
    public func requirement(_ s: ComplianceSettings) -> String {
        switch self {
        case .areaPlan:
            return "每学期制定一份片区督导工作计划并报督导室备案"
        case .visitPlan:
            return "每次督导前制定书面督导方案，明确督导任务、方法和重点"
        case .monthlyVisit:
            let vacation = s.vacationMonths.filter { (1...12).contains($0) }.sorted()
            let except = vacation.isEmpty ? "" : "（\(vacation.map { "\($0)月" }.joined(separator: "、"))除外）"
            return "每月至少到每所责任学校督导\(s.visitsPerSchoolPerMonth)次\(except)"
        case .observation:
            return "每次督导至少听课\(s.observationsPerVisit)节或参加教研活动\(s.observationsPerVisit)次"
        case .interviews:
            return "每次督导至少访谈\(s.teachersPerVisit)名教师、\(s.studentsPerVisit)名学生"
                + "（幼儿园：\(s.kindergartenStaffPerVisit)名教师或保育员、\(s.kindergartenParentsPerVisit)名家长）"
        case .summaryAndCase:
            return "每学期至少撰写\(s.summariesPerSemester)份督导工作总结和\(s.casesPerSemester)份督导案例"
        }
    }
}

/// The written work rule 6 asks for each semester.
public enum ReportKind: String, Sendable, Codable, CaseIterable, LabelledEnum {
    case summary, caseStudy

    public var label: String {
        switch self {
        case .summary: "工作总结"
        case .caseStudy: "督导案例"
        }
    }
}

/// Everything the evaluation needs, already loaded by the caller.
public struct ComplianceInput: Sendable {
    /// An inspector's responsibility for a school from `start` to `end` (both inclusive; nil = open).
    public struct AssignmentSpan: Sendable, Equatable {
        public var inspectorID: Int
        public var schoolID: Int
        public var start: Day
        public var end: Day?

        public init(inspectorID: Int, schoolID: Int, start: Day, end: Day? = nil) {
            self.inspectorID = inspectorID
            self.schoolID = schoolID
            self.start = start
            self.end = end
        }
    }

    /// A submitted visit, reduced to what the 六个一 count.
    public struct VisitFacts: Sendable, Equatable {
        public var id: Int
        public var schoolID: Int
        public var date: Day
        public var leadInspectorID: Int
        /// Team members other than the lead (may be empty).
        public var memberIDs: [Int]
        public var hadPlanBefore: Bool
        /// Classes observed plus teaching-research activities attended.
        public var observations: Int
        /// Teachers interviewed; at a kindergarten, teachers and 保育员.
        public var teachersInterviewed: Int
        public var studentsInterviewed: Int
        /// A kindergarten visit is measured by its own figures: staff and parents, not students.
        public var atKindergarten: Bool
        public var parentsInterviewed: Int

        public init(
            id: Int, schoolID: Int, date: Day, leadInspectorID: Int, memberIDs: [Int] = [],
            hadPlanBefore: Bool, observations: Int, teachersInterviewed: Int, studentsInterviewed: Int,
            atKindergarten: Bool = false, parentsInterviewed: Int = 0
        ) {
            self.atKindergarten = atKindergarten
            self.parentsInterviewed = parentsInterviewed
            self.id = id
            self.schoolID = schoolID
            self.date = date
            self.leadInspectorID = leadInspectorID
            self.memberIDs = memberIDs
            self.hadPlanBefore = hadPlanBefore
            self.observations = observations
            self.teachersInterviewed = teachersInterviewed
            self.studentsInterviewed = studentsInterviewed
        }

        /// The lead and the members, each once.
        public var creditedInspectorIDs: [Int] {
            var seen: Set<Int> = []
            return ([leadInspectorID] + memberIDs).filter { seen.insert($0).inserted }
        }
    }

    /// A work summary or case study an inspector handed in for a semester.
    public struct ReportFacts: Sendable, Equatable {
        public var inspectorID: Int
        public var kind: ReportKind
        public var semester: Semester

        public init(inspectorID: Int, kind: ReportKind, semester: Semester) {
            self.inspectorID = inspectorID
            self.kind = kind
            self.semester = semester
        }
    }

    /// An area supervision plan filed (已备案) with the office for a semester.
    public struct PlanFacts: Sendable, Equatable {
        public var inspectorID: Int
        public var semester: Semester

        public init(inspectorID: Int, semester: Semester) {
            self.inspectorID = inspectorID
            self.semester = semester
        }
    }

    /// The inspectors to evaluate; data about anyone else is ignored.
    public var inspectorIDs: [Int]
    public var assignments: [AssignmentSpan]
    /// Submitted visits only.
    public var visits: [VisitFacts]
    /// Filed (已备案) plans only.
    public var filedPlans: [PlanFacts]
    public var reports: [ReportFacts]
    public var semester: Semester
    public var today: Day
    public var settings: ComplianceSettings

    public init(
        inspectorIDs: [Int], assignments: [AssignmentSpan], visits: [VisitFacts] = [],
        filedPlans: [PlanFacts] = [], reports: [ReportFacts] = [], semester: Semester, today: Day,
        settings: ComplianceSettings = ComplianceSettings()
    ) {
        self.inspectorIDs = inspectorIDs
        self.assignments = assignments
        self.visits = visits
        self.filedPlans = filedPlans
        self.reports = reports
        self.semester = semester
        self.today = today
        self.settings = settings
    }
}

/// Where one inspector stands with one school in one month.
public enum VisitState: String, Sendable, Codable, CaseIterable, LabelledEnum {
    case visited, due, overdue, notRequired, upcoming

    public var label: String {
        switch self {
        case .visited: "已督导"
        case .due: "本月待督导"
        case .overdue: "逾期未督导"
        case .notRequired: "无需督导"
        case .upcoming: "未到月份"
        }
    }
}

/// One way an inspector fell short of a rule.
public struct Shortfall: Sendable, Equatable, Codable {
    public var rule: ComplianceRule
    public var inspectorID: Int
    /// The school (monthly and per-visit rules).
    public var schoolID: Int?
    /// The month (monthly rule) or the visit's month (per-visit rules).
    public var month: YearMonth?
    /// The visit (per-visit rules).
    public var visitID: Int?
    /// The missing kind of report (summary-and-case rule).
    public var reportKind: ReportKind?
    public var expected: Int
    public var actual: Int
    /// A Chinese sentence saying what is missing.
    public var message: String

    public init(
        rule: ComplianceRule, inspectorID: Int, schoolID: Int? = nil, month: YearMonth? = nil,
        visitID: Int? = nil, reportKind: ReportKind? = nil, expected: Int, actual: Int, message: String
    ) {
        self.rule = rule
        self.inspectorID = inspectorID
        self.schoolID = schoolID
        self.month = month
        self.visitID = visitID
        self.reportKind = reportKind
        self.expected = expected
        self.actual = actual
        self.message = message
    }

    /// The documented order: inspector, rule number, month, school, visit (absent values first).
    static func precedes(_ a: Shortfall, _ b: Shortfall) -> Bool {
        if a.inspectorID != b.inspectorID { return a.inspectorID < b.inspectorID }
        if a.rule != b.rule { return a.rule.number < b.rule.number }
        if a.month != b.month { return optionalLess(a.month, b.month) }
        if a.schoolID != b.schoolID { return optionalLess(a.schoolID, b.schoolID) }
        if a.visitID != b.visitID { return optionalLess(a.visitID, b.visitID) }
        let ka = a.reportKind.map { ReportKind.allCases.firstIndex(of: $0)! }
        let kb = b.reportKind.map { ReportKind.allCases.firstIndex(of: $0)! }
        return optionalLess(ka, kb)
    }

    private static func optionalLess<T: Comparable>(_ a: T?, _ b: T?) -> Bool {
        switch (a, b) {
        case (let x?, let y?): x < y
        case (nil, _?): true
        default: false
        }
    }
}

/// How an inspector stands with one rule.
public enum RuleState: Sendable, Equatable, Hashable {
    case met
    /// Not yet due: the semester is still running (summary and case study).
    case pending
    /// The number of shortfalls.
    case short(Int)

    public var label: String {
        switch self {
        case .met: "达标"
        case .pending: "待完成"
        case .short(let n): "未达标（\(n)项）"
        }
    }
}

public struct ComplianceResult: Sendable {
    public struct MonthKey: Hashable, Sendable {
        public var inspectorID: Int
        public var schoolID: Int
        public var month: YearMonth

        public init(inspectorID: Int, schoolID: Int, month: YearMonth) {
            self.inspectorID = inspectorID
            self.schoolID = schoolID
            self.month = month
        }
    }

    /// Sorted by inspector, rule number, month, school, visit.
    public var shortfalls: [Shortfall]
    /// Visit state of every (inspector, school, month) of the semester that the inspector was
    /// assigned to (for at least one day of the month).
    public var monthStates: [MonthKey: VisitState]
    /// Rules not yet due but not yet satisfied, per inspector (summary and case study while the
    /// semester runs).
    public var pendingRules: [Int: Set<ComplianceRule>]
    /// Visits credited (as lead or member) per inspector and month, all schools, up to today.
    public var creditedVisits: [Int: [YearMonth: Int]]

    public init(
        shortfalls: [Shortfall], monthStates: [MonthKey: VisitState],
        pendingRules: [Int: Set<ComplianceRule>] = [:], creditedVisits: [Int: [YearMonth: Int]] = [:]
    ) {
        self.shortfalls = shortfalls
        self.monthStates = monthStates
        self.pendingRules = pendingRules
        self.creditedVisits = creditedVisits
    }

    public func shortfalls(inspectorID: Int) -> [Shortfall] {
        shortfalls.filter { $0.inspectorID == inspectorID }
    }

    /// Every rule's state for the inspector (all six keys are present).
    public func ruleStates(inspectorID: Int) -> [ComplianceRule: RuleState] {
        let mine = shortfalls(inspectorID: inspectorID)
        let pending = pendingRules[inspectorID] ?? []
        var out: [ComplianceRule: RuleState] = [:]
        for rule in ComplianceRule.allCases {
            let n = mine.count(where: { $0.rule == rule })
            out[rule] = n > 0 ? .short(n) : pending.contains(rule) ? .pending : .met
        }
        return out
    }

    /// Visits credited to the inspector in that month (as lead or member, any school, up to today).
    public func visitsCount(inspectorID: Int, month: YearMonth) -> Int {
        creditedVisits[inspectorID]?[month] ?? 0
    }

    /// The month states of one inspector for one school, in month order.
    public func monthStates(inspectorID: Int, schoolID: Int) -> [(month: YearMonth, state: VisitState)] {
        monthStates
            .filter { $0.key.inspectorID == inspectorID && $0.key.schoolID == schoolID }
            .map { (month: $0.key.month, state: $0.value) }
            .sorted { $0.month < $1.month }
    }
}

public enum Compliance {
    /// Measures each inspector of `input.inspectorIDs` against the 六个一 for `input.semester`,
    /// as things stand on `input.today`.
    public static func evaluate(_ input: ComplianceInput) -> ComplianceResult {
        let s = input.settings
        let semester = input.semester
        let today = input.today
        let thisMonth = YearMonth(today)
        let inspectors = Set(input.inspectorIDs)

        // Visits that count: dated up to today (a later date is a data error, ignored).
        let visits = input.visits.filter { $0.date <= today }

        // Credited visits per (inspector, school, month) and per (inspector, month).
        var perSchoolMonth: [ComplianceResult.MonthKey: Int] = [:]
        var perMonth: [Int: [YearMonth: Int]] = [:]
        for v in visits {
            let m = YearMonth(v.date)
            for id in v.creditedInspectorIDs {
                perSchoolMonth[.init(inspectorID: id, schoolID: v.schoolID, month: m), default: 0] += 1
                perMonth[id, default: [:]][m, default: 0] += 1
            }
        }

        var shortfalls: [Shortfall] = []
        var monthStates: [ComplianceResult.MonthKey: VisitState] = [:]
        var pending: [Int: Set<ComplianceRule>] = [:]

        // The part of the semester that has begun: firstDay ... min(today, lastDay).
        let started = today >= semester.firstDay
        let ended = today > semester.lastDay
        let elapsedEnd = min(today, semester.lastDay)

        for inspector in inspectors.sorted() {
            let spans = input.assignments.filter { $0.inspectorID == inspector }

            // Rules 1 and 6 apply to an inspector responsible for a school during the semester so far.
            let responsible =
                started
                && spans.contains { $0.start <= elapsedEnd && ($0.end ?? elapsedEnd) >= semester.firstDay }

            // 1. Area plan, filed with the office.
            if responsible
                && !input.filedPlans.contains(where: { $0.inspectorID == inspector && $0.semester == semester })
            {
                shortfalls.append(
                    Shortfall(
                        rule: .areaPlan, inspectorID: inspector, expected: 1, actual: 0,
                        message: "\(semester.label)的片区督导工作计划未报督导室备案"))
            }

            // 3. Monthly visit to each assigned school.
            let schools = Set(spans.map(\.schoolID)).sorted()
            for school in schools {
                let schoolSpans = spans.filter { $0.schoolID == school }
                for month in semester.months {
                    let covered = coveredDays(of: month, by: schoolSpans)
                    if covered == 0 { continue }
                    let key = ComplianceResult.MonthKey(inspectorID: inspector, schoolID: school, month: month)
                    let count = perSchoolMonth[key] ?? 0
                    let required =
                        s.visitsPerSchoolPerMonth > 0
                        && !s.vacationMonths.contains(month.month)
                        && covered >= min(s.minAssignedDaysInMonth, month.dayCount)
                    let state: VisitState
                    if month > thisMonth {
                        state = .upcoming
                    } else if !required {
                        state = count > 0 ? .visited : .notRequired
                    } else if count >= s.visitsPerSchoolPerMonth {
                        state = .visited
                    } else if month == thisMonth {
                        state = .due
                    } else {
                        state = .overdue
                        let message =
                            count == 0
                            ? "\(month.label)未到校督导（应至少\(s.visitsPerSchoolPerMonth)次，实际0次）"
                            : "\(month.label)到校督导次数不足（应至少\(s.visitsPerSchoolPerMonth)次，实际\(count)次）"
                        shortfalls.append(
                            Shortfall(
                                rule: .monthlyVisit, inspectorID: inspector, schoolID: school, month: month,
                                expected: s.visitsPerSchoolPerMonth, actual: count, message: message))
                    }
                    monthStates[key] = state
                }
            }

            // 2, 4, 5. Per-visit rules, for visits the inspector led during the semester.
            let led = visits.filter { $0.leadInspectorID == inspector && semester.contains(YearMonth($0.date)) }
            for v in led {
                shortfalls.append(contentsOf: perVisitShortfalls(v, settings: s))
            }

            // 6. Summary and case study.
            if responsible {
                let mine = input.reports.filter { $0.inspectorID == inspector && $0.semester == semester }
                let figures: [(ReportKind, Int)] = [
                    (.summary, s.summariesPerSemester), (.caseStudy, s.casesPerSemester),
                ]
                for (kind, expected) in figures {
                    let actual = mine.count(where: { $0.kind == kind })
                    guard actual < expected else { continue }
                    if ended {
                        let message =
                            actual == 0
                            ? "\(semester.label)未提交\(kind.label)（应至少\(expected)份，实际0份）"
                            : "\(semester.label)\(kind.label)不足（应至少\(expected)份，实际\(actual)份）"
                        shortfalls.append(
                            Shortfall(
                                rule: .summaryAndCase, inspectorID: inspector, reportKind: kind,
                                expected: expected, actual: actual, message: message))
                    } else {
                        pending[inspector, default: []].insert(.summaryAndCase)
                    }
                }
            }
        }

        shortfalls.sort(by: Shortfall.precedes)
        return ComplianceResult(
            shortfalls: shortfalls, monthStates: monthStates, pendingRules: pending,
            creditedVisits: perMonth.filter { inspectors.contains($0.key) })
    }

    /// Days of `month` covered by at least one of the spans (overlapping spans count once).
    static func coveredDays(of month: YearMonth, by spans: [ComplianceInput.AssignmentSpan]) -> Int {
        let first = month.firstDay.ordinal
        let last = month.lastDay.ordinal
        var days: Set<Int> = []
        for span in spans {
            let from = max(span.start.ordinal, first)
            let to = min(span.end?.ordinal ?? last, last)
            if from <= to { days.formUnion(from...to) }
        }
        return days.count
    }

    /// Plan, observation and interview shortfalls of one visit, attributed to its lead.
    static func perVisitShortfalls(_ v: ComplianceInput.VisitFacts, settings s: ComplianceSettings) -> [Shortfall] {
        var out: [Shortfall] = []
        let when = "\(v.date.chinese)的督导"
        func shortfall(_ rule: ComplianceRule, expected: Int, actual: Int, _ message: String) -> Shortfall {
            Shortfall(
                rule: rule, inspectorID: v.leadInspectorID, schoolID: v.schoolID, month: YearMonth(v.date),
                visitID: v.id, expected: expected, actual: actual, message: message)
        }

        if !v.hadPlanBefore {
            out.append(shortfall(.visitPlan, expected: 1, actual: 0, "\(when)事先没有制定督导方案"))
        }

        if v.observations < s.observationsPerVisit {
            let message =
                v.observations <= 0
                ? "\(when)没有听课或参加教研活动（应至少\(s.observationsPerVisit)次）"
                : "\(when)只听课或参加教研活动\(v.observations)次（应至少\(s.observationsPerVisit)次）"
            out.append(shortfall(.observation, expected: s.observationsPerVisit, actual: v.observations, message))
        }

        let groups: [(name: String, expected: Int, actual: Int)] =
            v.atKindergarten
            ? [
                ("教师或保育员", s.kindergartenStaffPerVisit, v.teachersInterviewed),
                ("家长", s.kindergartenParentsPerVisit, v.parentsInterviewed),
            ]
            : [("教师", s.teachersPerVisit, v.teachersInterviewed), ("学生", s.studentsPerVisit, v.studentsInterviewed)]
        let missing = groups.filter { $0.actual < $0.expected }
        if !missing.isEmpty {
            let parts = missing.map { g in
                g.actual <= 0
                    ? "没有访谈\(g.name)（应至少\(g.expected)名）"
                    : "只访谈了\(g.actual)名\(g.name)（应至少\(g.expected)名）"
            }
            out.append(
                shortfall(
                    .interviews, expected: groups.reduce(0) { $0 + $1.expected },
                    actual: groups.reduce(0) { $0 + $1.actual },
                    when + parts.joined(separator: "，")))
        }
        return out
    }
}
