import DudaoCore
import Plot

/// The form for a plan before a visit: school, date, tasks, methods, focus.
struct VisitPlanEditorView {
    let ctx: PageContext
    let model: VisitPlanEditor

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "制定督导方案", ctx,
            [
                .h1(.text("制定督导方案")),
                .errorSummary(model.errors),
                form,
            ])
    }

    var form: Node<HTML.BodyContext> {
        let f = model.form
        let errors = model.errors
        return .form(
            .method(.post), .action(SiteURL.visitPlans.path), .class("card"),
            .csrf(ctx.csrf),
            .selectField(
                "学校", name: "school", options: model.schools.map { (String($0.id), $0.name) }, selected: f.school,
                error: errors.message(for: "school"), required: true),
            .field(
                "计划日期", name: "date", value: f.date, error: errors.message(for: "date"), type: "date", required: true),
            .textareaField(
                "督导任务", name: "tasks", value: f.tasks, error: errors.message(for: "tasks"), rows: 3, required: true,
                limit: 2000),
            .textareaField(
                "督导方式", name: "methods", value: f.methods, error: errors.message(for: "methods"), rows: 2,
                required: true, limit: 1000),
            .textareaField(
                "督导重点", name: "focus", value: f.focus, error: errors.message(for: "focus"), rows: 3, required: true,
                limit: 1000),
            .button(.type(.submit), .class("btn primary"), .text("保存方案")))
    }
}
