import Foundation

/// What the office does about an overdue rectification, mildest first (教育督导问责办法 2021).
public enum EscalationStep: String, LabelledEnum, Comparable {
    case reminder, interview, publicNotice

    public var label: String {
        switch self {
        case .reminder: "提醒"
        case .interview: "约谈"
        case .publicNotice: "通报"
        }
    }

    /// Ordered as declared: 提醒 < 约谈 < 通报.
    public static func < (a: EscalationStep, b: EscalationStep) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// When an overdue item escalates: a district setting.
///
/// `overdueDays` is counted like `DeadlineStatus.overdue(days:)`: 1 on the day after the
/// deadline. A rule with `afterDaysOverdue = k` is due once the item is **more than** `k` days
/// overdue, so the default reminder (`k = 0`) comes the day after the deadline, the interview
/// (`k = 7`) on the 8th day after it and the public notice (`k = 15`) on the 16th.
public struct EscalationPolicy: Sendable, Equatable, Codable {
    public var steps: [Rule]

    public struct Rule: Sendable, Equatable, Codable {
        public var step: EscalationStep
        public var afterDaysOverdue: Int
        public init(step: EscalationStep, afterDaysOverdue: Int) {
            self.step = step
            self.afterDaysOverdue = afterDaysOverdue
        }
    }

    /// 提醒 after 0 days overdue (the day after the deadline), 约谈 after 7, 通报 after 15.
    public static let defaultSteps: [Rule] = [
        Rule(step: .reminder, afterDaysOverdue: 0),
        Rule(step: .interview, afterDaysOverdue: 7),
        Rule(step: .publicNotice, afterDaysOverdue: 15),
    ]

    public init(steps: [Rule] = EscalationPolicy.defaultSteps) {
        self.steps = steps
    }

    /// Steps that are due and not yet taken, mildest first. A step milder than one already
    /// taken is never returned (escalation does not go back down: after an early 约谈 no
    /// 提醒 follows). Idempotent: once the returned steps are added to `taken`, asking again
    /// with the same `overdueDays` returns `[]`. Nothing is due while `overdueDays <= 0`.
    public func stepsDue(overdueDays: Int, taken: Set<EscalationStep>) -> [EscalationStep] {
        let highestTaken = taken.max()
        var due: [EscalationStep] = []
        for rule in steps where overdueDays > rule.afterDaysOverdue {
            if taken.contains(rule.step) || due.contains(rule.step) { continue }
            if let highestTaken, rule.step < highestTaken { continue }
            due.append(rule.step)
        }
        return due.sorted()
    }

    /// `stepsDue` for a deadline and today's date.
    public func stepsDue(due: Day, today: Day, taken: Set<EscalationStep>) -> [EscalationStep] {
        stepsDue(overdueDays: today.ordinal - due.ordinal, taken: taken)
    }

    /// The policy's problems, in Chinese, for the settings form: days must be 0…365, each step
    /// listed at most once, and a harsher step may not come before a milder one.
    public var problems: [FieldError] {
        var errors: [FieldError] = []
        var seen: Set<EscalationStep> = []
        for rule in steps {
            if !(0...365).contains(rule.afterDaysOverdue) {
                errors.append(FieldError(rule.step.rawValue, "“\(rule.step.label)”的逾期天数应为0到365之间的整数"))
            }
            if !seen.insert(rule.step).inserted {
                errors.append(FieldError(rule.step.rawValue, "“\(rule.step.label)”重复设置"))
            }
        }
        for a in steps {
            for b in steps where a.step < b.step && b.afterDaysOverdue < a.afterDaysOverdue {
                errors.append(
                    FieldError(b.step.rawValue, "“\(b.step.label)”不能早于“\(a.step.label)”"))
            }
        }
        return errors
    }
}
