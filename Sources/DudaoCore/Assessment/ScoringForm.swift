import Foundation

/// How one leaf of an indicator system (检查项/评价要点) is scored. Every form has its own point scale;
/// the leaf's share of the whole comes from its weight (see `IndicatorTree`).
public enum ScoringForm: Sendable, Equatable {
    /// 是/否: the points when met, none when not.
    case yesNo(points: Double)
    /// Points given by the rater, 0 … max.
    case points(max: Double)
    /// Max minus `per` for every occurrence found, never below 0 (e.g. 1 point per failed check).
    case deduction(max: Double, per: Double)
    /// Levels (A–D, 优/良/中/差), the first the best, each worth its points.
    case levels([ScoringLevel])
    /// A measured value against a threshold, which may differ by school type.
    case threshold(points: Double, rule: ThresholdRule, byType: [String: ThresholdRule])
    /// A share of questionnaire answers (e.g. 满意度): full points at `minShare` or above, in proportion below.
    case questionnaire(points: Double, question: String, positive: [String], minShare: Double)
    /// Points by rank within the group scored together (10/8/6/4); tied targets share their places' points.
    case rank(points: [Double], higherIsBetter: Bool)
    /// Taken from the target's results in the year's campaigns on another indicator system (named by its title):
    /// the points times the mean share of the full score earned there (e.g. 开学督导 counts for 10 points).
    case campaign(points: Double, source: String)
    /// A comment only: not scored.
    case text

    /// The most the form can give.
    public var maximum: Double {
        switch self {
        case .yesNo(let points), .threshold(let points, _, _), .questionnaire(let points, _, _, _),
            .campaign(let points, _):
            points
        case .points(let max), .deduction(let max, _): max
        case .levels(let levels): levels.map(\.points).max() ?? 0
        case .rank(let points, _): points.max() ?? 0
        case .text: 0
        }
    }

    public var isScored: Bool { self != .text }

    /// The form's name as the office says it.
    public var label: String {
        switch self {
        case .yesNo: "是否"
        case .points: "分值"
        case .deduction: "扣分"
        case .levels: "等级"
        case .threshold: "达标值"
        case .questionnaire: "问卷"
        case .rank: "排名"
        case .campaign: "督导结果"
        case .text: "文字"
        }
    }

    /// What a rater enters, in the office's words (shown under the item on the rating page).
    public var explanation: String {
        switch self {
        case .yesNo(let points): "达到得 \(Score.text(points)) 分，未达到不得分"
        case .points(let max): "0–\(Score.text(max)) 分"
        case .deduction(let max, let per): "满分 \(Score.text(max)) 分，每发现一处扣 \(Score.text(per)) 分，扣完为止"
        case .levels(let levels): levels.map { "\($0.label) \(Score.text($0.points)) 分" }.joined(separator: "，")
        case .threshold(let points, let rule, let byType):
            (["\(rule.text)得 \(Score.text(points)) 分"]
                + byType.sorted { $0.key < $1.key }.map {
                    "\(SchoolType(rawValue: $0.key)?.label ?? $0.key)\($0.value.text)"
                })
                .joined(separator: "；")
        case .questionnaire(let points, let question, _, let minShare):
            "问卷「\(question)」满意比例达到 \(Score.percent(minShare)) 得 \(Score.text(points)) 分，不足按比例得分"
        case .rank(let points, let higher):
            "按\(higher ? "从高到低" : "从低到高")排名依次得 \(points.map(Score.text).joined(separator: "/")) 分，并列者平分名次分"
        case .campaign(let points, let source):
            "按本年度「\(source)」督导的得分率折算，满分 \(Score.text(points)) 分"
        case .text: "只填写意见，不计分"
        }
    }
}

public struct ScoringLevel: Sendable, Equatable, Codable {
    public var label: String
    public var points: Double
    public init(label: String, points: Double) {
        self.label = label
        self.points = points
    }
}

/// A numeric threshold: at least, at most, or within a range (both ends included).
public struct ThresholdRule: Sendable, Equatable, Codable {
    public enum Op: String, Sendable, Codable { case atLeast, atMost, between }
    public var op: Op
    public var value: Double
    public var upper: Double?

    public init(op: Op, value: Double, upper: Double? = nil) {
        self.op = op
        self.value = value
        self.upper = upper
    }

    public func isMet(by measured: Double) -> Bool {
        switch op {
        case .atLeast: measured >= value
        case .atMost: measured <= value
        case .between: measured >= value && measured <= (upper ?? value)
        }
    }

    public var text: String {
        switch op {
        case .atLeast: "不低于 \(Score.text(value))"
        case .atMost: "不高于 \(Score.text(value))"
        case .between: "在 \(Score.text(value))–\(Score.text(upper ?? value)) 之间"
        }
    }
}

/// What a rater recorded for one leaf.
public enum IndicatorAnswer: Sendable, Equatable, Codable {
    case notApplicable
    case yes
    case no
    case points(Double)
    case occurrences(Int)
    case level(String)
    /// A measured value (threshold form) or a raw value to rank (rank form).
    case value(Double)
    /// A share of questionnaire answers, 0 … 1.
    case share(Double)
    case text(String)
}

/// Display rounding: scores are kept unrounded and rounded only here.
public enum Score {
    /// At most two decimals, no trailing zeros ("8", "8.5", "8.33").
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var s = String(format: "%.2f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    public static func percent(_ share: Double) -> String { text(share * 100) + "%" }
}
