import Foundation

/// The office's 问责决定 form as typed, checked into `AccountabilityDecisionValues` or the message of
/// each field.
public struct AccountabilityInput: Sendable, Equatable {
    public var target: String
    public var targetName: String
    public var measure: String
    public var reason: String
    public var documentNumber: String
    public var decidedOn: String

    public init(
        target: String = "", targetName: String = "", measure: String = "", reason: String = "",
        documentNumber: String = "", decidedOn: String = ""
    ) {
        self.target = target
        self.targetName = targetName
        self.measure = measure
        self.reason = reason
        self.documentNumber = documentNumber
        self.decidedOn = decidedOn
    }

    public static let maxReason = 2000

    /// A decision is dated today or earlier (it records a decision taken), and not before the year 2000.
    public func check(today: Day) -> Validated<AccountabilityDecisionValues> {
        var errors: [FieldError] = []
        let target = AccountabilityTarget(rawValue: target)
        if target == nil { errors.append(.init("target", "请选择问责对象是单位还是个人")) }
        let name = targetName.trimmingCharacters(in: .whitespacesAndNewlines)
        if let e = Validate.required(name, field: "问责对象名称", maxLength: 50) { errors.append(.init("targetName", e)) }
        let measure = AccountabilityMeasure(rawValue: measure)
        if measure == nil {
            errors.append(.init("measure", "请选择问责方式"))
        } else if let measure, let target, measure.target != target {
            errors.append(.init("measure", "“\(measure.label)”适用于\(measure.target.label)，与问责对象不符"))
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.count < 10 {
            errors.append(.init("reason", "请写明问责事由（至少10个字）"))
        } else if reason.count > Self.maxReason {
            errors.append(.init("reason", "问责事由不能超过\(Self.maxReason)个字"))
        }
        let number = documentNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        if let e = Validate.required(number, field: "文号", maxLength: 50) { errors.append(.init("documentNumber", e)) }
        let day = Day(parsing: decidedOn.trimmingCharacters(in: .whitespaces))
        if day == nil {
            errors.append(.init("decidedOn", "请填写决定日期（如 \(today.description)）"))
        } else if let day, day > today {
            errors.append(.init("decidedOn", "决定日期不能晚于今天"))
        } else if let day, day.year < 2000 {
            errors.append(.init("decidedOn", "请填写正确的决定日期"))
        }
        guard errors.isEmpty, let target, let measure, let day else { return .failure(errors) }
        return .success(
            AccountabilityDecisionValues(
                target: target, targetName: name, measure: measure, reason: reason, documentNumber: number,
                decidedOn: day))
    }
}

public struct AccountabilityDecisionValues: Sendable, Equatable {
    public let target: AccountabilityTarget
    public let targetName: String
    public let measure: AccountabilityMeasure
    public let reason: String
    public let documentNumber: String
    public let decidedOn: Day
}
