import Foundation

/// Where an inspector's monthly report (督导月报) stands.
public enum MonthlyReportState: String, LabelledEnum {
    case draft, submitted, received, returned
    public var label: String {
        switch self {
        case .draft: "未报送"
        case .submitted: "已报送"
        case .received: "已接收"
        case .returned: "已退回"
        }
    }
}

/// What an inspector's month comes to, counted from their records: kept with the report when submitted, so the
/// report does not change when records are amended later.
public struct MonthlyReportFigures: Sendable, Equatable, Codable {
    public struct Highlight: Sendable, Equatable, Codable {
        public var school: String
        public var day: String
        public var text: String
        public init(school: String, day: String, text: String) {
            self.school = school
            self.day = day
            self.text = text
        }
    }
    public var visits = 0
    public var schools = 0
    public var observations = 0
    public var interviews = 0
    public var problemsFound = 0
    public var noticesClosed = 0
    public var complaintsHandled = 0
    public var highlights: [Highlight] = []

    public init() {}

    /// The figures as a person reads them, in the report's order.
    public var lines: [(String, Int)] {
        [
            ("到校督导", visits), ("督导学校", schools), ("听课", observations), ("访谈", interviews),
            ("发现问题", problemsFound), ("整改销号", noticesClosed), ("办理举报投诉", complaintsHandled),
        ]
    }

    /// The draft's opening paragraph, written from the figures only.
    public func summary(month: YearMonth) -> String {
        guard visits > 0 else { return "\(month.label)没有到校督导记录。" }
        var text = "\(month.label)到\(schools)所学校督导\(visits)次，听课\(observations)节，访谈\(interviews)人次，发现问题\(problemsFound)个"
        if noticesClosed > 0 { text += "，整改通知书销号\(noticesClosed)份" }
        if complaintsHandled > 0 { text += "，办理举报投诉\(complaintsHandled)件" }
        return text + "。"
    }
}

/// The rules of the monthly report: when it is due, who may do what, how late it is.
public enum MonthlyReportRules {
    /// Due on this working day of the next month.
    public static let dueWorkingDay = 3
    public static let maxRemarks = 2000
    public static let maxComment = 500

    public enum Action: String, Sendable {
        case save, submit, receive
        case giveBack = "return"
    }

    public enum Refusal: Error, Equatable, Sendable {
        case notYours, officeOnly, monthNotOver, commentRequired
        case wrongState(MonthlyReportState)

        public var message: String {
            switch self {
            case .notYours: "只有本人可以填写和报送督导月报"
            case .officeOnly: "只有督导室可以接收或退回督导月报"
            case .wrongState(let s): "督导月报当前为“\(s.label)”，不能这样操作"
            case .monthNotOver: "本月尚未结束，月底后再报送"
            case .commentRequired: "退回时请写明需要补充或修改的内容"
            }
        }
    }

    /// The day the report of `month` is due.
    public static func due(_ month: YearMonth, calendar: WorkingCalendar) -> Day {
        calendar.adding(workingDays: dueWorkingDay, to: month.lastDay)
    }

    /// Days late: after the due day, counted to the submission (or to today while not submitted); nil when on time.
    public static func daysLate(due: Day, submitted: Day?, today: Day) -> Int? {
        let end = submitted ?? today
        let late = end.ordinal - due.ordinal
        return late > 0 ? late : nil
    }

    /// The state after `action`, or why it is refused. The inspector writes and submits their own report once the
    /// month's last week has begun; the office receives it or returns it with a comment.
    public static func next(
        _ state: MonthlyReportState, _ action: Action, isAuthor: Bool, isOffice: Bool, month: YearMonth, today: Day,
        comment: String = ""
    ) -> Result<MonthlyReportState, Refusal> {
        switch action {
        case .save, .submit:
            guard isAuthor else { return .failure(.notYours) }
            guard state == .draft || state == .returned else { return .failure(.wrongState(state)) }
            if action == .save { return .success(state) }
            guard today >= month.lastDay.adding(days: -6) else { return .failure(.monthNotOver) }
            return .success(.submitted)
        case .receive, .giveBack:
            guard isOffice else { return .failure(.officeOnly) }
            guard state == .submitted else { return .failure(.wrongState(state)) }
            if action == .giveBack, comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return .failure(.commentRequired)
            }
            return .success(action == .receive ? .received : .returned)
        }
    }
}
