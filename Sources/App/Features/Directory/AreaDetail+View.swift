import DudaoCore
import Plot

/// A responsibility area's page: facts, its schools and their inspectors, the office's actions.
struct AreaDetailView {
    let ctx: PageContext
    let model: AreaDetail

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let a = model
        let max = AreaList.suggestedMaxSchools
        return Layout.document(
            a.name, ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text(a.name), a.active ? .empty : .badge("停用", "muted")),
                    .div(
                        .class("actions"),
                        a.mayEdit && a.active
                            ? .group(
                                .button(SiteURL.areaEdit(a.id).path, "编辑"),
                                .postButton(
                                    SiteURL.areaDeactivate(a.id).path, "停用", csrf: ctx.csrf,
                                    confirm: "停用后，该责任区的学校将不再属于任何责任区。确定吗？", style: "danger"))
                            : .empty)),
                .section(
                    .class("card"),
                    .facts([("牵头督学", a.lead ?? "未指定"), ("学校数", "\(a.schools.count) 所"), ("说明", a.note)]),
                    .warning(a.schools.count > max ? "一个责任区一般不超过\(max)所学校。" : nil)),
                .section(
                    .class("card"),
                    .h2(.text("责任区内学校")),
                    .dataTable(
                        ["学校", "类型", "责任督学"],
                        a.schools.map { s in
                            [
                                .link(SiteURL.school(s.id).path, s.name), .text(s.type.label),
                                s.inspector.map { .text($0) } ?? .badge("未挂牌", "warn"),
                            ]
                        }, empty: "该责任区还没有学校")),
                .auditTrail(a.audit),
            ])
    }
}
