import DudaoCore
import Plot

/// One 整改通知书: its facts and problems, the school's reports, the report form (a school), the buttons of
/// the steps the account may take, and every step so far.
struct NoticeDetailView {
    let ctx: PageContext
    let model: NoticeDetail

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let n = model
        let waiting = [NoticeState.issued, .acknowledged, .returned].contains(n.state)
        let status = n.deadline.map { DeadlineStatus.of(due: $0, today: ctx.today) }
        return Layout.document(
            n.number, ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("整改通知书 \(n.number)"), .badge(n.state.label, n.state == .closed ? "ok" : "warn")),
                    .div(.class("actions"), .button(SiteURL.noticePrint(n.id).path, "打印通知书", style: "secondary"))),
                .errorSummary(n.errors),
                signForm,
                .section(
                    .class("card"),
                    .facts([
                        ("学校", n.school), ("责任督学", n.inspector ?? ""), ("整改期限", n.deadline?.chinese ?? ""),
                        ("进度", waiting ? (status?.label ?? "") : n.state.label), ("督办", n.escalation?.label ?? "无"),
                        ("复查方式", n.needsVisit ? "需到校核查" : "审阅整改报告"),
                    ]),
                    .h2(.text("存在问题")),
                    .ol(.forEach(n.problems) { p in .li(.badge(p.category), .text(" " + p.description)) }),
                    .h2(.text("整改要求")),
                    .p(.class("prewrap"), .text(n.requirements))),
                reports,
                n.mayReport ? reportForm : .empty,
                actionForm,
                .section(
                    .class("card"),
                    .h2(.text("办理记录")),
                    .dataTable(
                        ["时间", "办理人", "事项", "意见"],
                        n.events.map { e in
                            [
                                .text(Format.date(e.createdAt)), .text(e.actorName), .text(Self.label(e.action)),
                                .text(e.comment),
                            ]
                        })),
            ])
    }

    /// What an event's action reads as.
    static func label(_ action: String) -> String {
        CaseStepLabel.label(action) { NoticeAction(rawValue: $0)?.label ?? ["create": "生成", "due-soon": "到期提醒"][$0] }
    }

    var reports: Node<HTML.BodyContext> {
        guard !model.reports.isEmpty else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("整改报告（\(model.reports.count)）")),
            .forEach(model.reports) { r in
                .div(
                    .class("item"),
                    .p(
                        .class("item-title"),
                        .text(Format.date(r.createdAt) + " "),
                        .badge(
                            r.outcome == "accepted" ? "复查通过" : r.outcome == "returned" ? "已退回" : "待复查",
                            r.outcome == "accepted" ? "ok" : "warn")),
                    .p(.class("prewrap"), .text(r.body)),
                    .ul(
                        .forEach(r.files) { f in
                            .li(.link(SiteURL.noticeFile(model.id, f.hash).path, "\(f.name)（\(f.size / 1024 + 1)KB）"))
                        }),
                    r.reviewComment.isEmpty ? .empty : .p(.class("muted"), .text("复查意见：" + r.reviewComment)))
            })
    }

    var reportForm: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text(model.state == .returned ? "重新提交整改报告" : "提交整改报告")),
            model.state == .returned
                ? .p(.class("alert warn"), .text("整改报告已被退回，请按复查意见补充后重新提交。")) : .empty,
            .form(
                .method(.post), .action(SiteURL.noticeReport(model.id).path), .enctype(.multipartData),
                .csrf(ctx.csrf),
                .textareaField(
                    "整改情况（逐条说明）", name: "body", value: model.typedReport, error: model.errors.message(for: "body"),
                    rows: 6, required: true, limit: 10000),
                .evidenceField(
                    "佐证材料（照片、PDF、Word、Excel 或压缩包，最多10个，每个不超过10MB）", error: model.errors.message(for: "files")),
                model.errors.message(for: "files") == nil
                    ? .empty : .p(.class("hint"), .text("文字已保留；请重新选择要上传的文件（浏览器不会保留已选的文件）。")),
                .button(.type(.submit), .class("btn primary"), .text("提交整改报告"))))
    }

    /// Signing for the notice is the school's first step: one button at the top, apart from the report form.
    var signsOnly: Bool { model.actions == [.acknowledge] }

    var signForm: Node<HTML.BodyContext> {
        guard signsOnly else { return .empty }
        return .section(
            .class("card sign-for"),
            .h2(.text("请签收本通知书")),
            .p(.text("签收表示学校已收到本通知书，将在整改期限内完成整改并报送整改情况。")),
            .form(
                .method(.post), .action(SiteURL.noticeAct(model.id).path), .csrf(ctx.csrf),
                .input(.type(.hidden), .name("comment"), .value("")),
                .button(
                    .type(.submit), .name("action"), .value(NoticeAction.acknowledge.rawValue), .class("btn primary"),
                    .text("签收"))))
    }

    /// When the shared comment is required: only for the refusing steps the account has here.
    var commentHint: String? {
        let needing = model.actions.filter { [.returnReport, .reject, .withdraw].contains($0) }.map(\.label)
        return needing.isEmpty ? nil : needing.joined(separator: "、") + "时必填"
    }

    /// The buttons of the steps the account may take, with the comment they share.
    var actionForm: Node<HTML.BodyContext> {
        guard !model.actions.isEmpty, !signsOnly else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("办理")),
            .form(
                .method(.post), .action(SiteURL.noticeAct(model.id).path),
                .csrf(ctx.csrf),
                .textareaField(
                    "意见 / 理由", name: "comment", value: model.typedComment, error: model.errors.message(for: "comment"),
                    rows: 2, hint: commentHint, limit: NoticesController.commentLimit),
                .div(
                    .class("actions"),
                    .forEach(model.actions) { a in
                        .button(
                            .type(.submit), .name("action"), .value(a.rawValue),
                            .class("btn " + ([.returnReport, .reject, .withdraw].contains(a) ? "danger" : "primary")),
                            .text(a.label))
                    })))
    }
}
