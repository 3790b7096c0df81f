import DudaoCore
import Plot

/// 均衡发展监测: each section's coefficients against their lines, with a chart, the year before and the
/// schools that pull each one up; under 2017 the schools short of the standards.
struct BalanceOverviewView {
    let ctx: PageContext
    let model: BalanceOverview
    /// The part drawn from the figures alone (`BalanceFiguresContent`): drawn once with kept figures, or here.
    let figures: PagePart

    /// The page with its figures' part drawn already.
    init(ctx: PageContext, model: BalanceOverview, drawn: String) {
        (self.ctx, self.model, self.figures) = (ctx, model, .drawn(drawn))
    }

    init(ctx: PageContext, model: BalanceOverview) {
        (self.ctx, self.model) = (ctx, model)
        figures = .nodes(.group(BalanceFiguresContent(model: model).nodes))
    }

    func render() -> Page { Page(figures, status: model.weightsError == nil ? 200 : 422, document) }

    func document() -> FramedDocument { document(figures.node) }

    private func document(_ figures: Node<HTML.BodyContext>) -> FramedDocument {
        let m = model
        return Layout.document(
            BalanceFiguresContent.title, ctx, wide: true,
            [
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
                    m.mayEdit ? .group(.text(" · "), .link(SiteURL.balancePage("import").path, "导入数据")) : .empty,
                    .text(" · "), .link(SiteURL.balancePage("export.xlsx").with(exportQuery), "导出 Excel"),
                    .text(" · "), .link(SiteURL.balancePage("export.csv").with(exportQuery), "导出 CSV")),
                figures,
                weightsForm,
            ])
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
        guard model.mayEdit else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("一贯制学校共用资源的学段分配")),
            .form(
                .method(.post), .action(SiteURL.balancePage("weights").path), .csrf(ctx.csrf),
                .field(
                    "学段折算系数", name: "weights", value: model.weights, error: model.weightsError,
                    hint: "按加权在校生数分配，默认 小学:1；初中:1.1；高中:1.32（完全中学初中与高中即 1 : 1.2）"),
                .button(.type(.submit), .class("btn"), .text("保存"))))
    }
}

/// The statistics below the page's filters and links, drawn only from the figures (the page says when they were
/// counted, above the filters).
struct BalanceFiguresContent: FiguresContent {
    static let title = "均衡发展监测"
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
