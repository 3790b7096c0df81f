/// The steps of a complaint as the public tracking page shows them (受理 → 核实 → 处理 → 回复 → 办结), each with
/// the day it was done, the one under way, and those still to come. Nothing is dated before it happened.
public enum ComplaintProgress {
    public enum StepState: String, Sendable, Equatable {
        case done, current, waiting
        /// Not reached, and never will be (after 不予受理).
        case stopped
    }

    public struct Step: Sendable, Equatable {
        public let label: String
        public let state: StepState
        /// The day the step was done (only for `done`).
        public let day: Day?

        public init(_ label: String, _ state: StepState, _ day: Day? = nil) {
            self.label = label
            self.state = state
            self.day = day
        }
    }

    /// The steps for a complaint in `state`, with the day each action was taken (`days[action]`, the latest
    /// time it was taken). A rejected complaint shows 不予受理 in place of 受理 and nothing after it.
    public static func steps(state: ComplaintState, days: [ComplaintAction: Day]) -> [Step] {
        if state == .rejected {
            return [Step("不予受理", .done, days[.reject])]
                + ["核实", "处理", "回复", "办结"].map { Step($0, .stopped) }
        }
        // Each step, the action that completes it, and the states in which it is under way.
        let plan: [(String, ComplaintAction, [ComplaintState])] = [
            ("受理", .accept, [.received]),
            ("核实", .finishVerifying, [.accepted, .verifying]),
            ("处理", .reply, [.handling]),
            ("回复", .reply, []),
            ("办结", .close, [.replied]),
        ]
        let order: [ComplaintState] = [.received, .accepted, .verifying, .handling, .replied, .closed]
        let reached = order.firstIndex(of: state) ?? 0
        return plan.map { label, action, underWay in
            if underWay.contains(state) { return Step(label, .current) }
            let finishedBy = order.firstIndex(of: ComplaintMachine.completedState(of: action)) ?? order.count
            return reached >= finishedBy ? Step(label, .done, days[action]) : Step(label, .waiting)
        }
    }
}

extension ComplaintMachine {
    /// The state an action leads to.
    static func completedState(of action: ComplaintAction) -> ComplaintState { rule(action).to }
}
