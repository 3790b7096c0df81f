import DudaoCore
import Plot

/// 举报投诉 for the public: school, category, what happened, optional name and phone, attachments.
struct ComplaintFormView {
    let ctx: PageContext
    let model: ComplaintForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let v = model.values
        let errors = model.errors
        return Layout.document(
            "举报投诉", ctx,
            [
                .h1(.text("\(model.districtName)教育督导举报投诉")),
                .p(.text("也可拨打举报投诉电话 \(model.complaintPhone)。提交后会得到一个查询码，凭查询码可查看办理进度和答复。")),
                .p(.class("muted"), .text("办理时限：" + model.limits.publicText + "。")),
                .errorSummary(errors),
                .form(
                    .method(.post), .action(SiteURL.publicComplaintNew.path), .enctype(.multipartData), .class("card"),
                    .csrf(ctx.csrf), .hidden("district", String(model.districtID)),
                    .hidden("submission", model.submission),
                    .complaintSubject(
                        v, schools: model.schools, categories: model.categories, district: "（反映区教育局或全区性问题）",
                        errors: errors),
                    .textareaField(
                        "反映内容（时间、地点、经过，越具体越便于核实）", name: "content", value: v.content ?? "",
                        error: errors.message(for: "content"), rows: 6, required: true, limit: 2000),
                    .field("姓名（可不填）", name: "name", value: v.name ?? "", error: errors.message(for: "name")),
                    .field(
                        "联系电话（可不填，填写后便于回访）", name: "phone", value: v.phone ?? "", error: errors.message(for: "phone"),
                        type: "tel"),
                    .checkbox("匿名反映（不保存姓名和电话）", name: "anonymous", checked: v.anonymous),
                    .div(
                        .class("field"),
                        .label(
                            .for("files"),
                            .text("附件（照片、PDF、Word、Excel 或 ZIP 压缩包，最多\(ComplaintForm.maxFiles)个，每个不超过5MB，可不传）")),
                        .input(
                            .type(.file), .id("files"), .name("files[]"), .multiple(true),
                            .attribute(named: "accept", value: EvidenceKind.acceptAttribute)),
                        .errorText("f-files", errors.message(for: "files"))),
                    .p(.class("hint"), .text("您的姓名和电话只有督导室工作人员可见，不会告知被反映的学校。")),
                    .button(.type(.submit), .class("btn primary block"), .text("提交"))),
                .p(.link(SiteURL.publicComplaintTrack.path, "已提交过？凭查询码查看进度")),
            ])
    }
}

extension Node where Context: HTML.BodyContext {
    /// What a complaint is about: the school (or the district itself, the choice labelled `district`) and the category.
    static func complaintSubject(
        _ v: ComplaintIntake.Input, schools: [ComplaintForm.SchoolOption], categories: [String], district: String,
        errors: [FieldError]
    ) -> Node {
        .group([
            .selectField(
                "反映的学校", name: "school",
                options: [(ComplaintIntake.districtChoice, district)] + schools.map { (String($0.id), $0.name) },
                selected: v.school ?? "", error: errors.message(for: "school"), required: true),
            .selectField(
                "问题类别", name: "category", options: categories.map { ($0, $0) },
                selected: v.category ?? "", error: errors.message(for: "category"), required: true),
        ])
    }
}
