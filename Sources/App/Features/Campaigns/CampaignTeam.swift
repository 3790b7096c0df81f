import DudaoCore
import Fluent
import Plot
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
        guard scope.canEdit(orgPath: target.orgPath) else { throw Abort(.forbidden, reason: "只有督导室可以调整督导组") }
        return target
    }
}

/// One target's team and who may join it.
struct CampaignTeamPage: Sendable {
    struct Person: Sendable, Equatable {
        let id: Int
        let name: String
        let role: String
    }

    let targetID: Int
    let name: String
    let kind: CampaignKind
    let finished: Bool
    let lead: Int
    let members: [Person]
    let choices: [Person]
    var error: String? = nil

    static func query(target t: CampaignTarget, scope: Scope, on db: any Database) async throws -> CampaignTeamPage {
        guard let campaign = try await Campaign.find(t.campaignID, on: db) else { throw Abort(.notFound) }
        let district = try await scope.district(on: db)
        let ids = try await CampaignMember.query(on: db).filter(\.$targetID == t.id!).sort(\.$id).all(\.$userID)
        let people = try await User.query(on: db).inSubtree(\.$orgPath, district.path).filter(\.$active == true)
            .filter(\.$role ~~ [.inspector, .office]).sort(\.$role).sort(\.$displayName).limit(500).all()
        let named = try await User.query(on: db).filter(\.$id ~~ ids).all()
        func person(_ u: User) -> Person { Person(id: u.id!, name: u.displayName, role: u.role.label) }
        let members = ids.compactMap { id in named.first { $0.id == id }.map(person) }
        return CampaignTeamPage(
            targetID: t.id!, name: t.name, kind: campaign.kind, finished: t.phase == nil, lead: t.leadUserID,
            members: members, choices: people.filter { !ids.contains($0.id!) }.map(person))
    }
}

struct CampaignTeamView {
    let ctx: PageContext
    let model: CampaignTeamPage

    func render() -> Page { Page(document(), status: model.error == nil ? 200 : 422) }

    func document() -> HTML {
        let m = model
        let action = SiteURL.campaignTargetPage(m.targetID, "members").path
        return Layout.document(
            "\(m.name) · 督导组", ctx,
            [
                .p(.link(SiteURL.campaignTarget(m.targetID).path, "‹ \(m.name)")),
                .h1(.text("\(m.name) · 督导组")),
                .p(
                    .class("hint"),
                    .text(
                        "\(m.kind.label)" + (m.kind.minimumTeam > 1 ? "的督导组不少于 \(m.kind.minimumTeam) 人。" : "。")
                            + "特约督学和其他部门参加联合督导的人员，在“督学”中登记并开通账号后即可加入，他们只能看到自己参加的督导对象。")),
                .warning(m.error),
                .dataTable(
                    ["成员", "身份", ""],
                    m.members.map { p in
                        [
                            .group(.text(p.name), p.id == m.lead ? .badge("组长", "ok") : .empty),
                            .text(p.role),
                            p.id == m.lead || m.finished
                                ? .text("")
                                : .div(
                                    .class("actions"),
                                    .postButton(
                                        action, "设为组长", csrf: ctx.csrf,
                                        fields: [("action", "lead"), ("user", String(p.id))]),
                                    .postButton(
                                        action, "移出", csrf: ctx.csrf, confirm: "确定将\(p.name)移出督导组？",
                                        fields: [("action", "remove"), ("user", String(p.id))])),
                        ]
                    }),
                m.finished
                    ? .p(.class("hint"), .text("该对象的督导已全部完成，督导组不再调整。"))
                    : m.choices.isEmpty
                        ? .empty
                        : .form(
                            .method(.post), .action(action), .class("card"), .csrf(ctx.csrf), .hidden("action", "add"),
                            .selectField(
                                "加入督导组", name: "user",
                                options: m.choices.map { (String($0.id), "\($0.name)（\($0.role)）") },
                                selected: "", required: true),
                            .button(.type(.submit), .class("btn primary"), .text("加入"))),
            ])
    }
}
