import DudaoCore
import Foundation
import Plot

/// 均衡发展监测: each section's coefficients against their lines, with a chart, the year before and the
/// schools that pull each one up; under 2017 the schools short of the standards.
struct BalanceOverviewView {
    let ctx: PageContext
    let model: BalanceOverview

    /// The page drawn from its nodes: a test's, or the weights form sent back with its error (422).
    func render() -> Page { Page(document(), status: model.weightsError == nil ? 200 : 422) }

    func document() -> FramedDocument {
        let content = BalanceOverviewContent(model: model, editing: .account(mayEdit: model.mayEdit, csrf: ctx.csrf))
        return Layout.document(BalanceOverviewContent.title, ctx, wide: true, content.nodes)
    }

    /// The page around its content drawn once with the kept figures (`BalanceOverviewContent.drawn`), the account's
    /// own parts written in: the bytes `render()` writes for the same figures. Nil when the kept content holds markers
    /// it was not drawn with (data that contains one): the caller draws the page whole.
    static func kept(ctx: PageContext, drawn: String, mayEdit: Bool) -> Page? {
        BalanceOverviewContent.filled(drawn, mayEdit: mayEdit, csrf: ctx.csrf).map { content in
            Page(.drawn(content)) { Layout.document(BalanceOverviewContent.title, ctx, wide: true, [$0]) }
        }
    }
}

/// Everything on the page below the site's header. It is drawn once with the kept figures for every account, with
/// markers where accounts differ: the link and form of those who may change the data, and the form's token. Drawing
/// the filters, cards and form on each request took a third of the page's processor time once the figures were kept.
struct BalanceOverviewContent {
    static let title = "均衡发展监测"

    /// Whose page the content is.
    enum Editing {
        /// Anyone's, to be kept: the editors' parts between markers, the form's token a marker.
        case marked
        case account(mayEdit: Bool, csrf: String)
    }

    /// Where the kept content is cut: around the editors' parts, and at the token.
    enum Slot: String {
        case editors
        case editorsEnd = "/editors"
        case csrf

        /// The markers the content is drawn with, in order: the import link, then the weights form with its token.
        static let drawn: [Slot] = [.editors, .editorsEnd, .editors, .csrf, .editorsEnd]
    }

    let model: BalanceOverview
    let editing: Editing

    /// The content as HTML for every account, with the figures counted at `countedAt`.
    static func drawn(_ model: BalanceOverview, countedAt: Date?) -> String {
        var model = model
        model.countedAt = countedAt
        return Node<HTML.BodyContext>.group(Self(model: model, editing: .marked).nodes).render()
    }

    /// The content one account sees: the editors' parts kept or left out, the account's token written in. Nil when
    /// the content holds other markers than those it was drawn with: a school's name can contain the characters.
    static func filled(_ drawn: String, mayEdit: Bool, csrf: String) -> String? {
        let pieces = SlottedHTML.cut(drawn, Slot.self)
        guard pieces.compactMap(\.slot) == Slot.drawn else { return nil }
        var html = ""
        html.reserveCapacity(drawn.utf8.count + 64)
        var inEditorsPart = false
        for piece in pieces {
            let shown = mayEdit || !inEditorsPart
            if shown { html += piece.literal }
            switch piece.slot {
            case .editors: inEditorsPart = true
            case .editorsEnd: inEditorsPart = false
            case .csrf: if shown { html += HTMLEscape.escape(csrf) }
            case nil: break
            }
        }
        return html
    }

    var nodes: [Node<HTML.BodyContext>] {
        let m = model
        return [
            .h1(.text("义务教育均衡发展监测（差异系数）")),
            .p(
                .class("hint"),
                .text(
                    "差异系数按在校生数加权计算：县域值为各校资源总量除以学生总数，不是各校数值的平均。九年一贯制等学校的共用资源按加权学生数分到各学段。"
                        + Format.counted(m.countedAt))),
            filters,
            .div(
                .class("stats"),
                .statCard("已填报学校", "\(m.states.values.reduce(0, +)) / \(m.filing)", href: returnsLink),
                .statCard("已审核锁定", "\(m.states[.locked] ?? 0)", href: returnsLink),
                .statCard("待审核", "\(m.states[.submitted] ?? 0)", href: returnsLink, tone: "warn")),
            .p(
                .link(returnsLink, "填报与审核"), .text(" · "),
                .link(
                    SiteURL.balancePage("what-if").with([
                        ("year", String(m.year)), ("standard", m.standard.rawValue),
                    ]), "假如调整某校数据…"),
                .text(" · "), .link(SiteURL.balancePage("preschool").with([("year", String(m.year))]), "学前教育普及普惠"),
                editorsOnly(.text(" · "), .link(SiteURL.balancePage("import").path, "导入数据")),
                .text(" · "), .link(SiteURL.balancePage("export.xlsx").with(exportQuery), "导出 Excel"),
                .text(" · "), .link(SiteURL.balancePage("export.csv").with(exportQuery), "导出 CSV")),
            .group(BalanceFiguresContent(model: m).nodes),
            editorsOnly(weightsForm),
        ]
    }

    /// Nodes only those who may change the data see.
    private func editorsOnly<Context>(_ nodes: Node<Context>...) -> Node<Context> {
        switch editing {
        case .marked:
            .group(
                [.raw(SlottedHTML.marker(Slot.editors.rawValue))] + nodes
                    + [.raw(SlottedHTML.marker(Slot.editorsEnd.rawValue))])
        case .account(let mayEdit, _): mayEdit ? .group(nodes) : .empty
        }
    }

    private var csrf: String {
        switch editing {
        case .marked: SlottedHTML.marker(Slot.csrf.rawValue)
        case .account(_, let csrf): csrf
        }
    }

    var exportQuery: [(String, String)] { [("year", String(model.year)), ("standard", model.standard.rawValue)] }

    var returnsLink: String { SiteURL.balancePage("returns").with([("year", String(model.year))]) }

    var filters: Node<HTML.BodyContext> {
        let years = Set(model.years + [model.year]).sorted(by: >)
        return .form(
            .method(.get), .action(SiteURL.balance.path), .class("filters"),
            .selectField(
                "年度", name: "year", options: years.map { (String($0), "\($0) 年度") }, selected: String(model.year)),
            .selectField(
                "评估标准", name: "standard", options: BalanceStandard.allCases.map { ($0.rawValue, $0.label) },
                selected: model.standard.rawValue),
            .button(.type(.submit), .class("btn"), .text("查看")))
    }

    var weightsForm: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("一贯制学校共用资源的学段分配")),
            .form(
                .method(.post), .action(SiteURL.balancePage("weights").path), .csrf(csrf),
                .field(
                    "学段折算系数", name: "weights", value: model.weights, error: model.weightsError,
                    hint: "按加权在校生数分配，默认 小学:1；初中:1.1；高中:1.32（完全中学初中与高中即 1 : 1.2）"),
                .button(.type(.submit), .class("btn"), .text("保存"))))
    }
}

/// The statistics below the page's filters and links, drawn only from the figures (the page says when they were
/// counted, above the filters).
struct BalanceFiguresContent {
    let model: BalanceOverview

    var nodes: [Node<HTML.BodyContext>] {
        let m = model
        return [
            m.current.sections.isEmpty
                ? .p(.class("empty"), .text("\(m.year) 年度还没有义务教育学校报送数据。")) : .empty,
            .forEach(m.current.sections) { section($0) },
            attainment,
        ]
    }

    func section(_ s: BalanceSectionResult) -> Node<HTML.BodyContext> {
        let m = model
        let before = m.previous?.section(s.section)
        var bars = s.coefficients.map { c in
            BarChart.Bar(
                label: c.indicator.label, value: c.cv, text: Format.cv(c.cv), bad: c.passes == false)
        }
        if let composite = s.compositeCV {
            bars.append(.init(label: "综合差异系数", value: composite, text: Format.cv(composite), bad: !s.passes))
        }
        let verdict =
            s.compositeCV.map { "综合差异系数 \(Format.cv($0))，标准 ≤ \(Format.cv(s.line))" }
            ?? "\(s.coefficients.filter { $0.passes == true }.count) / \(s.coefficients.count) 项差异系数 ≤ \(Format.cv(s.line))"
        return .section(
            .class("card"),
            .h2(
                .text("\(s.section.label)（\(s.rows.count) 所，在校生 \(s.students) 人）"),
                .badge(s.passes ? "达标" : "未达标", s.passes ? "ok" : "danger")),
            .p(.text(verdict)),
            .figure(
                BarChart(
                    title: "\(s.section.label)各项差异系数", bars: bars, line: s.line,
                    lineLabel: (s.compositeCV == nil ? "标准 " : "综合差异系数标准 ") + Format.cv(s.line)
                ).node,
                .figcaption("\(s.section.label)各项差异系数（虚线为标准）")),
            .dataTable(
                ["指标", "县域值", "差异系数", "上年", "变化", "是否达标", "拉大差异最多的学校"],
                s.coefficients.map { c in
                    let last = before?.coefficient(c.indicator)?.cv
                    return [
                        .text(c.indicator.label),
                        .text("\(Format.value(c.countyValue)) \(c.indicator.unit)"),
                        .text(Format.cv(c.cv)),
                        .text(last.map(Format.cv) ?? "—"),
                        .text(last.map { Format.change(c.cv - $0) } ?? "—"),
                        c.passes.map { .badge($0 ? "达标" : "超标", $0 ? "ok" : "danger") } ?? .text("（看综合）"),
                        .text(m.pullers(s, c).map { "\($0.0)（\(Format.value($0.1))）" }.joined(separator: "、")),
                    ]
                }))
    }

    var attainment: Node<HTML.BodyContext> {
        let m = model
        guard m.standard == .quality2017, !m.current.sections.isEmpty else { return .empty }
        let all = m.current.sections.flatMap(\.attainment)
        let short = all.filter { !$0.passes }
        return .section(
            .class("card"),
            .h2(.text("学校达标情况（优质均衡七项指标）")),
            .p(
                .text(
                    "每所学校七项指标至少六项达到标准、未达到的一项不低于标准的 85%。\(all.count) 个学校学段中 \(all.count - short.count) 个达标，\(short.count) 个未达标。"
                )),
            .dataTable(
                ["学校", "学段", "达到项数", "未达到的指标（本校值 / 标准）"],
                short.prefix(BalanceOverview.attainmentListed).map { a in
                    let row = m.current.rows[a.row]
                    return [
                        .text(row.schoolName), .text(row.section.label), .text("\(a.met) / 7"),
                        .text(
                            a.shortfalls.map {
                                "\($0.indicator.label) \(Format.value(($0.value * 100).rounded(.down) / 100)) / \(Format.value($0.standard))（\(Format.share($0.ratio))）"
                            }.joined(separator: "；")),
                    ]
                }, empty: "所有学校均达到标准"),
            short.count > BalanceOverview.attainmentListed
                ? .p(.class("hint"), .text("仅列前 \(BalanceOverview.attainmentListed) 个。")) : .empty)
    }
}

/// How balance figures are shown: coefficients to three decimals, values to two; stored unrounded.
extension Format {
    static func cv(_ x: Double) -> String { String(format: "%.3f", x) }
    static func value(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e12 ? String(Int64(x)) : String(format: "%.2f", x)
    }
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    /// A share of a standard not reached, rounded down: 99.96 % shows as 99.9 %, never as a full 100 %.
    static func share(_ x: Double) -> String { String(format: "%.1f%%", (x * 1000).rounded(.down) / 10) }
    static func change(_ d: Double) -> String {
        let text = cv(abs(d))
        return text == "0.000" ? "持平" : (d > 0 ? "上升 " : "下降 ") + text
    }
}
