import DudaoCore
import Plot

/// 问题详情: the facts, the description, its source and notice, and for 协商 the referral form.
struct ProblemDetailView {
    let ctx: PageContext
    let model: ProblemDetail

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let p = model
        return Layout.document(
            "问题详情", ctx,
            [
                .h1(.text("问题详情"), .badge(p.state.label, p.state == .open ? "warn" : "ok")),
                .section(
                    .class("card"),
                    .facts([
                        ("学校", p.school), ("类别", p.category), ("严重程度", p.severity.label), ("处理方式", p.disposition.label),
                        ("发现时间", Format.date(p.foundAt)), ("整改期限", p.deadline?.chinese ?? ""),
                        ("移交部门", p.referralDepartment), ("部门答复", p.referralReply),
                    ]),
                    .p(.class("prewrap"), .text(p.description)),
                    p.photos.isEmpty
                        ? .empty
                        : .div(
                            .class("thumbs"),
                            .forEach(p.photos) { ph in
                                let url = SiteURL.visitPhoto(ph.visit, ph.photo).path
                                return .figure(
                                    .a(.href(url), .img(.src(url), .alt(ph.caption.isEmpty ? "问题照片" : ph.caption))),
                                    ph.caption.isEmpty ? .empty : .figcaption(ph.caption))
                            }),
                    .p(
                        p.visitID.map { .link(SiteURL.visit($0).path, "来源：督导记录") }
                            ?? p.complaintID.map { .link(SiteURL.complaint($0).path, "来源：举报投诉") } ?? .empty,
                        .text(" "),
                        p.noticeID.map { .link(SiteURL.notice($0).path, "整改通知书") } ?? .empty),
                    p.mayIssueNotice
                        ? .p(
                            .a(
                                .href(
                                    SiteURL.noticeNew.with([("school", String(p.schoolID)), ("problem", String(p.id))])),
                                .class("btn primary"), .text("下达整改通知")))
                        : .empty),
                p.mayRefer ? referralForm : .empty,
            ])
    }

    var referralForm: Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.problemReferral(model.id).path), .class("card"),
            .csrf(ctx.csrf),
            .h2(.text("协商办理（移交局相关科室）")),
            .errorSummary(model.errors),
            .field(
                "移交部门", name: "department", value: model.typed["department"] ?? model.referralDepartment,
                error: model.errors.message(for: "department"), required: true, hint: "如：基础教育科、计财科、安全科",
                attrs: [("data-limit", String(ProblemController.departmentLimit))]),
            .textareaField(
                "部门答复（销号时必填）", name: "reply", value: model.typed["reply"] ?? model.referralReply,
                error: model.errors.message(for: "reply"), rows: 3, limit: ProblemController.replyLimit),
            .checkbox("部门已办理完毕，问题销号", name: "close", checked: model.typed["close"] == "on"),
            .button(.type(.submit), .class("btn primary"), .text("保存")))
    }
}
