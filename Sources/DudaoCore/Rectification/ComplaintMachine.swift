import Foundation

/// 举报投诉 states.
public enum ComplaintState: String, LabelledEnum {
    case received, accepted, verifying, handling, replied, closed, rejected

    public var label: String {
        switch self {
        case .received: "待受理"
        case .accepted: "已受理"
        case .verifying: "核实中"
        case .handling: "处理中"
        case .replied: "已回复"
        case .closed: "已办结"
        case .rejected: "不予受理"
        }
    }

    /// Not closed (办结) or rejected (不予受理).
    public var isOpen: Bool { self != .closed && self != .rejected }

    /// The stages with a deadline of their own (`ComplaintMachine.stageLimit`), so a complaint in one of them past
    /// its deadline is overdue: the one list every page, count and job filters by.
    public static let timed: [ComplaintState] = [.received, .accepted, .verifying, .handling]
}

public enum ComplaintAction: String, LabelledEnum {
    case accept, reject, startVerifying, finishVerifying, reply, close

    public var label: String {
        switch self {
        case .accept: "受理"
        case .reject: "不予受理"
        case .startVerifying: "开始核实"
        case .finishVerifying: "核实完毕"
        case .reply: "回复投诉人"
        case .close: "办结"
        }
    }

    /// As it reads after "不能" / "不能再".
    var verb: String {
        switch self {
        case .accept: "受理"
        case .reject: "决定不予受理"
        case .startVerifying: "开始核实"
        case .finishVerifying: "完成核实"
        case .reply: "回复投诉人"
        case .close: "办结"
        }
    }

    /// As it reads after "只有督导室可以".
    var phrase: String {
        switch self {
        case .accept: "受理举报投诉"
        case .reject: "决定不予受理"
        case .startVerifying: "核实举报投诉"
        case .finishVerifying: "完成核实"
        case .reply: "回复投诉人"
        case .close: "办结举报投诉"
        }
    }
}

/// Time limits per stage, in working days: a district setting. The defaults follow the
/// national model (issue a check sheet in 3, verify in 5, decide in 5, complete and tell
/// the complainant in 5).
public struct ComplaintTimeLimits: Sendable, Equatable, Codable {
    public var accept = 3
    public var verify = 5
    public var handle = 5
    public var reply = 5

    /// The district's promise, as the public pages state it.
    public var publicText: String {
        "收到后\(accept)个工作日内受理，受理后\(verify)个工作日内核实、\(handle)个工作日内处理、\(reply)个工作日内答复"
    }

    public init(accept: Int = 3, verify: Int = 5, handle: Int = 5, reply: Int = 5) {
        self.accept = accept
        self.verify = verify
        self.handle = handle
        self.reply = reply
    }

    /// The longest limit one stage may have.
    public static let maximum = 60

    /// Every limit a whole number of working days in 1…60; messages in Chinese.
    public func validated() -> Validated<ComplaintTimeLimits> {
        let named: [(String, String, Int)] = [
            ("accept", "受理时限", accept), ("verify", "核实时限", verify),
            ("handle", "处理时限", handle), ("reply", "回复时限", reply),
        ]
        let errors = named.filter { !(1...Self.maximum).contains($0.2) }.map {
            FieldError($0.0, "\($0.1)应为1到\(Self.maximum)个工作日")
        }
        return errors.isEmpty ? .success(self) : .failure(errors)
    }

    /// The working days from receipt to the reply if every stage used its full limit.
    public var total: Int { accept + verify + handle + reply }
}

/// Handling of one complaint.
///
/// | action          | from      | to        | roles             |
/// |-----------------|-----------|-----------|-------------------|
/// | accept          | received  | accepted  | inspector, office |
/// | reject          | received  | rejected  | office            |
/// | startVerifying  | accepted  | verifying | inspector, office |
/// | finishVerifying | verifying | handling  | inspector, office |
/// | reply           | handling  | replied   | inspector, office |
/// | close           | replied   | closed    | office            |
///
/// Everything else is refused; schools, leaders and platform admins never act.
/// Refusals are checked in this order: leader, finished (已办结/不予受理), role, state.
public enum ComplaintMachine {
    struct Rule {
        let from: ComplaintState
        let to: ComplaintState
        let roles: Set<Role>
    }

    static func rule(_ action: ComplaintAction) -> Rule {
        switch action {
        case .accept: Rule(from: .received, to: .accepted, roles: [.inspector, .office])
        case .reject: Rule(from: .received, to: .rejected, roles: [.office])
        case .startVerifying: Rule(from: .accepted, to: .verifying, roles: [.inspector, .office])
        case .finishVerifying: Rule(from: .verifying, to: .handling, roles: [.inspector, .office])
        case .reply: Rule(from: .handling, to: .replied, roles: [.inspector, .office])
        case .close: Rule(from: .replied, to: .closed, roles: [.office])
        }
    }

    public static func next(from: ComplaintState, action: ComplaintAction, role: Role)
        -> Result<ComplaintState, TransitionError>
    {
        func refuse(_ message: String) -> Result<ComplaintState, TransitionError> {
            .failure(TransitionError(message))
        }
        if role == .leader { return refuse("领导只能查看举报投诉，不能办理") }
        if from == .closed { return refuse("这件举报投诉已办结，不能再\(action.verb)") }
        if from == .rejected { return refuse("这件举报投诉已决定不予受理，不能再\(action.verb)") }
        let rule = rule(action)
        if !rule.roles.contains(role) {
            return refuse("只有\(Role.sentenceList(rule.roles))可以\(action.phrase)")
        }
        if rule.from != from {
            return refuse("这件举报投诉目前是“\(from.label)”，不能\(action.verb)")
        }
        return .success(rule.to)
    }

    /// The actions `role` may take now, in declaration order.
    public static func allowedActions(from: ComplaintState, role: Role) -> [ComplaintAction] {
        ComplaintAction.allCases.filter {
            if case .success = next(from: from, action: $0, role: role) { return true }
            return false
        }
    }

    /// The limit, in working days, of the stage a complaint in `state` is in:
    ///
    /// | state                | stage    | limit    | `stageStarted` is the day it was … |
    /// |----------------------|----------|----------|------------------------------------|
    /// | received             | 受理     | `accept` | received                           |
    /// | accepted, verifying  | 核实     | `verify` | accepted (for both states)         |
    /// | handling             | 处理     | `handle` | verification finished              |
    /// | replied, closed, rejected | —   | none     | —                                  |
    ///
    /// 核实 is one stage: starting verification does not restart its clock. The `reply` limit
    /// has no state of its own (the reply ends `handling`); it counts in `replyDue`, the latest
    /// day the complainant should hear back.
    public static func stageLimit(state: ComplaintState, limits: ComplaintTimeLimits) -> Int? {
        switch state {
        case .received: limits.accept
        case .accepted, .verifying: limits.verify
        case .handling: limits.handle
        case .replied, .closed, .rejected: nil
        }
    }

    /// The deadline of the current stage: its limit in working days after `stageStarted`
    /// (see `stageLimit` for which day that is); nil once replied, closed or rejected.
    public static func deadline(
        state: ComplaintState, stageStarted: Day, limits: ComplaintTimeLimits, calendar: WorkingCalendar
    ) -> Day? {
        guard let limit = stageLimit(state: state, limits: limits) else { return nil }
        return calendar.adding(workingDays: limit, to: stageStarted)
    }

    /// The latest day the complainant should have the reply: every limit, `accept + verify +
    /// handle + reply` working days, after the day the complaint was received. Shown on the
    /// public tracking page.
    public static func replyDue(received: Day, limits: ComplaintTimeLimits, calendar: WorkingCalendar) -> Day {
        calendar.adding(workingDays: limits.total, to: received)
    }
}

// MARK: - 转为学校问题

/// Why a complaint may not become a problem of its school now (转为学校问题, so it is rectified like any
/// other problem). Checked in this order; the page offers the button only when there is none.
public enum ComplaintProblemRefusal: Sendable, Equatable {
    /// Only the office and inspectors turn complaints into problems; everyone else reads.
    case readOnly
    /// About the district as a whole, not a school.
    case notAboutASchool
    /// Only while it is verified or handled (核实中/处理中).
    case notBeingHandled
    /// It has already become one.
    case alreadyAProblem

    public var message: String {
        switch self {
        case .readOnly: "领导账号只能查看"
        case .notAboutASchool: "反映全区性问题的投诉不能转为学校问题"
        case .notBeingHandled: "只有核实中或处理中的投诉可以转为学校问题"
        case .alreadyAProblem: "该投诉已转为问题"
        }
    }
}

extension ComplaintMachine {
    /// Who may turn a complaint into a school problem.
    public static let problemMakers: Set<Role> = [.office, .inspector]

    /// Why `role` may not turn a complaint in `state` into a problem of its school, or nil when it may.
    public static func problemRefusal(state: ComplaintState, aboutSchool: Bool, alreadyAProblem: Bool, role: Role)
        -> ComplaintProblemRefusal?
    {
        if !problemMakers.contains(role) { return .readOnly }
        if !aboutSchool { return .notAboutASchool }
        if state != .verifying && state != .handling { return .notBeingHandled }
        if alreadyAProblem { return .alreadyAProblem }
        return nil
    }
}
