/// A team's ratings of one target compared item by item, so the lead sees where members disagree and fixes the
/// team's answer (条例: the team, not one inspector, gives the opinion).
public enum TeamRatings {
    public struct Item: Sendable, Equatable {
        public let code: String
        /// Each rater's points on the item's own scale (raters who left it empty are not listed).
        public let earned: [String: Double]
        public let maximum: Double
        /// Highest minus lowest.
        public var spread: Double { (earned.values.max() ?? 0) - (earned.values.min() ?? 0) }
        /// Raters disagree when they are a fifth of the item's points or more apart (any difference on 是否).
        public var isDisagreement: Bool { earned.count > 1 && spread > 0 && spread >= maximum * 0.2 - 1e-9 }
    }

    /// Every scored leaf that at least one rater answered, in the tree's order.
    public static func compare(
        _ system: IndicatorSystem, ratings: [(rater: String, answers: ScoringEngine.Answers)], schoolType: String?
    ) -> [Item] {
        system.leaves.compactMap { leaf in
            guard let form = leaf.form, form.isScored else { return nil }
            var earned: [String: Double] = [:]
            for r in ratings {
                guard let answer = r.answers[leaf.code] else { continue }
                if let points = form.earned(answer, schoolType: schoolType, rankPoints: form.maximum) {
                    earned[r.rater] = points
                }
            }
            return earned.isEmpty ? nil : Item(code: leaf.code, earned: earned, maximum: form.maximum)
        }
    }

    /// A starting point for the lead: per item, the answer whose points are the lower median of the raters'
    /// (so two raters who differ start from the more cautious one). Comments are joined.
    public static func suggestion(
        _ system: IndicatorSystem, ratings: [(rater: String, answers: ScoringEngine.Answers)], schoolType: String?
    ) -> ScoringEngine.Answers {
        var result: ScoringEngine.Answers = [:]
        for leaf in system.leaves {
            guard let form = leaf.form else { continue }
            let answers = ratings.compactMap { $0.answers[leaf.code] }
            guard !answers.isEmpty else { continue }
            if case .text = form {
                let texts = answers.compactMap { if case .text(let t) = $0, !t.isEmpty { t } else { nil } }
                result[leaf.code] = .text(String(texts.joined(separator: "\n").prefix(ScoringForm.maxCommentLength)))
                continue
            }
            let scored = answers.map { ($0, form.earned($0, schoolType: schoolType, rankPoints: 0) ?? -1) }
                .sorted { $0.1 < $1.1 }
            result[leaf.code] = scored[(scored.count - 1) / 2].0
        }
        return result
    }
}
