import DudaoCore
import Plot
import Vapor

struct NoticePage {
    let ctx: PageContext
    let data: NoticeData
    let role: Role
    let errors: [FieldError]

    var n: RectificationNotice { data.notice }

    func render() -> Page {
        let today = ctx.today
        let status = n.deadlineDay.map { DeadlineStatus.of(due: $0, today: today) }
        let policy = NoticePolicy(requiresApproval: data.settings.noticeRequiresApproval)
        let actions = RectificationMachine.allowedActions(from: n.state, role: role, policy: policy).filter { $0 != .report }
        let waiting = [NoticeState.issued, .acknowledged, .returned].contains(n.state)
        return Layout.page(
            n.number, ctx,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("整改通知书 \(n.number)"), .badge(n.state.label, n.state == .closed ? "ok" : "warn")]),
                .el("div", [("class", "actions")], [.button(SiteURL.noticePrint(n.id!).path, "打印通知书", style: "secondary")]),
            ]),
            .errorSummary(errors),
            .el("section", [("class", "card")], [
                .facts([
                    ("学校", data.school.name), ("责任督学", data.inspector?.name ?? ""), ("整改期限", Format.day(n.deadline)),
                    ("进度", waiting ? (status?.label ?? "") : n.state.label), ("督办", n.escalation?.label ?? "无"),
                    ("复查方式", n.needsVisit ? "需到校核查" : "审阅整改报告"),
                ]),
                .el("h2", [], [.text("存在问题")]),
                .el("ol", [], data.problems.map { p in .el("li", [], [.badge(p.category), .text(" " + p.description)]) }),
                .el("h2", [], [.text("整改要求")]),
                .el("p", [("class", "prewrap")], [.text(n.requirements)]),
            ]),
            reportsCard,
            role == .school && [.issued, .acknowledged, .returned].contains(n.state) ? reportForm : .empty,
            actions.isEmpty ? .empty : .el("section", [("class", "card")], [
                .el("h2", [], [.text("办理")]),
                .el("form", [("method", "post"), ("action", SiteURL.noticeAct(n.id!).path)], [
                    .csrf(ctx.csrf),
                    .field("意见 / 理由", name: "comment", value: "", hint: "退回、审批退回、撤回时必填"),
                    .el("div", [("class", "actions")], actions.map { a in
                        .el("button", [("type", "submit"), ("name", "action"), ("value", a.rawValue),
                            ("class", "btn " + ([.returnReport, .reject, .withdraw].contains(a) ? "danger" : "primary"))], [.text(a.label)])
                    }),
                ]),
            ]),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("办理记录")]),
                .dataTable(["时间", "办理人", "事项", "意见"], data.events.map { e in
                    [.text(Format.date(e.createdAt)), .text(e.actorName),
                     .text(e.action.hasPrefix("escalate:") ? (EscalationStep(rawValue: String(e.action.dropFirst(9)))?.label ?? e.action)
                        : (NoticeAction(rawValue: e.action)?.label ?? ["create": "生成", "due-soon": "到期提醒"][e.action] ?? e.action)),
                     .text(e.comment)]
                }),
            ])
        )
    }

    var reportsCard: Node<HTML.BodyContext> {
        guard !data.reports.isEmpty else { return .empty }
        return .el("section", [("class", "card")], [
            .el("h2", [], [.text("整改报告（\(data.reports.count)）")]),
            .group(data.reports.map { r in
                .el("div", [("class", "item")], [
                    .el("p", [("class", "item-title")], [
                        .text(Format.date(r.createdAt) + " "),
                        .badge(r.outcome == "accepted" ? "复查通过" : r.outcome == "returned" ? "已退回" : "待复查", r.outcome == "accepted" ? "ok" : "warn"),
                    ]),
                    .el("p", [("class", "prewrap")], [.text(r.body)]),
                    .el("ul", [], r.storedFiles.map { f in
                        .el("li", [], [.link(SiteURL.noticeFile(n.id!, f.hash).path, "\(f.name)（\(f.size / 1024 + 1)KB）")])
                    }),
                    r.reviewComment.isEmpty ? .empty : .el("p", [("class", "muted")], [.text("复查意见：" + r.reviewComment)]),
                ])
            }),
        ])
    }

    var reportForm: Node<HTML.BodyContext> {
        let err = { (f: String) in errors.first { $0.field == f }?.message }
        return .el("section", [("class", "card")], [
            .el("h2", [], [.text("提交整改报告")]),
            .el("form", [("method", "post"), ("action", SiteURL.noticeReport(n.id!).path), ("enctype", "multipart/form-data")], [
                .csrf(ctx.csrf),
                .textareaField("整改情况（逐条说明）", name: "body", value: "", error: err("body"), rows: 6),
                .el("div", [("class", "field")], [
                    .el("label", [("for", "files")], [.text("佐证材料（照片或 PDF，最多10个，每个不超过10MB）")]),
                    .void("input", [("type", "file"), ("id", "files"), ("name", "files[]"), ("multiple", nil), ("accept", "image/*,application/pdf")]),
                    .errorText("f-files", err("files")),
                ]),
                .el("button", [("type", "submit"), ("class", "btn primary")], [.text("提交整改报告")]),
            ]),
        ])
    }
}

/// The official A4 notice: the kept copy (存根) and the school's copy with its receipt slip (回执).
struct NoticePrintPage {
    let ctx: PageContext
    let data: NoticeData

    func copy(_ title: String, receipt: Bool) -> Node<HTML.BodyContext> {
        let n = data.notice
        return .el("article", [("class", "notice-doc")], [
            .el("p", [("class", "doc-copy")], [.text(title)]),
            .el("h1", [], [.text("责任督学整改通知书")]),
            .el("p", [("class", "doc-number")], [.text(n.number)]),
            .el("p", [], [.text(data.school.name + "：")]),
            .el("p", [("class", "indent")], [.text("经责任督学督导检查，你校存在以下问题。请按要求限期整改，并于\(Format.day(n.deadline))前将整改报告及佐证材料报送责任督学。")]),
            .el("ol", [], data.problems.map { p in .el("li", [], [.text("【\(p.category)】\(p.description)")]) }),
            .el("p", [], [.text("整改要求：")]),
            .el("p", [("class", "prewrap")], [.text(n.requirements)]),
            .el("div", [("class", "doc-sign")], [
                .el("p", [], [.text("责任督学：\(data.inspector?.name ?? "")　　联系电话：\(data.inspector?.phone ?? "")")]),
                .el("p", [], [.text(data.settings.officeName)]),
                .el("p", [], [.text(n.issuedAt.map { Day.today(now: $0).chinese } ?? "（未下达）")]),
            ]),
            receipt ? .el("div", [("class", "receipt")], [
                .el("p", [("class", "cut")], [.text("✂ - - - - - - - - - - - - - - - 沿此线剪下 - - - - - - - - - - - - - - -")]),
                .el("h2", [], [.text("回　执")]),
                .el("p", [], [.text("整改通知书 \(n.number) 已收到。我校将按要求于\(Format.day(n.deadline))前完成整改并报送整改报告。")]),
                .el("p", [("class", "doc-sign-line")], [.text("学校（盖章）：　　　　　　　校长签字：　　　　　　　年　　月　　日")]),
            ]) : .empty,
        ])
    }

    func render() -> Page {
        Layout.page(
            "整改通知书 \(data.notice.number)", ctx, printable: true,
            .el("div", [("class", "no-print actions")], [
                .el("button", [("type", "button"), ("class", "btn primary"), ("data-print", "1")], [.text("打印（一式两份）")]),
                .link(SiteURL.notice(data.notice.id!).path, "返回"),
            ]),
            copy("第一联　存根（督导室留存）", receipt: false),
            copy("第二联　学校留存", receipt: true)
        )
    }
}
