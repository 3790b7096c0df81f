import DudaoCore
import Plot

/// 督导简报: the issues published and, for the office, the drafts and a new draft for a month.
struct BulletinListView {
    let ctx: PageContext
    let model: BulletinList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "督导简报", ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("督导简报")),
                    .div(.class("actions"), .exportButtons({ .listExport(.bulletins, $0) }, query: []))),
                m.mayDraft
                    ? .form(
                        .method(.post), .action(SiteURL.bulletins.path), .csrf(ctx.csrf), .class("filters"),
                        .selectField(
                            "起草哪个月的简报", name: "month", options: m.months.map { ($0.description, $0.label) },
                            selected: m.months.first?.previous.description ?? "", blank: nil),
                        .checkbox("附责任督学到校督导情况排名", name: "ranking"),
                        .button(.type(.submit), .class("btn primary"), .text("按数据起草")))
                    : .empty,
                m.mayDraft
                    ? .p(.class("hint"), .text("草稿按所选月份的督导记录、问题、整改、投诉和督导任务自动生成，文字中的数字均为记录条数；每月第一个工作日系统会自动起草上月简报。"))
                    : .empty,
                .dataTable(
                    ["期号", "标题", "月份", "状态", "印发日期"],
                    m.items.map { b in
                        [
                            .text(b.issue), .a(.href(SiteURL.bulletin(b.id).path), .text(b.title)), .text(b.period),
                            .group(
                                .badge(b.state.label, b.state == .published ? "ok" : ""),
                                b.isPublic ? .badge("已向社会公开", "ok") : .empty),
                            .text(b.publishedOn.map { Format.day($0) } ?? "—"),
                        ]
                    }, empty: "还没有督导简报"),
                .pager(m.paging, total: m.total) { SiteURL.bulletins.with([("page", String($0))]) },
            ])
    }
}

/// One bulletin: the office edits a draft section by section; an approved or published one reads as issued.
struct BulletinView {
    let ctx: PageContext
    let model: BulletinPage

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            m.title, ctx,
            [
                .p(.link(SiteURL.bulletins.path, "‹ 督导简报")),
                .h1(.text(m.title)),
                .p(
                    .badge(m.state.label, m.state == .published ? "ok" : ""),
                    .text(m.state == .draft ? " \(m.period)" : " \(m.issue) · \(m.period)"),
                    m.corrects.map { .text("（更正\($0)）") } ?? .empty,
                    m.publishedOn.map { .text(" · \(Format.day($0))印发") } ?? .empty,
                    m.isPublic ? .badge("已向社会公开", "ok") : .empty),
                .p(
                    .link(SiteURL.bulletinPage(m.id, "print").path, "打印版（A4）"), .text(" · "),
                    .link(SiteURL.bulletinPage(m.id, "export.docx").path, "下载 Word 文档")),
                .errorSummary(m.errors),
                m.mayEdit ? editor : .group(.forEach(m.sections) { BulletinSectionView.read($0) }),
                actions,
            ])
    }

    var editor: Node<HTML.BodyContext> {
        let m = model
        func value(_ key: String, _ fallback: String) -> String { m.typed[key] ?? fallback }
        return .form(
            .method(.post), .action(SiteURL.bulletin(m.id).path), .csrf(ctx.csrf),
            .field(
                "标题", name: "title", value: value("title", m.title), error: m.errors.message(for: "title"),
                required: true),
            .forEach(Array(m.sections.enumerated())) { i, s in
                .fieldset(
                    .class("card"),
                    .legend("第 \(i + 1) 节"),
                    .field(
                        "小标题", name: "h\(i)", value: value("h\(i)", s.heading), error: m.errors.message(for: "h\(i)")),
                    .textareaField(
                        "正文", name: "t\(i)", value: value("t\(i)", s.text), error: m.errors.message(for: "t\(i)"),
                        rows: 5,
                        limit: BulletinEdit.maxText),
                    s.table.count > 1
                        ? .element(
                            named: "details",
                            nodes: [
                                .element(named: "summary", nodes: [.text("本节数据")]), BulletinSectionView.table(s.table),
                            ]) : .empty,
                    .div(
                        .class("grid-2"),
                        .field(
                            "顺序", name: "o\(i)", value: value("o\(i)", String(i + 1)),
                            error: m.errors.message(for: "o\(i)"),
                            attrs: [("inputmode", "decimal")]),
                        .checkbox("删除本节", name: "x\(i)", checked: m.typed["x\(i)"] == "on")))
            },
            .fieldset(
                .class("card"), .legend("新增一节（可选）"),
                .field(
                    "小标题", name: "newHeading", value: value("newHeading", ""),
                    error: m.errors.message(for: "newHeading")),
                .textareaField(
                    "正文", name: "newText", value: value("newText", ""), error: m.errors.message(for: "newText"),
                    rows: 4,
                    limit: BulletinEdit.maxText)),
            .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("保存草稿"))))
    }

    var actions: Node<HTML.BodyContext> {
        let m = model
        guard m.isOffice else { return .empty }
        let act = SiteURL.bulletinPage(m.id, "act").path
        switch m.state {
        case .draft:
            return .div(
                .class("form-actions"),
                .postButton(
                    act, "核准并编号", csrf: ctx.csrf, confirm: "核准后简报编为下一期，内容不能再修改。确定核准？", style: "primary",
                    fields: [("action", "approve")]),
                .postButton(
                    act, "按最新数据重新生成", csrf: ctx.csrf, confirm: "重新生成会覆盖已修改的文字，确定吗？",
                    fields: [("action", "refresh")]))
        case .approved:
            return .form(
                .method(.post), .action(act), .csrf(ctx.csrf), .class("card"),
                .hidden("action", "publish"),
                .p(.text("印发后各学校和督学都能看到本期简报，并归档，不再改变。")),
                .checkbox("同时向社会公开（在公开信息页刊登）", name: "public"),
                .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("印发"))))
        case .published:
            return .postButton(
                act, "发更正（新一期）", csrf: ctx.csrf, confirm: "将以本期内容起草一期更正，确定吗？",
                fields: [("action", "correct")])
        }
    }
}

/// A section as read on the page and in print: heading, paragraphs, chart and figures.
enum BulletinSectionView {
    static func read(_ s: BulletinSection) -> Node<HTML.BodyContext> {
        .section(
            .class("bulletin-section"),
            .h2(.text(s.heading)),
            .forEach(s.text.split(separator: "\n").map(String.init)) { .p(.class("indent"), .text($0)) },
            s.bars.isEmpty
                ? .empty
                : .figure(
                    BarChart(
                        title: s.heading,
                        bars: s.bars.map { .init(label: $0.label, value: Double($0.value), text: "\($0.value)") }
                    ).node),
            s.table.count > 1 ? table(s.table) : .empty)
    }

    static func table(_ rows: [[String]]) -> Node<HTML.BodyContext> {
        .dataTable(rows[0], rows.dropFirst().map { $0.map { .text($0) } })
    }
}
