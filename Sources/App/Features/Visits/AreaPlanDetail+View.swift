import DudaoCore
import Plot

/// A semester plan, with the office's review form while it waits to be filed.
struct AreaPlanDetailView {
    let ctx: PageContext
    let model: AreaPlanDetail

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "片区工作计划", ctx,
            [
                .h1(
                    .text("\(Semester(code: m.semester)?.label ?? m.semester)片区督导工作计划"),
                    .badge(m.status.label, m.status == .filed ? "ok" : "")),
                .section(
                    .class("card"),
                    .facts([("督学", m.inspector), ("提交时间", Format.date(m.submittedAt)), ("督导室意见", m.officeComment)]),
                    .h3(.text("工作目标")), .p(.class("prewrap"), .text(m.goals)),
                    .h3(.text("督导重点")), .p(.class("prewrap"), .text(m.focus)),
                    .h3(.text("月度安排")), .p(.class("prewrap"), .text(m.schedule)),
                    m.mayEdit ? .button(SiteURL.areaPlanNew.path, "修改") : .empty),
                m.mayReview ? review : .empty,
            ])
    }

    var review: Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.areaPlanReview(model.id).path), .class("card"),
            .csrf(ctx.csrf),
            .h2(.text("审阅")),
            .textareaField(
                "意见", name: "comment", value: model.typedComment, error: model.errors.message(for: "comment"), rows: 2,
                hint: "退回时必填", limit: PlansController.reviewCommentLimit),
            .div(
                .class("form-actions"),
                .button(.type(.submit), .name("decision"), .value("file"), .class("btn primary"), .text("备案")),
                .button(.type(.submit), .name("decision"), .value("return"), .class("btn danger"), .text("退回修改"))))
    }
}
