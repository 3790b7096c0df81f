import DudaoCore
import Plot

/// Results of a campaign: the grade distribution (a bar per grade, drawn by the server, the figures also as text),
/// veto failures, the comparison with the previous campaign on the same system, the indicator × target heat map and
/// the ranking with shared places. The office also exports and publishes (通报); once published, the targets (and,
/// when chosen, the public) read the same results without links into the records.
struct CampaignResultsView {
    enum Audience { case office, reader, published, anonymous }

    let ctx: PageContext
    let model: CampaignResults
    var audience: Audience = .office

    func render() -> Page { Page(document()) }

    var links: Bool { audience == .office || audience == .reader }
    /// The 自评 and the city's re-check are the office's and leaders' working figures; a 通报 shows the result.
    var showsSelf: Bool { links && model.showsSelf }
    var showsRecheck: Bool { links && model.recheckPercent > 0 }

    func document() -> FramedDocument {
        let m = model
        let grades = m.bands + (m.grades.keys.filter { !m.bands.contains($0) }.sorted())
        let here =
            audience == .office || audience == .reader
            ? SiteURL.campaignPage(m.id, "results")
            : audience == .anonymous ? SiteURL.publicResults(m.id) : SiteURL.campaignPage(m.id, "bulletin")
        return Layout.document(
            "\(m.title) · 结果", ctx, wide: true, printable: true,
            [
                links ? .p(.class("no-print"), .link(SiteURL.campaign(m.id).path, "‹ \(m.title)")) : .empty,
                .div(
                    .class("page-head"),
                    .h1(.text(links ? "\(m.title) · 结果与排名" : "\(m.title) 结果通报")),
                    links
                        ? .div(
                            .class("actions no-print"),
                            .exportButtons({ SiteURL.campaignPage(m.id, "export." + $0.rawValue) }, query: []))
                        : .empty),
                .p(
                    .text(
                        "已评分 \(m.scored)/\(m.targets) 个对象" + (m.mean.map { "，平均 \(Score.text($0)) 分" } ?? "")
                            + "；\(m.vetoed) 个对象有否决项未达到。"
                            + (m.publishedOn.map { "已于\($0.chinese)通报" + (m.publishedPublic ? "并向社会公开" : "") + "。" }
                                ?? ""))),
                audience == .office ? publishForm : .empty,
                comparison,
                .figure(
                    distribution(grades),
                    .figcaption(grades.map { "\($0) \(m.grades[$0] ?? 0) 个" }.joined(separator: "，"))),
                heatMap,
                .section(
                    .class("card"),
                    .h2(.text("排名")),
                    .dataTable(rankingHeaders, m.page.items.map(rankingCells), empty: "尚无确定评分的对象"),
                    .pager(m.page.paging, total: m.page.total, link: { here.with([("page", String($0))]) })),
            ])
    }

    var rankingHeaders: [String] {
        var headers = ["名次", "对象"]
        if showsSelf { headers.append("自评") }
        headers += ["得分", "等级"]
        if model.previousTitle != nil { headers += ["上次", "变化"] }
        if showsRecheck { headers += ["市级抽评", "抽评差异"] }
        return headers
    }

    /// One ranking row: place, target, the 自评 (office), the team's score and grade, the previous campaign's, and
    /// the city's 抽评 (office).
    func rankingCells(_ r: CampaignResults.Row) -> [Node<HTML.BodyContext>] {
        var cells: [Node<HTML.BodyContext>] = [
            .text(String(r.place)), links ? .link(SiteURL.campaignTarget(r.id).path, r.name) : .text(r.name),
        ]
        if showsSelf { cells.append(.text(r.selfTotal.map(Score.text) ?? "—")) }
        cells += [
            .text(Score.text(r.total)), .group(.text(r.grade ?? ""), r.vetoed ? .badge("否决", "danger") : .empty),
        ]
        if model.previousTitle != nil {
            cells += [
                .text(r.previous.map { Score.text($0) } ?? "—"), .text(r.previous.map { change(r.total - $0) } ?? "—"),
            ]
        }
        if showsRecheck { cells += r.recheckCells.map { .text($0) } }
        return cells
    }

    func change(_ delta: Double) -> String {
        let text = Score.text(abs(delta))
        return text == "0" ? "持平" : (delta > 0 ? "+" : "−") + text
    }

    var comparison: Node<HTML.BodyContext> {
        guard let title = model.previousTitle else { return .empty }
        let now = model.mean.map { Score.text($0) } ?? "—"
        let before = model.previousMean.map { Score.text($0) } ?? "—"
        var delta = ""
        if let mean = model.mean, let previous = model.previousMean { delta = "（\(change(mean - previous))）" }
        return .p(.class("hint"), .text("与上次「\(title)」相比：平均分 \(before) → \(now)\(delta)。下表“上次”为同一对象在上次的得分。"))
    }

    /// Indicator × target on this page: one cell per first-level indicator, shaded by the share earned (the
    /// figures are in the ranking table below, for reading aloud and export).
    var heatMap: Node<HTML.BodyContext> {
        let m = model
        guard !m.columns.isEmpty, !m.page.items.isEmpty else { return .empty }
        let label = 150
        let cell = 56
        let row = 26
        let top = 30
        let width = max(label + cell * m.columns.count, 470)
        let height = top + row * m.page.items.count + 34
        var svg = """
            <svg class="chart heat" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="指标得分热力图">
            """
        for (j, column) in m.columns.enumerated() {
            svg += """
                <text x="\(label + j * cell + cell / 2)" y="18" font-size="12" text-anchor="middle">\(HTMLEscape.escape(column.code))<title>\(HTMLEscape.escape(column.title))</title></text>
                """
        }
        for (i, r) in m.page.items.enumerated() {
            let y = top + i * row
            let name = r.name.count > 10 ? String(r.name.prefix(9)) + "…" : r.name
            svg += """
                <text x="0" y="\(y + 17)" font-size="12">\(HTMLEscape.escape(name))<title>\(HTMLEscape.escape(r.name))</title></text>
                """
            for (j, ratio) in r.ratios.enumerated() {
                let step = HeatScale.step(ratio)
                svg += """
                    <rect x="\(label + j * cell + 1)" y="\(y + 1)" width="\(cell - 2)" height="\(row - 2)" fill="\(step.fill)"><title>\(HTMLEscape.escape(r.name)) \(HTMLEscape.escape(m.columns[j].title))：\(ratio.map { Score.percent($0) } ?? "不适用")</title></rect>\
                    <text x="\(label + j * cell + cell / 2)" y="\(y + 17)" font-size="11" text-anchor="middle">\(ratio.map { Score.text($0 * 100) } ?? "—")</text>
                    """
            }
        }
        let legendY = top + row * m.page.items.count + 12
        for (k, step) in HeatScale.Step.allCases.reversed().enumerated() {
            let x = k * 92
            svg += """
                <rect x="\(x)" y="\(legendY)" width="14" height="14" fill="\(step.fill)"></rect>\
                <text x="\(x + 18)" y="\(legendY + 12)" font-size="11">\(step.label)</text>
                """
        }
        return .section(
            .class("card"),
            .h2(.text("分项得分热力图（本页对象，数字为得分率%）")),
            .p(.class("hint"), .text(m.columns.map { "\($0.code) \($0.title)" }.joined(separator: "；"))),
            .div(.class("table-wrap"), .raw(svg + "</svg>")),
            // The same figures as a table, for reading aloud and copying.
            .element(
                named: "details",
                nodes: [
                    .element(named: "summary", nodes: [.text("热力图数据表")]),
                    .dataTable(
                        ["对象"] + m.columns.map { "\($0.code) \($0.title)" },
                        m.page.items.map { r in
                            [.text(r.name)] + r.ratios.map { .text($0.map { Score.percent($0) } ?? "不适用") }
                        }),
                ]))
    }

    var publishForm: Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.campaignPage(model.id, "publish").path), .class("card no-print"),
            .csrf(ctx.csrf),
            .h2(.text(model.publishedOn == nil ? "通报结果" : "再次通报")),
            .p(
                .class("hint"),
                .text("通报后，各督导对象可在本任务中查看结果与排名；勾选“向社会公开”后，结果同时在公开页面发布。")),
            .checkbox("向社会公开", name: "public", checked: model.publishedPublic),
            .button(.type(.submit), .class("btn primary"), .text(model.publishedOn == nil ? "通报结果" : "更新通报")))
    }

    /// One horizontal bar per grade, as SVG (no script, prints as drawn).
    func distribution(_ grades: [String]) -> Node<HTML.BodyContext> {
        let most = max(1, grades.map { model.grades[$0] ?? 0 }.max() ?? 1)
        let rowHeight = 28
        var svg = """
            <svg class="chart" viewBox="0 0 320 \(grades.count * rowHeight + 4)" role="img" aria-label="等级分布">
            """
        for (i, grade) in grades.enumerated() {
            let n = model.grades[grade] ?? 0
            let width = Int(Double(n) / Double(most) * 200)
            let y = i * rowHeight
            svg += """
                <text x="0" y="\(y + 18)" font-size="13">\(HTMLEscape.escape(grade))</text>\
                <rect x="64" y="\(y + 4)" width="\(max(width, n > 0 ? 2 : 0))" height="18" fill="#2f6fb3"></rect>\
                <text x="\(70 + width)" y="\(y + 18)" font-size="13">\(n)</text>
                """
        }
        return .raw(svg + "</svg>")
    }
}

/// 督导意见书 as the official A4 document.
struct CampaignOpinionView {
    let ctx: PageContext
    let model: CampaignTargetPage
    let office: String
    let problems: [String]

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "督导意见书 \(m.opinionNumber ?? "")", ctx, printable: true,
            [
                .div(
                    .class("no-print actions"),
                    .button(.type(.button), .class("btn primary"), .data(named: "print", value: "1"), .text("打印")),
                    .link(SiteURL.campaignTarget(m.id).path, "返回")),
                .article(
                    .class("notice-doc"),
                    .h1(.text("教育督导意见书")),
                    .p(.class("doc-number"), .text(m.opinionNumber ?? "")),
                    .p(.text(m.name + "：")),
                    .p(
                        .class("indent"),
                        .text(
                            "根据《教育督导条例》，\(office)组织督导组对你单位进行了\(m.kind.label)（\(m.campaignTitle)）。"
                                + (m.total.map {
                                    "督导组评定得分 \(Score.text($0)) 分" + (m.grade.map { "，等级为「\($0)」" } ?? "") + "。"
                                } ?? ""))),
                    .p(.class("prewrap"), .text(m.opinion)),
                    problems.isEmpty
                        ? .empty : .group(.p(.text("存在的主要问题：")), .ol(.forEach(problems) { .li(.text($0)) })),
                    m.appeal.isEmpty
                        ? .empty
                        : .group(
                            .p(.text("申辩及答复：")), .p(.class("prewrap"), .text(m.appeal + "\n答复：" + m.appealAnswer))),
                    .p(.class("indent"), .text("请按督导意见认真整改，并在规定期限内将整改情况书面报送\(office)。")),
                    .div(
                        .class("doc-sign"),
                        .p(.text("督导组组长：\(m.lead)")),
                        .p(.text(office)))),
            ])
    }
}

/// 督导通知书: the written notice sent before the visit (条例: the unit is told in advance, then assesses itself).
struct CampaignNoticeView {
    let ctx: PageContext
    let model: CampaignTargetPage
    let office: String
    let startsOn: String
    let endsOn: String

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        let selfAssessment = m.steps.contains { $0.0 == .selfAssessment }
        let members = m.team.filter { $0 != m.lead }
        return Layout.document(
            "督导通知书 \(m.name)", ctx, printable: true,
            [
                .div(
                    .class("no-print actions"),
                    .button(.type(.button), .class("btn primary"), .data(named: "print", value: "1"), .text("打印")),
                    .link(SiteURL.campaignTarget(m.id).path, "返回")),
                .article(
                    .class("notice-doc"),
                    .h1(.text("教育督导通知书")),
                    .p(.text(m.name + "：")),
                    .p(
                        .class("indent"),
                        .text(
                            "根据《教育督导条例》和本区督导工作安排，\(office)定于\(startsOn)至\(endsOn)对你单位进行"
                                + "\(m.kind.label)（\(m.campaignTitle)）。督导组组长\(m.lead)"
                                + (members.isEmpty ? "" : "，成员\(members.joined(separator: "、"))") + "。"
                        )),
                    selfAssessment
                        ? .p(
                            .class("indent"),
                            .text("请你单位对照督导指标体系开展自评，在平台“督导评估”中填写自评并上传佐证材料，在实地督导前提交。"))
                        : .empty,
                    .p(.class("indent"), .text("实地督导期间请安排有关人员配合，提供所需资料，组织师生、家长座谈或问卷。")),
                    .div(.class("doc-sign"), .p(.text(office)))),
            ])
    }
}
