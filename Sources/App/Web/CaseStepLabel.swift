import DudaoCore

/// How a step of a case (a `CaseEvent` action) reads on the notice and complaint pages: the timer's reminders and
/// proposals and the office's accountability decisions the same way on both, the case's own actions by `own`.
enum CaseStepLabel {
    static func label(_ action: String, own: (String) -> String?) -> String {
        let parts = action.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            switch parts[0] {
            case "escalate": return EscalationStep(rawValue: parts[1])?.label ?? action
            case "propose": return EscalationStep(rawValue: parts[1]).map { "建议" + $0.label } ?? action
            case "decide": return AccountabilityMeasure(rawValue: parts[1]).map { "问责决定：" + $0.label } ?? action
            default: break
            }
        }
        return own(action) ?? action
    }
}
