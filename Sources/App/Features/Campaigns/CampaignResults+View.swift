import DudaoCore
import Plot

/// Results of a campaign: the grade distribution (a bar per grade, drawn by the server, the figures also as text),
/// veto failures, and the ranking with shared places; exported to .xlsx.
struct CampaignResultsView {
    let ctx: PageContext
    let model: CampaignResults

    func render() -> Page { Page(document()) }

    func document() -> HTML {
        let m = model
        let grades = m.bands + (m.grades.keys.filter { !m.bands.contains($0) }.sorted())
        return Layout.document(
            "\(m.title) · 结果", ctx, wide: true, printable: true,
            [
                .p(.class("no-print"), .link(SiteURL.campaign(m.id).path, "‹ \(m.title)")),
                .div(
                    .class("page-head"),
                    .h1(.text("\(m.title) · 结果与排名")),
                    .div(
                        .class("actions no-print"),
                        .button(SiteURL.campaignPage(m.id, "export.xlsx").path, "导出 Excel", style: "secondary"))),
                .p(.text("已评分 \(m.scored)/\(m.targets) 个对象；\(m.vetoed) 个对象有否决项未达到。")),
                .figure(
                    distribution(grades),
                    .figcaption(grades.map { "\($0) \(m.grades[$0] ?? 0) 个" }.joined(separator: "，"))),
                .section(
                    .class("card"),
                    .h2(.text("排名")),
                    .dataTable(
                        ["名次", "对象", "得分", "等级"],
                        m.page.items.map { r in
                            [
                                .text(String(r.place)), .link(SiteURL.campaignTarget(r.id).path, r.name),
                                .text(Score.text(r.total)),
                                .group(.text(r.grade ?? ""), r.vetoed ? .badge("否决", "danger") : .empty),
                            ]
                        }, empty: "尚无确定评分的对象"),
                    .pager(
                        m.page.paging, total: m.page.total,
                        link: { SiteURL.campaignPage(m.id, "results").with([("page", String($0))]) })),
            ])
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

    func document() -> HTML {
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

    func document() -> HTML {
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
