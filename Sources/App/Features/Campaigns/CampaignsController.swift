import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// 督导任务: the office starts campaigns and follows the board; team members rate on a phone, the lead fixes the
/// team's score; the target self-assesses and answers (申辩). Parse → authorise → load → rule → render.
enum CampaignsController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await CampaignList.query(
            scope: scope, districts: try await scope.campaignDistricts(on: req.db),
            paging: Paging(page: try req.query.page(), per: nil), on: req.db)
        return CampaignListView(ctx: req.pageContext(), model: model).render()
    }

    static func newForm(req: Request) async throws -> Page {
        let district = try await Scope.of(req).campaignDistrict(on: req.db)
        let model = try await CampaignNewForm.query(district: district, today: req.today, on: req.db)
        return CampaignNewView(ctx: req.pageContext(), model: model).render()
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.campaignDistrict(on: req.db)
        var fields: [String: String] = [:]
        for name in [
            "title", "kind", "version", "startsOn", "endsOn", "announced", "lead", "targetKind", "recheckPercent",
        ] {
            if let v = try? req.content.get(String.self, at: name) { fields[name] = String(v.prefix(200)) }
        }
        var lists: [String: [String]] = [:]
        for name in ["members", "schoolTypes", "townships"] {
            lists[name] = Array(((try? req.content.get([String].self, at: name)) ?? []).prefix(500))
        }
        var errors: [FieldError] = []
        switch CampaignInput.parse(fields, lists: lists) {
        case .failure(let e): errors = e
        case .success(let input):
            do {
                let campaign = try await CampaignWork.create(
                    input, district: district, by: scope.principal, at: req.now, on: req.db)
                req.flash("已发布督导任务「\(input.title)」")
                return req.redirect(to: SiteURL.campaign(campaign.id!).path)
            } catch let refused as CampaignWork.Refused {
                errors = [FieldError("version", refused.message)]
            }
        }
        let model = try await CampaignNewForm.query(
            district: district, today: req.today, values: fields, lists: lists, errors: errors, on: req.db)
        return try await CampaignNewView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
    }

    /// The campaign named by the path, if the account may open it.
    static func campaign(_ req: Request, _ scope: Scope) async throws -> Campaign {
        let districts = try await scope.campaignDistrictIDs(on: req.db)
        guard
            let campaign = try await scope.campaignAccess.campaigns(districtIDs: districts, on: req.db)
                .filter(\.$id == req.parameters.id()).first()
        else { throw Abort(.notFound, reason: "未找到该督导任务，或您无权查看") }
        return campaign
    }

    static func show(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let campaign = try await campaign(req, scope)
        let phase = (try? req.query.get(String.self, at: "phase")).flatMap(CampaignPhase.init(rawValue:))
        let model = try await CampaignBoard.query(
            campaign: campaign, scope: scope, paging: Paging(page: try req.query.page(), per: nil), phase: phase,
            today: req.today, on: req.db)
        // A school has one target in a campaign: its page is the board.
        if scope.principal.role == .school, model.page.items.count == 1 {
            return req.redirect(to: SiteURL.campaignTarget(model.page.items[0].id).path)
        }
        return try await CampaignBoardView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
    }

    static func target(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let target = try await scope.campaignAccess.load(try req.parameters.id(), on: req.db)
        let model = try await CampaignTargetPage.query(target: target, scope: scope, on: req.db)
        return CampaignTargetView(ctx: req.pageContext(), model: model).render()
    }

    /// Which rating a form writes: the account's own (自评 or a member's), the team's (the lead or the office), or
    /// the city's re-check of a sampled target (an office above the district).
    enum RatingSheet: String {
        case own = "rate"
        case team, recheck
    }

    static func rateForm(req: Request, sheet: RatingSheet) async throws -> Page {
        let scope = try await Scope.of(req)
        let target = try await scope.campaignAccess.load(try req.parameters.id(), on: req.db)
        let (tier, userID) = try await rater(scope, target, sheet: sheet, on: req.db)
        if tier == .recheck, !target.recheck || target.total == nil {
            throw Abort(
                .conflict,
                reason: CityRecheck.refusal(
                    inSample: target.recheck, countyScored: target.total != nil, submitted: false))
        }
        let model = try await RatingForm.query(target: target, tier: tier, userID: userID, on: req.db)
        return RatingFormView(ctx: req.pageContext(), model: model).render()
    }

    static func rate(req: Request, sheet: RatingSheet) async throws -> Response {
        let scope = try await Scope.of(req)
        let target = try await scope.campaignAccess.load(try req.parameters.id(), on: req.db)
        let (tier, userID) = try await rater(scope, target, sheet: sheet, on: req.db)
        if let closed = closed(tier, target) { throw Abort(.conflict, reason: closed) }
        let fields = try req.content.decode([String: String].self)
        let submit = fields["submit"] == "1"
        guard let campaign = try await Campaign.find(target.campaignID, on: req.db),
            let version = try await IndicatorVersion.find(campaign.versionID, on: req.db)
        else { throw Abort(.notFound) }
        let system = try version.system()
        let (answers, answerErrors) = RatingInput.parse(system, fields: fields)
        let (remarks, remarkErrors) = RatingInput.remarks(system, fields: fields)
        var errors = answerErrors + remarkErrors
        if errors.isEmpty {
            do {
                if tier == .recheck, submit {
                    try await CampaignWork.submitRecheck(
                        target, campaign: campaign, answers: answers, remarks: remarks, by: scope.principal,
                        at: req.now, on: req.db)
                } else {
                    try await CampaignWork.saveRating(
                        target, tier: tier, userID: userID, answers: answers, remarks: remarks, submit: submit,
                        by: scope.principal, at: req.now, on: req.db)
                }
            } catch let refused as CampaignWork.Refused {
                errors = [FieldError("rating", refused.message)]
            }
        }
        guard errors.isEmpty else {
            let model = try await RatingForm.query(
                target: target, tier: tier, userID: userID, fields: fields, errors: errors, on: req.db)
            return try await RatingFormView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        req.flash(submit ? "已提交\(tier.label)" : "已保存\(tier.label)（\(answers.count)项）")
        // 保存 stays on the form (the phone's outbox puts the page back in place); 提交 returns to the target.
        return req.redirect(
            to: submit
                ? SiteURL.campaignTarget(target.id!).path : SiteURL.campaignTargetPage(target.id!, sheet.rawValue).path)
    }

    /// Why a rating of `tier` may not be written now, or nil: the 自评 in its phase, the members' and the team's
    /// during the site visit, the city's re-check once the county has scored a sampled target.
    static func closed(_ tier: RatingTier, _ target: CampaignTarget) -> String? {
        let open: Bool
        switch tier {
        case .selfAssessment: open = target.phase == .selfAssessment
        case .member, .team: open = target.phase == .onSite
        case .recheck:
            return CityRecheck.refusal(
                inSample: target.recheck, countyScored: target.total != nil, submitted: target.recheckTotal != nil)
        }
        return open ? nil : "当前处于「\(target.phase?.label ?? "已完成")」阶段，不能修改\(tier.label)"
    }

    static func rater(_ scope: Scope, _ target: CampaignTarget, sheet: RatingSheet, on db: any Database) async throws
        -> (RatingTier, Int)
    {
        let access = scope.campaignAccess
        switch sheet {
        case .team:
            guard access.fixesTeamScore(target, runsProcedure: try await access.runsProcedure(target, on: db)) else {
                throw Abort(.forbidden, reason: "只有组长或督导室可以确定督导组评分")
            }
            return (.team, CampaignProcedureStep.teamUserID)
        case .recheck:
            guard try await access.rechecks(target, on: db) else {
                throw Abort(.forbidden, reason: "只有上级（市级）督导室可以进行抽评")
            }
            return (.recheck, CampaignProcedureStep.teamUserID)
        case .own:
            guard let tier = access.tier(target, isMember: try await access.isMember(target, on: db)) else {
                throw Abort(.forbidden, reason: "您不是该对象的督导组成员")
            }
            // The 自评 is the target's, whichever of its accounts writes it.
            return (tier, tier == .selfAssessment ? CampaignProcedureStep.targetUserID : scope.principal.userID)
        }
    }

    static func act(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let access = scope.campaignAccess
        let target = try await access.load(try req.parameters.id(), on: req.db)
        let isMember = try await access.isMember(target, on: req.db)
        let runs = try await access.runsProcedure(target, on: req.db)
        guard let actor = access.actor(target, isMember: isMember, runsProcedure: runs) else {
            throw Abort(.forbidden, reason: "您不能办理该对象的督导程序")
        }
        guard let action = CampaignAction(rawValue: (try? req.content.get(String.self, at: "action")) ?? ""),
            let campaign = try await Campaign.find(target.campaignID, on: req.db)
        else { throw Abort(.badRequest, reason: "请选择要办理的步骤") }
        let text = (try? req.content.get(String.self, at: "text")) ?? ""
        let problems = ((try? req.content.get(String.self, at: "problems")) ?? "").split(separator: "\n").map(
            String.init)
        do {
            try await CampaignProcedureStep.take(
                action, target: target, campaign: campaign, actor: actor, text: text, problems: problems,
                by: scope.principal, at: req.now, on: req.db)
        } catch let refused as CampaignWork.Refused {
            var model = try await CampaignTargetPage.query(target: target, scope: scope, on: req.db)
            model.error = refused.message
            model.text = text
            return try await CampaignTargetView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        req.flash("已\(action.label)")
        return req.redirect(to: SiteURL.campaignTarget(target.id!).path)
    }

    /// Results are the office's and leaders' (a school reads its own result on its target page).
    static func results(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let campaign = try await campaign(req, scope)
        let model = try await CampaignResults.query(
            campaign: campaign, paging: Paging(page: try req.query.page(), per: nil), on: req.db)
        // The district's office publishes; the city's office above it reads, as a leader does.
        let above = try await OrgUnit.find(campaign.districtID, on: req.db).map(scope.isOfficeAbove) ?? false
        return CampaignResultsView(
            ctx: req.pageContext(), model: model,
            audience: scope.principal.role == .office && !above ? .office : .reader
        ).render()
    }

    static func opinion(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let target = try await scope.campaignAccess.load(try req.parameters.id(), on: req.db)
        guard target.opinionNumber != nil else {
            req.flash("督导意见书尚未印发")
            return req.redirect(to: SiteURL.campaignTarget(target.id!).path)
        }
        let model = try await CampaignTargetPage.query(target: target, scope: scope, on: req.db)
        let problems = try await Problem.query(on: req.db).filter(\.$campaignTargetID == target.id!).sort(\.$id)
            .limit(50).all().map { p in
                // Filed with the opinion's number in front (for the register); the opinion itself need not repeat it.
                let prefix = "（\(target.opinionNumber ?? "")）"
                return p.description.hasPrefix(prefix) ? String(p.description.dropFirst(prefix.count)) : p.description
            }
        let district = try await campaignDistrict(of: target, on: req.db)
        return try await CampaignOpinionView(
            ctx: req.pageContext(), model: model, office: district.name + "人民政府教育督导室", problems: problems
        ).render().encodeResponse(for: req)
    }

    /// The written notice, printable from the moment the campaign starts (the target reads its own).
    static func notice(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let target = try await scope.campaignAccess.load(try req.parameters.id(), on: req.db)
        guard let campaign = try await Campaign.find(target.campaignID, on: req.db) else { throw Abort(.notFound) }
        let model = try await CampaignTargetPage.query(target: target, scope: scope, on: req.db)
        let district = try await campaignDistrict(of: target, on: req.db)
        return CampaignNoticeView(
            ctx: req.pageContext(), model: model, office: district.name + "人民政府教育督导室",
            startsOn: Day(parsing: campaign.startsOn)?.chinese ?? campaign.startsOn,
            endsOn: Day(parsing: campaign.endsOn)?.chinese ?? campaign.endsOn
        ).render()
    }

    /// The district whose office runs the target's campaign (it signs the notice and the opinion, whoever prints).
    static func campaignDistrict(of target: CampaignTarget, on db: any Database) async throws -> OrgUnit {
        guard let campaign = try await Campaign.find(target.campaignID, on: db),
            let district = try await OrgUnit.find(campaign.districtID, on: db)
        else { throw Abort(.notFound) }
        return district
    }
}
