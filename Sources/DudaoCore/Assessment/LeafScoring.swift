import Foundation

extension ScoringForm {
    public static let maxOccurrences = 10_000
    public static let maxCommentLength = 2_000

    /// Why an answer does not fit this form (nil when it fits). Not applicable fits every form.
    public func refusal(of answer: IndicatorAnswer) -> String? {
        switch (self, answer) {
        case (_, .notApplicable), (.yesNo, .yes), (.yesNo, .no): return nil
        case (.points(let max), .points(let x)):
            return x.isFinite && x >= 0 && x <= max ? nil : "得分应在 0–\(Score.text(max)) 之间"
        case (.deduction, .occurrences(let n)):
            return (0...Self.maxOccurrences).contains(n) ? nil : "发现处数应在 0–\(Self.maxOccurrences) 之间"
        case (.levels(let levels), .level(let label)):
            return levels.contains { $0.label == label }
                ? nil : "请选择 \(levels.map(\.label).joined(separator: "/")) 中的一档"
        case (.threshold, .value(let x)), (.rank, .value(let x)):
            return x.isFinite && abs(x) <= 1e12 ? nil : "请填写有效的数值"
        case (.questionnaire, .share(let s)), (.campaign, .share(let s)):
            return s.isFinite && s >= 0 && s <= 1 ? nil : "比例应在 0–100% 之间"
        case (.text, .text(let t)):
            return t.count <= Self.maxCommentLength ? nil : "意见不能超过 \(Self.maxCommentLength) 字"
        default:
            return "填写内容与评分方式（\(label)）不符"
        }
    }

    /// The points an answer earns on the form's own scale; nil when the leaf does not count
    /// (not applicable, a comment, or an answer that does not fit). A rank leaf's points come from the group.
    public func earned(_ answer: IndicatorAnswer, schoolType: String? = nil, rankPoints: Double? = nil) -> Double? {
        guard refusal(of: answer) == nil else { return nil }
        switch (self, answer) {
        case (.yesNo(let points), .yes): return points
        case (.yesNo, .no): return 0
        case (.points, .points(let x)): return x
        case (.deduction(let max, let per), .occurrences(let n)): return Swift.max(0, max - per * Double(n))
        case (.levels(let levels), .level(let label)): return levels.first { $0.label == label }?.points
        case (.threshold(let points, let rule, let byType), .value(let x)):
            return (schoolType.flatMap { byType[$0] } ?? rule).isMet(by: x) ? points : 0
        case (.questionnaire(let points, _, _, let minShare), .share(let s)):
            return s >= minShare ? points : points * s / minShare
        case (.rank, .value): return rankPoints ?? 0
        case (.campaign(let points, _), .share(let s)): return points * s
        default: return nil
        }
    }
}
