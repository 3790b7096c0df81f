/// How a 督导结果 item (`ScoringForm.campaign`) reads the target's results in other campaigns: the mean of each
/// result's share of its own full score, so campaigns on systems of different full scores weigh alike.
public enum CampaignScoreShare {
    /// The mean share (0 … 1) of `results` (total, full score); nil when there is none to take.
    public static func share(_ results: [(total: Double, fullScore: Double)]) -> Double? {
        let shares = results.compactMap { r -> Double? in
            guard r.total.isFinite, r.fullScore.isFinite, r.fullScore > 0 else { return nil }
            return min(1, max(0, r.total / r.fullScore))
        }
        guard !shares.isEmpty else { return nil }
        return shares.reduce(0, +) / Double(shares.count)
    }
}
