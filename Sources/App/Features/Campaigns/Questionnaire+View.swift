import DudaoCore
import Plot

/// A campaign's questionnaires: the office adds one (questions one per line); each target's answer link with its
/// count of answers; one target's tally.
struct QuestionnairePageView {
    let ctx: PageContext
    let model: QuestionnairesController.PageModel

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let base = SiteURL.campaignPage(m.campaignID, "questionnaires")
        return Layout.document(
            "问卷 · \(m.campaignTitle)", ctx, wide: true,
            [
                .p(.class("no-print"), .link(SiteURL.campaign(m.campaignID).path, "‹ \(m.campaignTitle)")),
                .div(
                    .class("page-head"),
                    .h1(.text("问卷")),
                    m.questionnaire.map { q in
                        .div(
                            .class("actions"),
                            .exportButtons(
                                { .campaignPage(m.campaignID, "questionnaires." + $0.rawValue) },
                                query: [("q", String(q.id ?? 0))]))
                    } ?? .empty),
                .p(
                    .class("hint"),
                    .text("问卷匿名填写，不收集姓名、电话等个人信息；每个督导对象有自己的答卷链接，每台设备限答一次，截止日期后关闭。带有「问卷」评分方式的检查项按对应题目的满意比例预填督导组评分。")),
                m.questionnaires.isEmpty
                    ? .p(.class("empty"), .text("本任务还没有问卷。"))
                    : .div(
                        .class("actions"),
                        .forEach(m.questionnaires) { q in
                            q.id == m.questionnaire?.id
                                ? .strong(.text("\(q.title)（\(q.audience.label)，截止\(q.closesOn)）"))
                                : .link(base.with([("q", String(q.id))]), "\(q.title)（\(q.audience.label)）")
                        }),
                links,
                tally,
                m.mayCreate ? form : .empty,
            ])
    }

    var links: Node<HTML.BodyContext> {
        guard let q = model.questionnaire else { return .empty }
        let base = SiteURL.campaignPage(model.campaignID, "questionnaires")
        return .section(
            .class("card"),
            .h2(.text("答卷链接（\(q.title)）")),
            .p(
                .class("hint"),
                .text("把链接或二维码（打印本页，或打开对象后打印其张贴用二维码）发给各校的\(q.audience.label)；链接只能用于对应的对象。")),
            .dataTable(
                ["对象", "已答", "答卷链接", "二维码"],
                model.rows.items.map { r in
                    [
                        .link(base.with([("q", String(q.id!)), ("target", String(r.target))]), r.name),
                        .text(String(r.answers)),
                        .span(.class("prewrap"), .text(r.link)),
                        qr(r.link, label: "\(r.name)\(q.title)答卷二维码", moduleSize: 2),
                    ]
                }),
            .pager(
                model.rows.paging, total: model.rows.total,
                link: { base.with([("q", String(q.id!)), ("page", String($0))]) }))
    }

    /// A QR code of an answer link, drawn by the server as SVG (prints sharply; no script).
    func qr(_ link: String, label: String, moduleSize: Int) -> Node<HTML.BodyContext> {
        guard let code = QRCode.encode(link) else { return .text("链接过长，无法生成二维码") }
        return .div(.class("qr"), .raw(code.svg(moduleSize: moduleSize, label: label)))
    }

    var tally: Node<HTML.BodyContext> {
        guard let t = model.tally else { return .empty }
        let title = model.questionnaire?.title ?? "问卷"
        return .section(
            .class("card"),
            .h2(.text("\(t.target)：\(t.answered) 份答卷")),
            model.tallyLink.map { link in
                .figure(
                    qr(link, label: "\(t.target)\(title)答卷二维码", moduleSize: 5),
                    .figcaption("\(t.target) · \(title)：请用手机扫码匿名填写"))
            } ?? .empty,
            .forEach(t.questions) { question, counts in
                .group(
                    .h3(.text("\(question.code.dropFirst()). \(question.text)（\(question.kind.label)）")),
                    question.kind == .text
                        ? .p(.class("hint"), .text("填空题的回答不在此汇总。"))
                        : .dataTable(
                            ["选项", "人数", "比例"],
                            counts.map { c in
                                [
                                    .text(c.option), .text(String(c.count)),
                                    .text(t.answered == 0 ? "—" : Score.percent(Double(c.count) / Double(t.answered))),
                                ]
                            }))
            })
    }

    var form: Node<HTML.BodyContext> {
        let v = model.values
        let e = model.errors
        return .section(
            .class("card"),
            .h2(.text("添加问卷")),
            .errorSummary(e),
            .form(
                .method(.post), .action(SiteURL.campaignPage(model.campaignID, "questionnaires").path), .csrf(ctx.csrf),
                .field("问卷名称", name: "title", value: v["title"] ?? "", error: e.message(for: "title"), required: true),
                .selectField(
                    "调查对象", name: "audience", options: Audience.allCases.map { ($0.rawValue, $0.label) },
                    selected: v["audience"] ?? "", error: e.message(for: "audience"), required: true),
                .field(
                    "截止日期", name: "closesOn", value: v["closesOn"] ?? "", error: e.message(for: "closesOn"),
                    type: "date",
                    required: true),
                .textareaField(
                    "题目（每行一题：类型｜题目｜选项1/选项2…）", name: "questions", value: v["questions"] ?? "",
                    error: e.message(for: "questions"), rows: 6, required: true,
                    hint: "类型为单选、多选、量表（不写选项时为非常满意…非常不满意五级）或填空。例：单选｜您对学校作业量是否满意？｜满意/比较满意/不满意",
                    limit: 10_000),
                .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("添加问卷")))))
    }
}

/// The anonymous answer page, on a phone: the questions, or why it is closed, or thanks.
struct QuestionnaireAnswerView {
    let ctx: PageContext
    let answering: QuestionnairesController.Answering
    let state: QuestionnairesController.AnswerState
    let fields: [String: [String]]
    let errors: [FieldError]
    var note: String? = nil

    func render() -> Page { Page(document(), status: errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let q = answering.questionnaire
        return Layout.document(
            q.title, ctx,
            [
                .h1(.text(q.title)),
                .p(.text("\(answering.target.name) · 请\(q.audience.label)填写 · 截止\(q.closesOn)")),
                body,
            ])
    }

    var body: Node<HTML.BodyContext> {
        switch state {
        case .closed: return .p(.class("alert"), .text("问卷已截止，感谢关注。"))
        case .answered: return .p(.class("alert success"), .text(note ?? "提交成功，感谢您的参与！"))
        case .open:
            let a = answering
            return .group(
                .p(.class("hint"), .text("本问卷匿名填写，不记录您的姓名和联系方式。")),
                .errorSummary(errors),
                .form(
                    .method(.post),
                    .action(SiteURL.questionnaireAnswer(a.questionnaire.id!, a.target.id!).with([("k", a.key)])),
                    .csrf(ctx.csrf),
                    .forEach(a.questionnaire.questions) { question($0) },
                    .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("提交")))))
        }
    }

    func question(_ q: Question) -> Node<HTML.FormContext> {
        let chosen = Set(fields[q.code] ?? [])
        let error = errors.message(for: q.code)
        return .div(
            .class("rating-item" + (error == nil ? "" : " has-error")),
            .p(.strong(.text("\(q.code.dropFirst()). \(q.text)")), .text(q.kind == .multiple ? "（可多选）" : "")),
            q.kind == .text
                ? .textareaField("回答（选填）", name: q.code, value: fields[q.code]?.first ?? "", rows: 2, limit: 500)
                : .div(
                    .class("choices"),
                    .forEach(q.options) { option in
                        .label(
                            .class("choice"),
                            .input(
                                .type(q.kind == .multiple ? .checkbox : .radio),
                                .name(q.kind == .multiple ? q.code + "[]" : q.code),
                                .value(option),
                                chosen.contains(option) ? .attribute(named: "checked", value: "checked") : .empty),
                            .text(" " + option))
                    }),
            .errorText("f-" + q.code, error))
    }
}
