import DudaoCore
import Fluent
import Vapor

/// 督导任务的对象: the office, leaders and admin read every target of their subtree; an inspector or office member
/// of a team reads only the targets whose team they are on; a school reads only its own target. Who acts on a
/// target (office, lead, member, the target itself) follows from the same facts.
struct CampaignTargetAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该督导对象，或您无权查看" }

    func readable(_ q: QueryBuilder<CampaignTarget>) -> QueryBuilder<CampaignTarget> {
        switch principal.role {
        case .office, .leader, .admin: q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector:
            q.join(CampaignMember.self, on: \CampaignTarget.$id == \CampaignMember.$targetID)
                .filter(CampaignMember.self, \.$userID == principal.userID)
        case .school: q.filter(\.$schoolID == (principal.schoolID ?? -1))
        }
    }

    /// The office of the target's district acts as the office; then the lead, a member, the target itself.
    /// A leader reads and does not act; the city's office above the district 抽评s and does not act either.
    /// `runsProcedure` is `runsProcedure(target, on:)`, read once by the caller.
    func actor(_ target: CampaignTarget, isMember: Bool, runsProcedure: Bool) -> CampaignActor? {
        if runsProcedure { return .office }
        if principal.userID == target.leadUserID { return .lead }
        if isMember { return .member }
        if principal.role == .school, target.schoolID != nil, target.schoolID == principal.schoolID { return .target }
        return nil
    }

    /// Whose rating the account writes: a school its 自评; a team member (the lead included) their own.
    func tier(_ target: CampaignTarget, isMember: Bool) -> RatingTier? {
        if principal.role == .school, target.schoolID == principal.schoolID { return .selfAssessment }
        return isMember || principal.userID == target.leadUserID ? .member : nil
    }

    /// Whether the account fixes the team's score: the lead, or the office.
    func fixesTeamScore(_ target: CampaignTarget, runsProcedure: Bool) -> Bool {
        principal.userID == target.leadUserID || runsProcedure
    }

    /// Whether the account runs the target's procedure as its office (steps, the team, the team's score): a writer
    /// whose subtree holds the target, except the city's office above the campaign's district.
    func runsProcedure(_ target: CampaignTarget, on db: any Database) async throws -> Bool {
        guard scope.canEdit(orgPath: target.orgPath) else { return false }
        return try await !rechecks(target, on: db)
    }

    /// Whether the account re-checks the target for the city (市级抽评): an office above the campaign's district.
    func rechecks(_ target: CampaignTarget, on db: any Database) async throws -> Bool {
        guard principal.role == .office, let campaign = try await Campaign.find(target.campaignID, on: db),
            let district = try await OrgUnit.find(campaign.districtID, on: db)
        else { return false }
        return scope.isOfficeAbove(district)
    }

    func isMember(_ target: CampaignTarget, on db: any Database) async throws -> Bool {
        try await CampaignMember.query(on: db).filter(\.$targetID == target.id!).filter(\.$userID == principal.userID)
            .count() > 0
    }

    /// The campaigns the account may open: all of its districts' (`Scope.campaignDistricts`) for the office,
    /// leaders and admin; for others, those with a target they may read. Written as `id IN (…)`, so a campaign
    /// appears once however many of its targets the account reads, and a page's count is the number of campaigns.
    func campaigns(districtIDs: [Int], on db: any Database) -> QueryBuilder<Campaign> {
        let q = Campaign.query(on: db)
        switch principal.role {
        case .office, .leader, .admin: return q.filter(\.$districtID ~~ districtIDs)
        case .inspector:
            return q.filter(
                .sql(
                    embed: """
                        \(ident: Campaign.schema).id IN (SELECT t.campaign_id FROM campaign_targets t \
                        JOIN campaign_members m ON m.target_id = t.id WHERE m.user_id = \(bind: principal.userID))
                        """))
        case .school:
            return q.filter(
                .sql(
                    embed: """
                        \(ident: Campaign.schema).id IN \
                        (SELECT campaign_id FROM campaign_targets WHERE school_id = \(bind: principal.schoolID ?? -1))
                        """))
        }
    }
}

extension Scope {
    var campaignAccess: CampaignTargetAccess { CampaignTargetAccess(scope: self) }
}
