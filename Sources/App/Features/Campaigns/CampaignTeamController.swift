import DudaoCore
import Fluent
import Vapor

/// 督导组 of one target, changed after the campaign started: the office adds the district's inspectors (特约督学
/// and staff of other departments registered as such included, each then seeing only their targets) or office staff,
/// removes members and names the lead (`TeamChange`). Audited.
enum CampaignTeamController {
    static func form(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let target = try await editable(req, scope)
        let model = try await CampaignTeamPage.query(target: target, scope: scope, on: req.db)
        return CampaignTeamView(ctx: req.pageContext(), model: model).render()
    }

    static func change(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let target = try await editable(req, scope)
        guard target.phase != nil else { throw Abort(.conflict, reason: "该对象的督导已全部完成，不能再调整督导组") }
        let user = Int((try? req.content.get(String.self, at: "user")) ?? "") ?? 0
        let action = (try? req.content.get(String.self, at: "action")) ?? ""
        let change: TeamChange? =
            switch action {
            case "add": .add(user)
            case "remove": .remove(user)
            case "lead": .makeLead(user)
            default: nil
            }
        var model = try await CampaignTeamPage.query(target: target, scope: scope, on: req.db)
        guard let change,
            model.choices.contains(where: { $0.id == user }) || model.members.contains(where: { $0.id == user })
        else {
            model.error = "请选择本区的督学或督导室人员"
            return try await CampaignTeamView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        let team = TeamChange.Team(members: model.members.map(\.id), lead: target.leadUserID)
        switch change.apply(to: team, kind: model.kind) {
        case .failure(let refusal):
            model.error = refusal.description
            return try await CampaignTeamView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .success(let next):
            let name = (model.choices + model.members).first { $0.id == user }?.name ?? ""
            try await req.db.writeTransaction { db in
                switch change {
                case .add(let id): try await CampaignMember(targetID: target.id!, userID: id).create(on: db)
                case .remove(let id):
                    try await CampaignMember.query(on: db).filter(\.$targetID == target.id!).filter(\.$userID == id)
                        .delete()
                case .makeLead:
                    target.leadUserID = next.lead
                    target.updatedAt = req.now
                    try await target.save(on: db)
                }
                try await Audit.record(
                    on: db, actor: scope.principal, action: "update", entity: "campaign_target", id: target.id!,
                    orgPath: target.orgPath, summary: "\(target.name)：督导组\(label(change))\(name)")
            }
            req.flash("已\(label(change))\(name)")
            return req.redirect(to: SiteURL.campaignTargetPage(target.id!, "members").path)
        }
    }

    static func label(_ change: TeamChange) -> String {
        switch change {
        case .add: "加入"
        case .remove: "移出"
        case .makeLead: "指定组长"
        }
    }

    /// The target, if the account is the office of its district and the target is not finished.
    static func editable(_ req: Request, _ scope: Scope) async throws -> CampaignTarget {
        let target = try await scope.campaignAccess.load(try req.parameters.id(), on: req.db)
        guard try await scope.campaignAccess.runsProcedure(target, on: req.db) else {
            throw Abort(.forbidden, reason: "只有本区（县）督导室可以调整督导组")
        }
        return target
    }
}
