import DudaoCore
import Plot

/// 新建责任区 / 编辑责任区: name, lead, note and a checklist of the schools free to join.
struct AreaFormView {
    let ctx: PageContext
    let model: AreaForm

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let title = model.areaID == nil ? "新建责任区" : "编辑责任区"
        let back = model.areaID.map { SiteURL.area($0).path } ?? SiteURL.areas.path
        let v = model.values
        let err = model.errors.message(for:)
        let selected = Set(v.schools ?? [])
        return Layout.document(
            title, ctx,
            [
                .h1(.text(title)),
                .errorSummary(model.errors),
                .form(
                    .method(.post), .action(back), .class("card"),
                    .csrf(ctx.csrf),
                    .field(
                        "名称", name: "name", value: v.name ?? "", error: err("name"), required: true,
                        hint: "如：第一责任区（城区片）"),
                    .selectField(
                        "牵头督学", name: "lead",
                        options: model.inspectors.map { (String($0.id), "\($0.name)（\($0.kind.label)）") },
                        selected: v.lead ?? "", error: err("lead"), blank: "（暂不指定）"),
                    .field("说明", name: "note", value: v.note ?? "", error: err("note")),
                    .fieldset(
                        .class("checklist"),
                        .element(named: "legend", nodes: [.text("包含的学校（仅列出未划入其他责任区的学校）")]),
                        .errorText("f-schools", err("schools")),
                        .forEach(model.schools) { s in
                            .label(
                                .class("check"),
                                .input(
                                    .type(.checkbox), .name("schools[]"), .value(String(s.id)),
                                    .checked(selected.contains(s.id))),
                                .text(" " + s.name))
                        }),
                    .div(
                        .class("form-actions"),
                        .button(.type(.submit), .class("btn primary"), .text("保存")),
                        .link(back, "取消"))),
            ])
    }
}
