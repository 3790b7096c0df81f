import Foundation

/// The rating form of an indicator system: one field per scored item (`a_<code>`), a 不适用 box (`na_<code>`),
/// read back into answers with each item's error. Empty items stay unanswered (a rating may be saved half done).
public enum RatingInput {
    public static func field(_ code: String) -> String { "a_" + code }
    public static func notApplicable(_ code: String) -> String { "na_" + code }
    /// The rater's remark on an item (说明: what was seen, why points were taken off).
    public static func comment(_ code: String) -> String { "c_" + code }
    public static let maxRemarkLength = 500

    /// The remarks typed on scored items, trimmed; an empty one is dropped, a long one refused.
    public static func remarks(_ system: IndicatorSystem, fields: [String: String]) -> (
        remarks: [String: String], errors: [FieldError]
    ) {
        var remarks: [String: String] = [:]
        var errors: [FieldError] = []
        for leaf in system.leaves where leaf.form != nil && leaf.form != .text {
            let text = (fields[comment(leaf.code)] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            if text.count > maxRemarkLength {
                errors.append(
                    FieldError(comment(leaf.code), "\(leaf.code)：说明不超过 \(maxRemarkLength) 字（现有 \(text.count) 字）"))
            } else {
                remarks[leaf.code] = text
            }
        }
        return (remarks, errors)
    }

    public static func parse(_ system: IndicatorSystem, fields: [String: String]) -> (
        answers: ScoringEngine.Answers, errors: [FieldError]
    ) {
        var answers: ScoringEngine.Answers = [:]
        var errors: [FieldError] = []
        for leaf in system.leaves {
            guard let form = leaf.form else { continue }
            let name = field(leaf.code)
            if fields[notApplicable(leaf.code)] != nil {
                answers[leaf.code] = .notApplicable
                continue
            }
            let text = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            guard let answer = answer(text, form: form) else {
                errors.append(FieldError(name, "\(leaf.code)：请按「\(form.explanation)」填写"))
                continue
            }
            if let refusal = form.refusal(of: answer) {
                errors.append(FieldError(name, "\(leaf.code)：\(refusal)"))
            } else {
                answers[leaf.code] = answer
            }
        }
        return (answers, errors)
    }

    /// What the form's field shows for an answer.
    public static func text(_ answer: IndicatorAnswer?) -> String {
        switch answer {
        case .yes: "yes"
        case .no: "no"
        case .points(let x), .value(let x): IndicatorSheet.number(x)
        case .occurrences(let n): String(n)
        case .level(let l): l
        case .share(let s): IndicatorSheet.number((s * 100 * 1e9).rounded() / 1e9)
        case .text(let t): t
        case .notApplicable, nil: ""
        }
    }

    /// An answer as a reader sees it beside an item (是/否, 3 处, 85%, 不适用); empty when unanswered.
    public static func display(_ answer: IndicatorAnswer?) -> String {
        switch answer {
        case .yes: "是"
        case .no: "否"
        case .occurrences(let n): "\(n) 处"
        case .share: text(answer) + "%"
        case .notApplicable: "不适用"
        default: text(answer)
        }
    }

    static func answer(_ text: String, form: ScoringForm) -> IndicatorAnswer? {
        switch form {
        case .yesNo: return text == "yes" ? .yes : text == "no" ? .no : nil
        case .points: return Double(text).map { .points($0) }
        case .deduction: return Int(text).map { .occurrences($0) }
        case .levels: return .level(text)
        case .threshold, .rank: return Double(text).map { .value($0) }
        case .questionnaire, .campaign:
            let number = text.hasSuffix("%") ? String(text.dropLast()) : text
            return Double(number).map { .share($0 / 100) }
        case .text: return .text(text)
        }
    }
}
