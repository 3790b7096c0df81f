import DudaoCore
import Plot

/// 新建督学 / 编辑督学: the form, with each error next to its field and a summary at the top.
struct InspectorFormView {
    let ctx: PageContext
    let model: InspectorForm

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let v = model.values
        let err = model.errors.message(for:)
        return RecordForm.document(
            "督学", id: model.inspectorID, record: SiteURL.inspector, list: .inspectors, ctx, errors: model.errors,
            [
                .field("姓名", name: "name", value: v.name ?? "", error: err("name"), required: true),
                .selectField(
                    "聘任方式", name: "kind", options: InspectorKind.allCases.map { ($0.rawValue, $0.label) },
                    selected: v.kind ?? "", error: err("kind"), required: true),
                .fieldset(
                    .legend("督学类别（可多选，不选为“督学”）"),
                    .errorText("f-roles", err("roles")),
                    .forEach(InspectorDuty.allCases) { d in
                        .checkbox(
                            d.label, name: "roles[]", value: d.rawValue,
                            checked: (v.roles ?? []).contains(d.rawValue) || (v.roles ?? []).contains(d.label))
                    }),
                .selectField(
                    "性别", name: "gender", options: Gender.allCases.map { ($0.rawValue, $0.label) },
                    selected: v.gender ?? "",
                    error: err("gender"), required: true),
                .field(
                    "手机号", name: "phone", value: v.phone ?? "", error: err("phone"), type: "tel", required: true,
                    attrs: [("inputmode", "numeric"), ("maxlength", "11")]),
                .field("工作单位", name: "employer", value: v.employer ?? "", error: err("employer")),
                .field("职务", name: "post", value: v.post ?? "", error: err("post")),
                .field("聘期开始", name: "termStart", value: v.termStart ?? "", error: err("termStart"), type: "date"),
                .field(
                    "聘期结束", name: "termEnd", value: v.termEnd ?? "", error: err("termEnd"), type: "date",
                    hint: "每个聘期不超过3年；督学连续聘任不超过3个聘期"),
                .div(
                    .class("span-all"),
                    .textareaField(
                        "职责（公示牌上显示，留空用默认职责）", name: "duties", value: v.duties ?? "", error: err("duties"))),
            ])
    }
}
