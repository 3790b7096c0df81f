import DudaoCore
import Fluent
import Vapor

/// 结果通报: the office publishes a campaign's results to its targets and, when it chooses, to the public site.
/// Before that only the office and leaders read the ranking; a target always reads its own result.
enum CampaignPublishing {
    static func publish(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let campaign = try await CampaignsController.campaign(req, scope)
        guard let district = try await OrgUnit.find(campaign.districtID, on: req.db), !scope.isOfficeAbove(district)
        else { throw Abort(.forbidden, reason: "结果由本区（县）督导室通报") }
        let scored = try await CampaignTarget.query(on: req.db).filter(\.$campaignID == campaign.id!)
            .filter(\.$total != nil).count()
        guard scored > 0 else {
            req.flash("还没有确定评分的对象，暂不能通报结果")
            return req.redirect(to: SiteURL.campaignPage(campaign.id!, "results").path)
        }
        let open = (try? req.content.get(String.self, at: "public")) != nil
        let today = req.today
        try await req.db.writeTransaction { db in
            campaign.publishedOn = today.description
            campaign.publishedPublic = open
            try await campaign.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "update", entity: "campaign", id: campaign.id!,
                orgPath: district.path,
                summary: "通报「\(campaign.title)」结果（\(scored)个对象）" + (open ? "，并向社会公开" : ""))
        }
        req.flash(open ? "已通报结果，并在公开页面发布" : "已向各督导对象通报结果")
        return req.redirect(to: SiteURL.campaignPage(campaign.id!, "results").path)
    }

    /// The published results, for anyone who may open the campaign (a school, a team member).
    static func bulletin(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let campaign = try await CampaignsController.campaign(req, scope)
        guard campaign.isPublished else { throw Abort(.notFound, reason: "该督导任务的结果尚未通报") }
        let model = try await CampaignResults.query(
            campaign: campaign, paging: Paging(page: try req.query.page(), per: nil), on: req.db)
        return CampaignResultsView(ctx: req.pageContext(), model: model, audience: .published).render()
    }

    /// Results the office chose to make public; anything else reads as not found.
    static func publicResults(req: Request) async throws -> Page {
        guard let campaign = try await Campaign.find(try req.parameters.id(), on: req.db), campaign.isPublished,
            campaign.publishedPublic
        else { throw Abort(.notFound, reason: "未找到公开的督导结果") }
        let model = try await CampaignResults.query(
            campaign: campaign, paging: Paging(page: try req.query.page(), per: nil), on: req.db)
        return CampaignResultsView(ctx: req.pageContext(), model: model, audience: .anonymous).render()
    }
}
