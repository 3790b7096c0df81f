import Foundation

/// One node's result: its share of the full score after re-weighting, and what it earned of that.
public struct NodeScore: Sendable, Equatable {
    /// Earned / available on the node's own scale, 0 … 1; nil when nothing under it applies.
    public var ratio: Double?
    /// The points the node stands for in the total (0 when not applicable).
    public var available: Double
    /// The points it earned: ratio × available.
    public var earned: Double { (ratio ?? 0) * available }
    public var isApplicable: Bool { ratio != nil }
}

/// A target's result on an indicator system. Everything is unrounded; round only for display.
public struct TargetScore: Sendable, Equatable {
    public var total: Double
    /// The grade of the total alone.
    public var bandGrade: String?
    /// The grade after veto items (一票否决) have capped it.
    public var grade: String?
    /// Veto leaves not met.
    public var vetoed: [String]
    /// Scored leaves with no answer yet (counted as 0).
    public var unanswered: [String]
    public var nodes: [String: NodeScore]

    public var isComplete: Bool { unanswered.isEmpty }
}

/// Scores targets on an indicator system:
/// - a leaf's ratio is its earned points over its form's maximum;
/// - a branch's ratio is the weighted mean of its applicable children (not-applicable children drop out, so
///   their siblings' weights grow to fill the branch);
/// - the full score is shared down the tree by weight among applicable nodes;
/// - the grade is the highest band whose line the total reaches, capped by any veto leaf not met.
public enum ScoringEngine {
    public typealias Answers = [String: IndicatorAnswer]

    /// Scores several targets together: rank leaves are placed within the group first.
    public static func scoreGroup<ID: Hashable>(
        _ system: IndicatorSystem, targets: [(id: ID, schoolType: String?, answers: Answers)]
    ) -> [ID: TargetScore] {
        var rankPoints: [ID: [String: Double]] = [:]
        for leaf in system.leaves {
            guard case .rank(let points, let higher)? = leaf.form else { continue }
            let values = targets.compactMap { target -> (id: ID, value: Double)? in
                guard case .value(let v)? = target.answers[leaf.code], v.isFinite else { return nil }
                return (target.id, v)
            }
            for (id, p) in RankPoints.assign(values, points: points, higherIsBetter: higher) {
                rankPoints[id, default: [:]][leaf.code] = p
            }
        }
        var result: [ID: TargetScore] = [:]
        for target in targets {
            result[target.id] = score(
                system, answers: target.answers, schoolType: target.schoolType, rankPoints: rankPoints[target.id] ?? [:]
            )
        }
        return result
    }

    /// Scores one target. `rankPoints` holds the points of its rank leaves, placed within its group.
    public static func score(
        _ system: IndicatorSystem, answers: Answers, schoolType: String? = nil, rankPoints: [String: Double] = [:]
    ) -> TargetScore {
        let children = Dictionary(grouping: system.nodes.filter { $0.parent != nil }, by: { $0.parent! })
        var ratios: [String: Double] = [:]
        var unanswered: [String] = []
        var vetoed: [String] = []

        // Bottom-up: leaves, then branches (children come after their parents in `nodes`).
        for node in system.nodes.reversed() {
            if let kids = children[node.code] {
                let applicable = kids.compactMap { kid in ratios[kid.code].map { (weight(of: kid, children), $0) } }
                let total = applicable.reduce(0) { $0 + $1.0 }
                if total > 0 { ratios[node.code] = applicable.reduce(0) { $0 + $1.0 * $1.1 } / total }
                continue
            }
            guard let form = node.form, form.isScored, form.maximum > 0 else { continue }
            guard let answer = answers[node.code] else {
                unanswered.append(node.code)
                ratios[node.code] = 0
                if node.veto != nil { vetoed.append(node.code) }
                continue
            }
            guard let earned = form.earned(answer, schoolType: schoolType, rankPoints: rankPoints[node.code]) else {
                continue
            }
            ratios[node.code] = earned / form.maximum
            if node.veto != nil, earned < form.maximum { vetoed.append(node.code) }
        }

        // Top-down: share the full score among applicable nodes by weight.
        var scores: [String: NodeScore] = [:]
        func share(_ nodes: [IndicatorNode], available: Double) {
            let applicable = nodes.filter { ratios[$0.code] != nil }
            let total = applicable.reduce(0) { $0 + weight(of: $1, children) }
            for node in nodes {
                let part = ratios[node.code] != nil && total > 0 ? available * weight(of: node, children) / total : 0
                scores[node.code] = NodeScore(ratio: ratios[node.code], available: part)
                share(children[node.code] ?? [], available: part)
            }
        }
        let top = system.nodes.filter { $0.parent == nil }
        share(top, available: system.fullScore)
        let total = top.reduce(0) { $0 + (scores[$1.code]?.earned ?? 0) }

        let bandGrade = grade(for: total, bands: system.bands)
        let caps = vetoed.compactMap { system.node($0)?.veto }
        return TargetScore(
            total: total, bandGrade: bandGrade, grade: capped(bandGrade, by: caps, bands: system.bands),
            vetoed: vetoed.reversed(), unanswered: unanswered.reversed(), nodes: scores)
    }

    /// A node's weight: its own, or by default a leaf's form maximum and a branch's children's sum.
    static func weight(of node: IndicatorNode, _ children: [String: [IndicatorNode]]) -> Double {
        if let w = node.weight { return w }
        if let kids = children[node.code] { return kids.reduce(0) { $0 + weight(of: $1, children) } }
        return node.form?.maximum ?? 0
    }

    /// The highest band whose line the total reaches (with a millionth of tolerance for floating-point sums).
    public static func grade(for total: Double, bands: [ScoreBand]) -> String? {
        bands.sorted { $0.min > $1.min }.first { total >= $0.min - 1e-6 }?.label
    }

    /// The lower of the band and every veto cap.
    static func capped(_ grade: String?, by caps: [String], bands: [ScoreBand]) -> String? {
        let order = bands.sorted { $0.min > $1.min }.map(\.label)
        let ranks = ([grade].compactMap { $0 } + caps).compactMap { order.firstIndex(of: $0) }
        return ranks.max().map { order[$0] } ?? grade
    }
}
