import Foundation

/// The stages of one comprehensive (or special) supervision of a unit after the on-site visit
/// (教育督导条例 2012, rules.md §2 steps 5–8).
public enum ComprehensiveState: String, LabelledEnum {
    case preliminaryOpinion, responseWindow, opinionIssued, rectifying, reportReceived, verified, reportPublished

    public var label: String {
        switch self {
        case .preliminaryOpinion: "初步意见"
        case .responseWindow: "申辩期"
        case .opinionIssued: "已出具督导意见书"
        case .rectifying: "整改中"
        case .reportReceived: "已报送整改报告"
        case .verified: "已复查"
        case .reportPublished: "督导报告已发布"
        }
    }

    /// Every state but `reportPublished`.
    public var isOpen: Bool { self != .reportPublished }
}

public enum ComprehensiveAction: String, LabelledEnum {
    case sendPreliminary, respond, issueOpinion, acknowledgeOpinion, submitRectification, returnRectification,
        verify, publishReport

    public var label: String {
        switch self {
        case .sendPreliminary: "送达初步意见"
        case .respond: "提出申辩"
        case .issueOpinion: "出具督导意见书"
        case .acknowledgeOpinion: "签收督导意见书"
        case .submitRectification: "报送整改报告"
        case .returnRectification: "退回整改报告"
        case .verify: "复查通过"
        case .publishReport: "发布督导报告"
        }
    }

    /// What the action does, as it reads after "只有督导室可以…" and "不能再…".
    var phrase: String {
        switch self {
        case .sendPreliminary: "送达初步意见"
        case .respond: "提出申辩"
        case .issueOpinion: "出具督导意见书"
        case .acknowledgeOpinion: "签收督导意见书"
        case .submitRectification: "报送整改报告"
        case .returnRectification: "退回整改报告"
        case .verify: "复查整改情况"
        case .publishReport: "发布督导报告"
        }
    }
}

/// The comprehensive-supervision procedure for one unit.
///
/// | action              | from                       | to                 | roles             |
/// |---------------------|----------------------------|--------------------|-------------------|
/// | sendPreliminary     | preliminaryOpinion         | responseWindow     | office            |
/// | respond             | responseWindow             | responseWindow     | school            |
/// | issueOpinion        | responseWindow             | opinionIssued      | office            |
/// | acknowledgeOpinion  | opinionIssued              | rectifying         | school            |
/// | submitRectification | opinionIssued, rectifying  | reportReceived     | school            |
/// | returnRectification | reportReceived             | rectifying         | inspector, office |
/// | verify              | reportReceived             | verified           | inspector, office |
/// | publishReport       | verified                   | reportPublished    | office            |
///
/// - `respond` records the unit's 申辩 and keeps the window open (a unit may respond more
///   than once); issuing the 督导意见书 closes the window, so there is no separate close step.
/// - `submitRectification` is accepted straight after the opinion, as a school may report
///   without signing for it first (like `report` on an issued notice).
/// - Everything else is refused; leaders and platform admins never act here.
/// Refusals are checked in this order: leader, finished (督导报告已发布), role, state.
public enum ComprehensiveMachine {
    struct Rule {
        let from: Set<ComprehensiveState>
        let to: ComprehensiveState
        let roles: Set<Role>
    }

    static func rule(_ action: ComprehensiveAction) -> Rule {
        switch action {
        case .sendPreliminary: Rule(from: [.preliminaryOpinion], to: .responseWindow, roles: [.office])
        case .respond: Rule(from: [.responseWindow], to: .responseWindow, roles: [.school])
        case .issueOpinion: Rule(from: [.responseWindow], to: .opinionIssued, roles: [.office])
        case .acknowledgeOpinion: Rule(from: [.opinionIssued], to: .rectifying, roles: [.school])
        case .submitRectification:
            Rule(from: [.opinionIssued, .rectifying], to: .reportReceived, roles: [.school])
        case .returnRectification: Rule(from: [.reportReceived], to: .rectifying, roles: [.inspector, .office])
        case .verify: Rule(from: [.reportReceived], to: .verified, roles: [.inspector, .office])
        case .publishReport: Rule(from: [.verified], to: .reportPublished, roles: [.office])
        }
    }

    public static func next(from: ComprehensiveState, action: ComprehensiveAction, role: Role)
        -> Result<ComprehensiveState, TransitionError>
    {
        func refuse(_ message: String) -> Result<ComprehensiveState, TransitionError> {
            .failure(TransitionError(message))
        }
        if role == .leader { return refuse("领导只能查看综合督导，不能办理") }
        if from == .reportPublished { return refuse("督导报告已发布，综合督导已结束，不能再\(action.phrase)") }
        let rule = rule(action)
        if !rule.roles.contains(role) {
            return refuse("只有\(Role.sentenceList(rule.roles))可以\(action.phrase)")
        }
        if !rule.from.contains(from) { return refuse(stateRefusal(from: from, action: action)) }
        return .success(rule.to)
    }

    static func stateRefusal(from: ComprehensiveState, action: ComprehensiveAction) -> String {
        switch (action, from) {
        case (.sendPreliminary, _): "初步意见已送达，不能重复送达"
        case (.respond, .preliminaryOpinion): "初步意见还没有送达，暂不能提出申辩"
        case (.respond, _): "申辩期已结束，不能再提出申辩"
        case (.issueOpinion, .preliminaryOpinion): "请先送达初步意见，听取被督导单位申辩后再出具督导意见书"
        case (.issueOpinion, _): "督导意见书已出具，不能重复出具"
        case (.acknowledgeOpinion, .preliminaryOpinion), (.acknowledgeOpinion, .responseWindow):
            "督导意见书还没有出具，不能签收"
        case (.acknowledgeOpinion, _): "督导意见书已签收"
        case (.submitRectification, .preliminaryOpinion), (.submitRectification, .responseWindow):
            "督导意见书还没有出具，不能报送整改报告"
        case (.submitRectification, .reportReceived): "整改报告已报送，正在等待复查"
        case (.submitRectification, _): "整改已复查通过，不能再报送整改报告"
        case (.returnRectification, .verified), (.verify, .verified): "整改已复查通过"
        case (.returnRectification, _), (.verify, _): "被督导单位还没有报送整改报告，不能\(action.phrase)"
        case (.publishReport, _): "整改复查通过后才能发布督导报告"
        }
    }

    /// The actions `role` may take now, in declaration order.
    public static func allowedActions(from: ComprehensiveState, role: Role) -> [ComprehensiveAction] {
        ComprehensiveAction.allCases.filter {
            if case .success = next(from: from, action: $0, role: role) { return true }
            return false
        }
    }
}
