import DudaoCore
import Fluent
import Foundation

/// A rating form of one target: the target's 自评, a member's own rating, or the team's (then with each member's
/// points beside every item and the disagreements marked).
struct RatingForm: Sendable {
    let targetID: Int
    let name: String
    let tier: RatingTier
    let system: IndicatorSystem
    let values: [String: String]
    /// The remark (说明) typed on each item.
    let remarks: [String: String]
    let notApplicable: Set<String>
    let errors: [FieldError]
    let submitted: Bool
    /// For the team's rating: each rater's points per item.
    let comparison: [String: TeamRatings.Item]
    let raters: [String]
    /// For the city's 抽评: the county's answer to each item, as written (the value, not only its points).
    var county: [String: String] = [:]

    /// The page of the form: the account's own (`rate`), the team's (`team`) or the city's re-check (`recheck`).
    var sheet: String {
        switch tier {
        case .team: "team"
        case .recheck: "recheck"
        case .selfAssessment, .member: "rate"
        }
    }
    /// Whether a handed-in rating is final (the city's re-check); others may be changed and saved again.
    var locked: Bool { submitted && tier == .recheck }

    static let countyRater = "区（县）督导组"

    static func query(
        target: CampaignTarget, tier: RatingTier, userID: Int, answers override: ScoringEngine.Answers? = nil,
        fields: [String: String]? = nil, errors: [FieldError] = [], on db: any Database
    ) async throws -> RatingForm {
        guard let campaign = try await Campaign.find(target.campaignID, on: db),
            let version = try await IndicatorVersion.find(campaign.versionID, on: db)
        else { throw CampaignWork.Refused(message: "督导任务不存在") }
        let system = try version.system()
        let all = try await CampaignRating.all(targetID: target.id!, on: db)
        let own = all.first { $0.tier == tier && $0.userID == userID }
        var comparison: [String: TeamRatings.Item] = [:]
        var raters: [String] = []
        var answers = own?.answers ?? [:]
        var remarks = own?.comments ?? [:]
        if tier == .team {
            let members = all.filter { $0.tier == .member }
            let names = Dictionary(
                uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ members.map(\.userID)).all()
                    .map { ($0.id!, $0.displayName) })
            let ratings = members.map { (rater: names[$0.userID] ?? "", answers: $0.answers) }
            if own == nil {
                // The members' remarks, each under its author's name, start the team's.
                for member in members {
                    for (code, remark) in member.comments {
                        let line = "\(names[member.userID] ?? "")：\(remark)"
                        remarks[code] = remarks[code].map { $0 + "\n" + line } ?? line
                    }
                }
            }
            raters = ratings.map(\.rater)
            for item in TeamRatings.compare(system, ratings: ratings, schoolType: target.schoolType) {
                comparison[item.code] = item
            }
            if own == nil {
                answers = TeamRatings.suggestion(system, ratings: ratings, schoolType: target.schoolType)
                // 问卷 items take the share of satisfied respondents from the campaign's questionnaires.
                let shares = try await QuestionnairesController.shares(system: system, target: target, on: db)
                answers.merge(shares) { _, share in share }
                // 督导结果 items take the target's results in the year's campaigns on the named system.
                let results = try await CampaignScoreSource.shares(system: system, target: target, on: db)
                answers.merge(results) { _, share in share }
            }
        }
        var countyAnswers: [String: String] = [:]
        if tier == .recheck, let county = all.first(where: { $0.tier == .team }) {
            countyAnswers = county.answers.mapValues(RatingInput.display)
            // The city re-scores with the county's points beside each item.
            raters = [RatingForm.countyRater]
            for item in TeamRatings.compare(
                system, ratings: [(rater: RatingForm.countyRater, answers: county.answers)],
                schoolType: target.schoolType)
            {
                comparison[item.code] = item
            }
        }
        if let override { answers = override }
        var values: [String: String] = [:]
        var na: Set<String> = []
        for (code, answer) in answers {
            values[code] = RatingInput.text(answer)
            if answer == .notApplicable { na.insert(code) }
        }
        if let fields {
            remarks = [:]
            for leaf in system.leaves {
                remarks[leaf.code] = fields[RatingInput.comment(leaf.code)]
                values[leaf.code] = fields[RatingInput.field(leaf.code)] ?? ""
                if fields[RatingInput.notApplicable(leaf.code)] != nil {
                    na.insert(leaf.code)
                } else {
                    na.remove(leaf.code)
                }
            }
        }
        return RatingForm(
            targetID: target.id!, name: target.name, tier: tier, system: system, values: values,
            remarks: remarks, notApplicable: na,
            errors: errors, submitted: own?.submitted ?? false, comparison: comparison, raters: raters,
            county: countyAnswers)
    }
}
