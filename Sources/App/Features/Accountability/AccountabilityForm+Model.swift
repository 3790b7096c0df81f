import DudaoCore
import Foundation

/// 作出问责决定: the form, prefilled from the overdue notice or complaint it answers, with each field's error.
struct AccountabilityForm: Sendable {
    let source: AccountabilityWorkflow.Source
    let input: AccountabilityInput
    let errors: [FieldError]

    /// The form for `source`: the target it names, the timer's proposal as the reason's start, dated today.
    static func prefilled(_ source: AccountabilityWorkflow.Source, today: Day) -> AccountabilityForm {
        let measure = source.proposal?.step.flatMap { Accountability.proposedMeasure(for: $0, target: source.target) }
        let reason = source.kind == .none ? "" : "\(source.label)：\(source.proposal?.comment ?? "")"
        return AccountabilityForm(
            source: source,
            input: AccountabilityInput(
                target: source.target.rawValue, targetName: source.targetName, measure: measure?.rawValue ?? "",
                reason: reason, decidedOn: today.description),
            errors: [])
    }
}
