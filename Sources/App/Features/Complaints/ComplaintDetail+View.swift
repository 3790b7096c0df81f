import DudaoCore
import Plot

/// One complaint: facts (the complainant only for the office), content, attachments, reply, the handling form,
/// "转为学校问题", reassignment and the record of steps.
struct ComplaintDetailView {
    let ctx: PageContext
    let model: ComplaintDetail

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let c = model
        var facts: [(String, String)] = [
            ("查询码", c.trackingCode), ("渠道", c.byPhone ? "电话" : "网上"), ("学校", c.school ?? "全区性问题"),
            ("类别", c.category), ("受理日期", c.receivedOn?.chinese ?? ""), ("状态", c.state.label),
            ("本环节期限", c.deadline?.chinese ?? ""), ("承办督学", c.inspector ?? "未分派"), ("督办", c.escalation?.label ?? "无"),
        ]
        if let identity = c.identity { facts.append(("反映人", identity.complainant)) }
        return Layout.document(
            "投诉 \(c.trackingCode)", ctx,
            [
                .h1(.text("举报投诉 \(c.trackingCode)"), .badge(c.state.label)),
                .section(
                    .class("card"),
                    .facts(facts),
                    .h2(.text("反映内容")),
                    .p(.class("prewrap"), .text(c.content)),
                    files,
                    c.reply.isEmpty ? .empty : .group([.h2(.text("答复")), .p(.class("prewrap"), .text(c.reply))]),
                    c.isProblem
                        ? .p(.link(SiteURL.problems.with([("school", String(c.schoolID ?? 0))]), "已转为学校问题，查看问题台账"))
                        : .empty),
                actionForm,
                c.mayMakeProblem
                    ? .postButton(
                        SiteURL.complaintProblem(c.id).path, "核实属实，转为学校问题（进入整改）", csrf: ctx.csrf, style: "secondary")
                    : .empty,
                reassign,
                .section(
                    .class("card"),
                    .h2(.text("办理记录")),
                    .dataTable(
                        ["时间", "办理人", "事项", "意见"],
                        c.events.map { e in
                            [
                                .text(Format.date(e.createdAt)), .text(e.actorName), .text(Self.label(e.action)),
                                .text(e.comment),
                            ]
                        })),
            ])
    }

    /// What an event's action reads as.
    static func label(_ action: String) -> String {
        CaseStepLabel.label(action) {
            ComplaintAction(rawValue: $0)?.label ?? ["create": "收到", "assign": "改派", "problem": "转为问题"][$0]
        }
    }

    /// The attachments: links for the office, only their number for everyone else.
    var files: Node<HTML.BodyContext> {
        guard model.fileCount > 0 else { return .empty }
        guard let identity = model.identity else {
            return .p(.class("muted"), .text("附件 \(model.fileCount) 个（仅督导室可查看）"))
        }
        return .ul(
            .class("files"),
            .forEach(identity.files) { f in .li(.link(SiteURL.complaintFile(model.id, f.hash).path, f.name)) })
    }

    var actionForm: Node<HTML.BodyContext> {
        let actions = model.actions
        guard !actions.isEmpty else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("办理")),
            .form(
                .method(.post), .action(SiteURL.complaintAct(model.id).path),
                .csrf(ctx.csrf),
                .errorSummary(model.errors),
                actions.contains(.reply) || actions.contains(.reject)
                    ? .textareaField(
                        "答复内容（答复或不予受理时填写，反映人凭查询码可见）", name: "reply", value: model.typedReply ?? model.reply,
                        error: model.errors.message(for: "reply"), rows: 4, limit: ComplaintWorkflow.replyLimit)
                    : .empty,
                .textareaField(
                    "办理意见", name: "comment", value: model.typedComment, error: model.errors.message(for: "comment"),
                    rows: 2, limit: ComplaintWorkflow.commentLimit),
                .div(
                    .class("actions"),
                    .forEach(actions) { a in
                        .button(
                            .type(.submit), .name("action"), .value(a.rawValue),
                            .class("btn " + (a == .reject ? "danger" : "primary")),
                            .text(a.label))
                    })))
    }

    var reassign: Node<HTML.BodyContext> {
        guard !model.inspectors.isEmpty, model.state.isOpen else { return .empty }
        return .details(
            .class("card"),
            .summary(.text("改派承办督学")),
            .form(
                .method(.post), .action(SiteURL.complaintAssign(model.id).path),
                .csrf(ctx.csrf),
                .selectField(
                    "督学", name: "inspector", options: model.inspectors.map { (String($0.id), $0.name) },
                    selected: model.inspectorID.map(String.init) ?? ""),
                .button(.type(.submit), .class("btn secondary"), .text("改派"))))
    }
}
