import DudaoCore
import Plot
import Vapor

/// 督导程序设置: the office chooses each kind's phases and the 申辩 window. New campaigns take them; a campaign
/// keeps the phases it started with.
enum CampaignRulesController {
    static func form(req: Request) async throws -> Page {
        let district = try await Scope.of(req).district(on: req.db)
        let rules = try await DistrictSettings.forDistrict(district.id!, on: req.db).campaignRules
        return CampaignRulesView(ctx: req.pageContext(), model: CampaignRulesForm(rules: rules)).render()
    }

    static func save(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let days = String(((try? req.content.get(String.self, at: "appealDays")) ?? "").prefix(20))
        var lists: [String: [String]] = [:]
        for kind in CampaignKind.allCases {
            let name = CampaignRules.field(kind)
            lists[name] = Array(((try? req.content.get([String].self, at: name)) ?? []).prefix(20))
        }
        switch CampaignRules.parse(["appealDays": days], lists: lists) {
        case .failure(let errors):
            let model = CampaignRulesForm(appealDays: days, ticked: lists, errors: errors)
            return try await CampaignRulesView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .success(let rules):
            try await req.db.writeTransaction { db in
                let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
                settings.campaignRulesJSON = try JSONColumn.encode(rules)
                try await settings.save(on: db)
                try await Audit.record(
                    on: db, actor: scope.principal, action: "update", entity: "district_settings", id: district.id!,
                    orgPath: district.path, summary: "修改督导程序设置（申辩期 \(rules.appealDays) 个工作日）")
            }
            req.flash("已保存督导程序设置，新发布的督导任务按此执行")
            return req.redirect(to: SiteURL.campaignRules.path)
        }
    }
}

/// The settings form as values: the window and each kind's ticked phases (as typed when refused).
struct CampaignRulesForm: Sendable {
    let appealDays: String
    let ticked: [String: [String]]
    var errors: [FieldError] = []

    init(rules: CampaignRules) {
        appealDays = String(rules.appealDays)
        var ticked: [String: [String]] = [:]
        for kind in CampaignKind.allCases {
            ticked[CampaignRules.field(kind)] = rules.phases(for: kind).map(\.rawValue)
        }
        self.ticked = ticked
    }

    init(appealDays: String, ticked: [String: [String]], errors: [FieldError]) {
        self.appealDays = appealDays
        self.ticked = ticked
        self.errors = errors
    }
}

struct CampaignRulesView {
    let ctx: PageContext
    let model: CampaignRulesForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> HTML {
        let m = model
        return Layout.document(
            "督导程序设置", ctx,
            [
                .p(.link(SiteURL.campaigns.path, "‹ 督导任务")),
                .h1(.text("督导程序设置")),
                .p(
                    .class("hint"),
                    .text("按《教育督导条例》，综合督导依次经过书面通知、自评、实地督导、初步意见、申辩、督导意见书、整改和报告。专项、开学和随机督导可以省去部分环节。修改只影响此后发布的督导任务。")),
                .errorSummary(m.errors),
                .form(
                    .method(.post), .action(SiteURL.campaignRules.path), .csrf(ctx.csrf),
                    .field(
                        "申辩期（工作日，从送达初步意见之日起算）", name: "appealDays", value: m.appealDays,
                        error: m.errors.message(for: "appealDays"), required: true,
                        attrs: [("inputmode", "numeric")]),
                    .forEach(CampaignKind.allCases) { kind in phases(kind) },
                    .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("保存")))),
            ])
    }

    func phases(_ kind: CampaignKind) -> Node<HTML.FormContext> {
        let name = CampaignRules.field(kind)
        let ticked = Set(model.ticked[name] ?? [])
        let error = model.errors.message(for: name)
        return .fieldset(
            .class(error == nil ? "field" : "field has-error"), .id("f-" + name),
            .legend(kind.label + (kind.minimumTeam > 1 ? "（督导组不少于 \(kind.minimumTeam) 人）" : "")),
            .div(
                .class("choices"),
                .forEach(CampaignPhase.allCases) { phase in
                    .checkbox(
                        phase.label, name: name + "[]", value: phase.rawValue, checked: ticked.contains(phase.rawValue))
                }),
            .errorText("f-" + name, error))
    }
}
