import DudaoCore
import Plot

/// The semester plan form: save as a draft or submit it to the office.
struct AreaPlanEditorView {
    let ctx: PageContext
    let model: AreaPlanEditor

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "片区工作计划", ctx,
            [
                .h1(.text("\(model.semester.label)片区督导工作计划")),
                model.status == .returned ? .warning("督导室退回意见：" + model.officeComment) : .empty,
                model.status == .filed ? .div(.class("alert success"), .text("已备案")) : .empty,
                .errorSummary(model.errors),
                form,
            ])
    }

    var form: Node<HTML.BodyContext> {
        let f = model.form
        let errors = model.errors
        return .form(
            .method(.post), .action(SiteURL.areaPlans.path), .class("card"),
            .csrf(ctx.csrf), .hidden("semester", model.semester.code),
            .textareaField(
                "工作目标", name: "goals", value: f.goals, error: errors.message(for: "goals"), rows: 4, limit: 5000),
            .textareaField(
                "督导重点", name: "focus", value: f.focus, error: errors.message(for: "focus"), rows: 4, limit: 5000),
            .textareaField(
                "月度安排", name: "schedule", value: f.schedule, error: errors.message(for: "schedule"), rows: 7,
                limit: 5000),
            .div(
                .class("form-actions"),
                .button(.type(.submit), .name("action"), .value("save"), .class("btn secondary"), .text("保存草稿")),
                .button(.type(.submit), .name("action"), .value("submit"), .class("btn primary"), .text("提交督导室备案"))))
    }
}
