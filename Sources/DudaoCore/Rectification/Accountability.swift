import Foundation

/// 教育督导问责办法 (2021): accountability is a decision of the office against a named unit or person,
/// never an automatic effect of a timer. Timers only propose.

/// Whom a measure is taken against.
public enum AccountabilityTarget: String, LabelledEnum {
    case unit, person

    public var label: String {
        switch self {
        case .unit: "单位"
        case .person: "个人"
        }
    }
}

/// The measures of the 问责办法, for a unit or for a person.
public enum AccountabilityMeasure: String, LabelledEnum {
    // Against a unit.
    case publicCriticism, unitInterview, circulatedNotice, resourceAdjustment, administrativePenalty
    // Against a person.
    case selfExamination, personInterview, circulatedCriticism, organisationalMeasure, disciplinarySanction, referral

    public var label: String {
        switch self {
        case .publicCriticism: "公开批评"
        case .unitInterview: "约谈"
        case .circulatedNotice: "通报"
        case .resourceAdjustment: "调整资源配置"
        case .administrativePenalty: "行政处罚"
        case .selfExamination: "责令检查"
        case .personInterview: "约谈"
        case .circulatedCriticism: "通报批评"
        case .organisationalMeasure: "组织处理"
        case .disciplinarySanction: "处分"
        case .referral: "移送有关机关"
        }
    }

    public var target: AccountabilityTarget {
        switch self {
        case .publicCriticism, .unitInterview, .circulatedNotice, .resourceAdjustment, .administrativePenalty: .unit
        case .selfExamination, .personInterview, .circulatedCriticism, .organisationalMeasure, .disciplinarySanction,
            .referral:
            .person
        }
    }

    public static func measures(for target: AccountabilityTarget) -> [AccountabilityMeasure] {
        allCases.filter { $0.target == target }
    }
}

/// Where a decision stands. A decided measure may be answered (申辩) within the window; the office
/// then records the outcome.
public enum AccountabilityState: String, LabelledEnum {
    case decided, responded, upheld, changed, withdrawn

    public var label: String {
        switch self {
        case .decided: "已决定"
        case .responded: "已申辩"
        case .upheld: "维持"
        case .changed: "变更"
        case .withdrawn: "撤销"
        }
    }

    public var isFinal: Bool { [.upheld, .changed, .withdrawn].contains(self) }
}

public enum Accountability {
    /// The target may answer (申辩) within this many days of being notified.
    public static let appealDays = 15
    /// Held accountable this many times in one year is an aggravating circumstance.
    public static let aggravatingCount = 2

    /// The last day a response is accepted: the 15th day after the decision is notified.
    public static func appealDeadline(notifiedOn: Day) -> Day { notifiedOn.adding(days: appealDays) }

    public enum ResponseRefusal: Sendable, Equatable {
        case late(deadline: Day)
        case alreadyAnswered
        case closed

        public var message: String {
            switch self {
            case .late(let d): "申辩期已于\(d.chinese)届满，不能再提交申辩"
            case .alreadyAnswered: "已提交过申辩"
            case .closed: "该问责决定已作出最终处理"
            }
        }
    }

    /// May the target answer now?
    public static func mayRespond(state: AccountabilityState, notifiedOn: Day, today: Day) -> ResponseRefusal? {
        if state.isFinal { return .closed }
        if state == .responded { return .alreadyAnswered }
        let deadline = appealDeadline(notifiedOn: notifiedOn)
        return today > deadline ? .late(deadline: deadline) : nil
    }

    /// The outcomes the office may record now: after a response, or once the window has passed.
    public static func outcomesOpen(state: AccountabilityState, notifiedOn: Day, today: Day) -> [AccountabilityState] {
        if state.isFinal { return [] }
        if state == .responded || today > appealDeadline(notifiedOn: notifiedOn) {
            return [.upheld, .changed, .withdrawn]
        }
        // Within the window without a response the office may still withdraw its own decision.
        return [.withdrawn]
    }

    /// Whether a new decision against a target is aggravating: it already had measures this year.
    public static func isAggravating(earlierThisYear: Int) -> Bool { earlierThisYear + 1 >= aggravatingCount }

    /// What a proposal suggests for an overdue item: a timer step mapped to a measure, for the office
    /// to decide on. A reminder is not a measure: it is just sent.
    public static func proposedMeasure(for step: EscalationStep, target: AccountabilityTarget) -> AccountabilityMeasure?
    {
        switch (step, target) {
        case (.reminder, _): nil
        case (.interview, .unit): .unitInterview
        case (.interview, .person): .personInterview
        case (.publicNotice, .unit): .circulatedNotice
        case (.publicNotice, .person): .circulatedCriticism
        }
    }

    /// Who answers for an overdue complaint: the school when it must act, otherwise the inspector or
    /// the office (never the school for the office's own slowness).
    public enum Responsible: String, Sendable, Equatable {
        case school, inspector, office
    }

    public static func responsibleForOverdueComplaint(state: ComplaintState) -> Responsible {
        switch state {
        case .received: .office  // not yet accepted: the office's intake
        case .accepted, .verifying, .handling: .inspector
        case .replied, .closed, .rejected: .office
        }
    }
}
