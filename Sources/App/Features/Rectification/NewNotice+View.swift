import DudaoCore
import Plot

/// 下达整改通知: choose the school's problems, write the requirements, set the deadline.
struct NewNoticeView {
    let ctx: PageContext
    let model: NewNotice

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let f = model.form
        let errors = model.errors
        return Layout.document(
            "下达整改通知", ctx,
            [
                .h1(.text("整改通知书：" + model.school)),
                .errorSummary(errors),
                .form(
                    .method(.post), .action(SiteURL.notices.path), .class("card"),
                    .csrf(ctx.csrf), .hidden("school", String(model.schoolID)),
                    .fieldset(
                        .legend("需整改的问题（处理方式为“整改”且尚未下达通知的问题）"),
                        .errorText("f-problems", errors.message(for: "problems")),
                        model.candidates.isEmpty ? .p(.class("empty"), .text("该校没有待下达整改通知的问题。")) : .empty,
                        .forEach(model.candidates) { p in
                            .checkbox(
                                "【\(p.category)·\(p.severity.label)】\(p.description)", name: "problems[]",
                                value: String(p.id),
                                checked: f.problems.contains(p.id))
                        }),
                    .textareaField(
                        "整改要求", name: "requirements", value: f.requirements, error: errors.message(for: "requirements"),
                        rows: 4, required: true, limit: 3000),
                    .field(
                        "整改期限", name: "deadline", value: f.deadline, error: errors.message(for: "deadline"),
                        type: "date", required: true),
                    .checkbox("复查时需到校核查", name: "needsVisit", checked: model.form.needsVisit),
                    .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("生成整改通知书")))),
            ])
    }
}
