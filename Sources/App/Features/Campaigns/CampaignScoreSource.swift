import DudaoCore
import Fluent
import Foundation

/// 督导结果 items: an annual assessment takes the target's results in the year's campaigns on another indicator
/// system (named by its title), so those results are used and not filed away.
enum CampaignScoreSource {
    /// The share of each 督导结果 item of `system` for `target`, from the same school's (or government's) scored
    /// results in campaigns of the same district and year (by start date), other than this one.
    static func shares(system: IndicatorSystem, target: CampaignTarget, on db: any Database) async throws
        -> ScoringEngine.Answers
    {
        let sources = system.leaves.compactMap { leaf -> (code: String, source: String)? in
            guard case .campaign(_, let source)? = leaf.form else { return nil }
            return (leaf.code, source)
        }
        guard !sources.isEmpty, let campaign = try await Campaign.find(target.campaignID, on: db) else { return [:] }
        let year = String(campaign.startsOn.prefix(4))
        var answers: ScoringEngine.Answers = [:]
        for (code, source) in sources {
            let templates = try await IndicatorTemplate.query(on: db).filter(\.$districtID == campaign.districtID)
                .group(.or) { $0.filter(\.$name == source).filter(\.$builtInKey == source) }.all(\.$id)
            guard !templates.isEmpty else { continue }
            let versions = try await IndicatorVersion.query(on: db).filter(\.$templateID ~~ templates).all()
            let fullScore = Dictionary(
                uniqueKeysWithValues: versions.map { ($0.id!, (try? $0.system())?.fullScore ?? 0) })
            let campaigns = try await Campaign.query(on: db).filter(\.$districtID == campaign.districtID)
                .filter(\.$versionID ~~ Array(fullScore.keys)).filter(\.$id != campaign.id!)
                .filter(\.$startsOn >= "\(year)-01-01").filter(\.$startsOn <= "\(year)-12-31").all()
            guard !campaigns.isEmpty else { continue }
            let versionOf = Dictionary(uniqueKeysWithValues: campaigns.map { ($0.id!, $0.versionID) })
            var same = CampaignTarget.query(on: db).filter(\.$campaignID ~~ Array(versionOf.keys))
                .filter(\.$total != nil)
            if let school = target.schoolID {
                same = same.filter(\.$schoolID == school)
            } else if let unit = target.orgUnitID {
                same = same.filter(\.$orgUnitID == unit)
            } else {
                continue
            }
            let results = try await same.limit(50).all().map {
                (total: $0.total ?? 0, fullScore: fullScore[versionOf[$0.campaignID] ?? 0] ?? 0)
            }
            if let share = CampaignScoreShare.share(results) { answers[code] = .share(share) }
        }
        return answers
    }
}
