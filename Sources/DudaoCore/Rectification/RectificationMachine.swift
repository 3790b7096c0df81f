import Foundation

/// A refused transition, with the reason in Chinese for the person who tried.
public struct TransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Role {
    /// Order in which roles are named in refusals ("只有督学或督导室可以…").
    static let sentenceOrder: [Role] = [.school, .inspector, .office, .admin]

    /// "学校", "督学或督导室", "督导室或平台管理员".
    static func sentenceList(_ roles: Set<Role>) -> String {
        sentenceOrder.filter(roles.contains).map(\.label).joined(separator: "或")
    }
}

/// 整改通知书 states.
public enum NoticeState: String, LabelledEnum {
    case draft, pendingApproval, issued, acknowledged, reported, returned, closed, withdrawn

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .pendingApproval: "待审批"
        case .issued: "已下达"
        case .acknowledged: "已签收"
        case .reported: "待复查"
        case .returned: "已退回"
        case .closed: "已销号"
        case .withdrawn: "已撤回"
        }
    }

    /// Not closed (销号) or withdrawn.
    public var isOpen: Bool { self != .closed && self != .withdrawn }

    /// The open states (`isOpen`), for a query: an equality per state reads a (state, …) index, where "not closed or
    /// withdrawn" reads every notice.
    public static let open: [NoticeState] = allCases.filter(\.isOpen)

    /// Issued to the school and not yet finished: the school's deadline runs.
    public var isWithSchool: Bool { Self.withSchool.contains(self) }

    /// The states in which the school's deadline runs, so a notice in one of them past its deadline is overdue:
    /// the one list every page, count and job filters by.
    public static let withSchool: [NoticeState] = [.issued, .acknowledged, .returned]
}

public enum NoticeAction: String, LabelledEnum {
    case submitForApproval, approve, reject, issue, acknowledge, report, returnReport, close, withdraw

    public var label: String {
        switch self {
        case .submitForApproval: "提交审批"
        case .approve: "审批同意"
        case .reject: "审批退回"
        case .issue: "下达"
        case .acknowledge: "签收"
        case .report: "提交整改报告"
        case .returnReport: "退回重报"
        case .close: "复查销号"
        case .withdraw: "撤回"
        }
    }

    /// The verb as it reads after "不能再…".
    var verb: String {
        switch self {
        case .submitForApproval: "提交审批"
        case .approve: "审批"
        case .reject: "审批退回"
        case .issue: "下达"
        case .acknowledge: "签收"
        case .report: "提交整改报告"
        case .returnReport: "退回整改报告"
        case .close: "销号"
        case .withdraw: "撤回"
        }
    }

    /// What the action does, as it reads after "只有督学可以…".
    var phrase: String {
        switch self {
        case .submitForApproval: "将整改通知书提交审批"
        case .approve: "审批整改通知书"
        case .reject: "退回待审批的整改通知书"
        case .issue: "下达整改通知书"
        case .acknowledge: "签收整改通知书"
        case .report: "提交整改报告"
        case .returnReport: "退回整改报告"
        case .close: "复查销号"
        case .withdraw: "撤回整改通知书"
        }
    }
}

/// District setting: whether a notice needs the office's approval before it is issued.
public struct NoticePolicy: Sendable, Equatable {
    public var requiresApproval: Bool
    public init(requiresApproval: Bool = false) { self.requiresApproval = requiresApproval }
}

/// The life of a 整改通知书.
///
/// | action            | from                              | to              | roles                | policy             |
/// |-------------------|-----------------------------------|-----------------|----------------------|--------------------|
/// | submitForApproval | draft                             | pendingApproval | inspector            | requiresApproval   |
/// | approve           | pendingApproval                   | issued          | office, admin        | any                |
/// | reject            | pendingApproval                   | draft           | office, admin        | any                |
/// | issue             | draft                             | issued          | inspector, office    | !requiresApproval  |
/// | acknowledge       | issued                            | acknowledged    | school               | any                |
/// | report            | issued, acknowledged, returned    | reported        | school               | any                |
/// | returnReport      | reported                          | returned        | inspector, office    | any                |
/// | close             | reported                          | closed          | inspector, office    | any                |
/// | withdraw          | every open state                  | withdrawn       | office, admin        | any                |
///
/// Everything else is refused; the leader never acts. A notice already pending approval can
/// still be approved or rejected after the district turns approval off, so none is stranded.
/// Refusals are checked in this order: leader, finished notice (已销号/已撤回), role, state,
/// district policy — so a school that may never close a notice is told so, whatever its state.
public enum RectificationMachine {
    enum PolicyNeed { case any, approval, direct }

    struct Rule {
        let from: Set<NoticeState>
        let to: NoticeState
        let roles: Set<Role>
        let policy: PolicyNeed
    }

    static let preIssue: Set<NoticeState> = [.draft, .pendingApproval]

    static func rule(_ action: NoticeAction) -> Rule {
        switch action {
        case .submitForApproval:
            Rule(from: [.draft], to: .pendingApproval, roles: [.inspector], policy: .approval)
        case .approve:
            Rule(from: [.pendingApproval], to: .issued, roles: [.office, .admin], policy: .any)
        case .reject:
            Rule(from: [.pendingApproval], to: .draft, roles: [.office, .admin], policy: .any)
        case .issue:
            Rule(from: [.draft], to: .issued, roles: [.inspector, .office], policy: .direct)
        case .acknowledge:
            Rule(from: [.issued], to: .acknowledged, roles: [.school], policy: .any)
        case .report:
            Rule(from: [.issued, .acknowledged, .returned], to: .reported, roles: [.school], policy: .any)
        case .returnReport:
            Rule(from: [.reported], to: .returned, roles: [.inspector, .office], policy: .any)
        case .close:
            Rule(from: [.reported], to: .closed, roles: [.inspector, .office], policy: .any)
        case .withdraw:
            Rule(
                from: Set(NoticeState.allCases.filter(\.isOpen)), to: .withdrawn, roles: [.office, .admin],
                policy: .any)
        }
    }

    /// Who may take which action from which state: the next state, or why not.
    public static func next(from: NoticeState, action: NoticeAction, role: Role, policy: NoticePolicy)
        -> Result<NoticeState, TransitionError>
    {
        func refuse(_ message: String) -> Result<NoticeState, TransitionError> {
            .failure(TransitionError(message))
        }
        if role == .leader { return refuse("领导只能查看整改通知书，不能办理") }
        if from == .closed { return refuse("整改通知书已销号，不能再\(action.verb)") }
        if from == .withdrawn { return refuse("整改通知书已撤回，不能再\(action.verb)") }
        let rule = rule(action)
        if !rule.roles.contains(role) {
            return refuse("只有\(Role.sentenceList(rule.roles))可以\(action.phrase)")
        }
        if !rule.from.contains(from) { return refuse(stateRefusal(from: from, action: action)) }
        switch rule.policy {
        case .approval where !policy.requiresApproval:
            return refuse("本区不要求审批，整改通知书可以直接下达")
        case .direct where policy.requiresApproval:
            return refuse("本区要求整改通知书经督导室审批后下达，请先提交审批")
        default:
            return .success(rule.to)
        }
    }

    /// Why `action` does not apply to a notice that is open but in `from`.
    static func stateRefusal(from: NoticeState, action: NoticeAction) -> String {
        switch (action, from) {
        case (.submitForApproval, .pendingApproval): "整改通知书已提交审批，正在等待督导室审批"
        case (.submitForApproval, _): "整改通知书已下达，不能再提交审批"
        case (.approve, .draft), (.reject, .draft): "整改通知书还没有提交审批"
        case (.approve, _), (.reject, _): "整改通知书已下达，无需审批"
        case (.issue, .pendingApproval): "整改通知书正在等待审批，审批同意后即下达"
        case (.issue, _): "整改通知书已下达，不能重复下达"
        case (.acknowledge, _) where preIssue.contains(from): "整改通知书还没有下达，不能签收"
        case (.acknowledge, .acknowledged): "学校已签收这份整改通知书"
        case (.acknowledge, _): "学校已提交过整改报告，无需再签收"
        case (.report, .reported): "整改报告已提交，正在等待复查"
        case (.report, _): "整改通知书还没有下达，不能提交整改报告"
        case (_, _) where preIssue.contains(from): "整改通知书还没有下达，不能\(action.verb)"
        case (_, .returned): "整改报告已退回学校重报，学校重新提交后才能\(action.verb)"
        default: "学校还没有提交整改报告，不能\(action.verb)"
        }
    }

    /// The actions `role` may take now, in declaration order.
    public static func allowedActions(from: NoticeState, role: Role, policy: NoticePolicy) -> [NoticeAction] {
        NoticeAction.allCases.filter {
            if case .success = next(from: from, action: $0, role: role, policy: policy) { return true }
            return false
        }
    }
}
