import DudaoCore
import Plot

/// 新建学校 / 编辑学校: the form, with each error next to its field and a summary at the top.
struct SchoolFormView {
    let ctx: PageContext
    let model: SchoolForm

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let v = model.values
        let err = model.errors.message(for:)
        return RecordForm.document(
            "学校", id: model.schoolID, record: SiteURL.school, list: .schools, ctx, errors: model.errors,
            [
                .field(
                    "学校标识码", name: "code", value: v.code ?? "", error: err("code"), required: true,
                    hint: "教育部统一编制的10位数字",
                    attrs: [("inputmode", "numeric"), ("maxlength", "10")]),
                .field("学校名称", name: "name", value: v.name ?? "", error: err("name"), required: true),
                .selectField(
                    "学校类型", name: "type", options: SchoolType.allCases.map { ($0.rawValue, $0.label) },
                    selected: v.type ?? "",
                    error: err("type"), required: true),
                .selectField(
                    "办学性质", name: "ownership", options: Ownership.allCases.map { ($0.rawValue, $0.label) },
                    selected: v.ownership ?? "", error: err("ownership"), required: true),
                .selectField(
                    "所属镇街", name: "township", options: model.townships.map { ($0, $0) }, selected: v.township ?? "",
                    error: err("township"), required: true),
                .selectField(
                    "责任区", name: "area", options: model.areas.map { (String($0.id), $0.name) },
                    selected: v.area ?? "",
                    error: err("area"), blank: "（不属于责任区）"),
                .field("地址", name: "address", value: v.address ?? "", error: err("address")),
                .field("校长（园长）", name: "principal", value: v.principal ?? "", error: err("principal")),
                .field("联系电话", name: "phone", value: v.phone ?? "", error: err("phone"), type: "tel"),
                .field(
                    "在校生数", name: "students", value: v.students ?? "", error: err("students"),
                    attrs: [("inputmode", "numeric")]),
                .field(
                    "班级数", name: "classes", value: v.classes ?? "", error: err("classes"),
                    attrs: [("inputmode", "numeric")]),
                .field(
                    "教职工数", name: "staff", value: v.staff ?? "", error: err("staff"),
                    attrs: [("inputmode", "numeric")]),
                .fieldset(
                    .class("span-all"),
                    .element(named: "legend", nodes: [.text("分学段在校生数（九年一贯制、十二年一贯制、完全中学填写）")]),
                    .field(
                        "小学", name: "students_primary", value: v.students_primary ?? "",
                        error: err("students_primary"),
                        attrs: [("inputmode", "numeric")]),
                    .field(
                        "初中", name: "students_junior", value: v.students_junior ?? "",
                        error: err("students_junior"),
                        attrs: [("inputmode", "numeric")]),
                    .field(
                        "高中", name: "students_senior", value: v.students_senior ?? "",
                        error: err("students_senior"),
                        attrs: [("inputmode", "numeric")])),
            ])
    }
}
