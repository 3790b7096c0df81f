import DudaoCore
import Fluent
import Foundation

/// One campaign target as its page shows it: where it stands in the procedure, the ratings so far, and what the
/// account may do now.
struct CampaignTargetPage: Sendable {
    struct Rating: Sendable, Equatable {
        let who: String
        let tier: RatingTier
        let submitted: Bool
        let answered: Int
    }

    /// One indicator's line in the results: its share of the full score, what the 自评 and the team gave it, the
    /// team's remark, and the evidence asked for and uploaded.
    struct Indicator: Sendable, Equatable {
        let code: String
        let title: String
        let depth: Int
        let isLeaf: Bool
        let available: Double?
        let team: Double?
        let own: Double?
        /// What the city's re-check gave it, once handed in.
        let city: Double?
        let remark: String
        let evidenceAsked: String?
        let evidenceCount: Int
    }

    let id: Int
    let campaignID: Int
    let campaignTitle: String
    let kind: CampaignKind
    let name: String
    let steps: [(CampaignPhase, CampaignProcedure.StepState)]
    let phase: CampaignPhase?
    let lead: String
    let team: [String]
    /// The handed-in 自评's score, unrounded.
    let selfTotal: Double?
    let total: Double?
    let grade: String?
    let vetoed: Bool
    let preliminary: String
    let appeal: String
    let appealAnswer: String
    let opinionNumber: String?
    let opinion: String
    let ratings: [Rating]
    /// The problems its 督导意见书 filed, as the rectification loop follows them.
    let problems: [(id: Int, description: String, state: ProblemState)]
    let leafCount: Int
    let actions: [CampaignAction]
    /// Whose rating the account writes here (nil: none).
    let tier: RatingTier?
    let fixesTeamScore: Bool
    let appealDue: Day?
    /// Whether the campaign's results have been published (通报): the target may read the whole ranking.
    let published: Bool
    /// Whether the account changes the team (the office of the target's district).
    let mayChangeTeam: Bool
    let indicators: [Indicator]
    /// Whether the account may upload evidence now.
    let uploadsEvidence: Bool
    /// 市级抽评 of this target, when the city drew it.
    let recheck: Recheck?
    var error: String? = nil
    var text: String = ""

    struct Recheck: Sendable, Equatable {
        let total: Double?
        let grade: String?
        /// Whether the account (the city's office) re-scores it now.
        let mayRate: Bool
    }

    static func query(target t: CampaignTarget, scope: Scope, on db: any Database) async throws -> CampaignTargetPage {
        guard let campaign = try await Campaign.find(t.campaignID, on: db),
            let version = try await IndicatorVersion.find(campaign.versionID, on: db)
        else { throw CampaignWork.Refused(message: "督导任务不存在") }
        let access = scope.campaignAccess
        let isMember = try await access.isMember(t, on: db)
        let runs = try await access.runsProcedure(t, on: db)
        let actor = access.actor(t, isMember: isMember, runsProcedure: runs)
        let memberIDs = try await CampaignMember.query(on: db).filter(\.$targetID == t.id!).all(\.$userID)
        let people = try await User.query(on: db).filter(\.$id ~~ (memberIDs + [t.leadUserID])).all()
        let nameOf = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0.displayName) })
        // A school sees its own 自评 and the team's result, not each member's marks.
        let seesMembers = actor != .target && actor != nil || scope.principal.role == .leader
        // …nor the city's re-check before it is handed in.
        let ratings = try await CampaignRating.all(targetID: t.id!, on: db).filter {
            seesMembers || ($0.tier != .member && ($0.tier != .recheck || $0.submitted))
        }
        let problems = try await Problem.query(on: db).filter(\.$campaignTargetID == t.id!).sort(\.$id).limit(50).all()
        let system = try version.system()
        let own = ownScores(t, system: system, ratings: ratings)
        // The city's 抽评 by indicator, as kept when it was handed in.
        let city = t.recheckTotal == nil ? nil : t.recheckNodeScores
        let indicators = try await indicatorLines(t, system: system, ratings: ratings, own: own, city: city, on: db)
        return CampaignTargetPage(
            id: t.id!, campaignID: campaign.id!, campaignTitle: campaign.title, kind: campaign.kind, name: t.name,
            steps: CampaignProcedure.steps(phases: campaign.phases, current: t.phase), phase: t.phase,
            lead: nameOf[t.leadUserID] ?? "", team: memberIDs.compactMap { nameOf[$0] }, selfTotal: t.selfTotal,
            total: t.total, grade: t.grade,
            vetoed: t.vetoed, preliminary: t.preliminary, appeal: t.appeal, appealAnswer: t.appealAnswer,
            opinionNumber: t.opinionNumber, opinion: t.opinion,
            ratings: ratings.map {
                Rating(
                    who: $0.tier == .member ? nameOf[$0.userID] ?? "" : $0.tier.label, tier: $0.tier,
                    submitted: $0.submitted, answered: $0.answers.count)
            },
            problems: problems.map { ($0.id!, $0.description, $0.state) }, leafCount: version.leafCount,
            actions: actor.map { CampaignProcedure.available(current: t.phase, actor: $0) } ?? [],
            tier: access.tier(t, isMember: isMember), fixesTeamScore: access.fixesTeamScore(t, runsProcedure: runs),
            appealDue: Day(parsing: t.appealDue), published: campaign.isPublished,
            mayChangeTeam: runs && t.phase != nil, indicators: indicators,
            uploadsEvidence: CampaignEvidenceWork.mayUpload(t, actor: actor),
            recheck: t.recheck
                ? Recheck(
                    total: t.recheckTotal, grade: t.recheckGrade,
                    mayRate: try await access.rechecks(t, on: db)
                        && CampaignsController.closed(.recheck, t) == nil) : nil)
    }

    /// The 自评 by node: as kept when it was handed in (rank items placed among the others), else the draft so far,
    /// scored alone.
    static func ownScores(_ t: CampaignTarget, system: IndicatorSystem, ratings: [CampaignRating]) -> [String:
        NodeResult]?
    {
        if t.selfTotal != nil { return t.selfNodeScores }
        guard let draft = ratings.first(where: { $0.tier == .selfAssessment }) else { return nil }
        return CampaignProcedureStep.nodeResults(
            ScoringEngine.score(system, answers: draft.answers, schoolType: t.schoolType))
    }

    /// Every indicator with the team's result (once fixed), the 自评's, the city's, remarks and evidence counts.

    static func indicatorLines(
        _ t: CampaignTarget, system: IndicatorSystem, ratings: [CampaignRating], own: [String: NodeResult]?,
        city: [String: NodeResult]?, on db: any Database
    ) async throws -> [Indicator] {
        let team = t.total == nil ? [:] : t.nodeScores
        let remarks = ratings.first { $0.tier == .team }?.comments ?? [:]
        let counts = try await CampaignEvidenceWork.counts(targetID: t.id!, on: db)
        return system.nodes.map { node in
            Indicator(
                code: node.code, title: node.title, depth: system.depth(of: node.code), isLeaf: node.form != nil,
                available: team[node.code]?.available ?? own?[node.code]?.available,
                team: team[node.code].flatMap { $0.ratio == nil ? nil : $0.earned },
                own: own?[node.code].flatMap { $0.ratio == nil ? nil : $0.earned },
                city: city?[node.code].flatMap { $0.ratio == nil ? nil : $0.earned },
                remark: t.total == nil ? "" : remarks[node.code] ?? "", evidenceAsked: node.evidence?.text,
                evidenceCount: counts[node.code] ?? 0)
        }
    }
}
