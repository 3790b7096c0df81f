import DudaoCore
import Plot

/// One target's 督导组: the members with their buttons, and the form to add one.
struct CampaignTeamView {
    let ctx: PageContext
    let model: CampaignTeamPage

    func render() -> Page { Page(document(), status: model.error == nil ? 200 : 422) }

    func document() -> FramedDocument {
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
