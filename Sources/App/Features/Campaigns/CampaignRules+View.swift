import DudaoCore
import Plot

/// 督导程序设置: the 申辩 window and, per kind, its phases as boxes to tick.
struct CampaignRulesView {
    let ctx: PageContext
    let model: CampaignRulesForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
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
