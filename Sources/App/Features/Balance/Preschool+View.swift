import DudaoCore
import Plot

/// 学前教育普及普惠: 毛入园率, 普惠性幼儿园覆盖率 and 公办园在园幼儿占比 against 85% / 80% / 50%, per township.
struct PreschoolView {
    let ctx: PageContext
    let model: PreschoolOverview

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let county = m.county
        return Layout.document(
            "学前教育普及普惠", ctx, wide: true,
            [
                .p(.link(SiteURL.balance.with([("year", String(m.year))]), "‹ 均衡发展监测")),
                .div(
                    .class("page-head"),
                    .h1(.text("\(m.year) 年度学前教育普及普惠")),
                    .div(
                        .class("actions"),
                        .exportButtons({ .listExport(.preschool, $0) }, query: [("year", String(m.year))]))),
                .p(
                    .class("hint"),
                    .text(
                        "毛入园率 = 在园幼儿数 ÷ 常住适龄（3–5 岁）幼儿数，须 ≥ 85%；普惠性幼儿园覆盖率（公办园和普惠性民办园在园幼儿占比）须 ≥ 80%；公办园在园幼儿占比须 ≥ 50%。在园幼儿数取自各幼儿园的年度填报。"
                    )),
                .form(
                    .method(.get), .action(SiteURL.balancePage("preschool").path), .class("filters"),
                    .selectField(
                        "年度", name: "year",
                        options: Set(m.years + [m.year]).sorted(by: >).map { (String($0), "\($0) 年度") },
                        selected: String(m.year)),
                    .button(.type(.submit), .class("btn"), .text("查看"))),
                .div(
                    .class("stats"),
                    stat("毛入园率", county.grossEnrolment, PreschoolFigures.grossEnrolmentLine),
                    stat("普惠性幼儿园覆盖率", county.inclusiveCoverage, PreschoolFigures.inclusiveLine),
                    stat("公办园在园幼儿占比", county.publicShare, PreschoolFigures.publicLine)),
                .figure(
                    BarChart(
                        title: "各镇街毛入园率",
                        bars: m.townships.map {
                            .init(
                                label: $0.name, value: $0.figures.grossEnrolment ?? 0,
                                text: $0.figures.grossEnrolment.map(Format.percent) ?? "缺适龄人口",
                                bad: ($0.figures.grossEnrolment ?? 0) < PreschoolFigures.grossEnrolmentLine)
                        }, line: PreschoolFigures.grossEnrolmentLine, lineLabel: "85%"
                    ).node,
                    .figcaption("各镇街毛入园率（虚线为 85%）")),
                .errorSummary(m.errors),
                table,
            ])
    }

    func stat(_ label: String, _ value: Double?, _ line: Double) -> Node<HTML.BodyContext> {
        .statCard(
            "\(label)（标准 \(Format.percent(line))）", value.map(Format.percent) ?? "—",
            tone: (value ?? 0) >= line ? "ok" : "warn")
    }

    var table: Node<HTML.BodyContext> {
        let m = model
        let headers = ["镇街", "适龄幼儿数", "在园幼儿数", "毛入园率", "普惠覆盖率", "公办占比"]
        let rows: [[Node<HTML.BodyContext>]] = m.townships.map { t in
            let f = t.figures
            let field = PreschoolOverview.field(t.id)
            return [
                .text(t.name),
                m.mayEdit
                    ? .input(
                        .type(.text), .name(field), .value(t.population), .class("narrow"),
                        .attribute(named: "form", value: "populations"),
                        .attribute(named: "inputmode", value: "numeric"),
                        .attribute(named: "aria-label", value: "\(t.name)适龄幼儿数"),
                        m.errors.message(for: field) == nil ? .empty : .attribute(named: "aria-invalid", value: "true"))
                    : .text(t.population.isEmpty ? "—" : t.population),
                .text("\(f.enrolled)"),
                mark(f.grossEnrolment, PreschoolFigures.grossEnrolmentLine),
                mark(f.inclusiveCoverage, PreschoolFigures.inclusiveLine),
                mark(f.publicShare, PreschoolFigures.publicLine),
            ]
        }
        let county = m.county
        let total: [Node<HTML.BodyContext>] = [
            .strong(.text("全区")), .text("\(county.ageChildren)"), .text("\(county.enrolled)"),
            mark(county.grossEnrolment, PreschoolFigures.grossEnrolmentLine),
            mark(county.inclusiveCoverage, PreschoolFigures.inclusiveLine),
            mark(county.publicShare, PreschoolFigures.publicLine),
        ]
        let grid = Node<HTML.BodyContext>.dataTable(headers, rows + [total], empty: "本区还没有镇街")
        guard m.mayEdit else { return grid }
        // The inputs sit in the table and belong to this form by its id.
        return .group(
            grid,
            .form(
                .id("populations"), .method(.post), .action(SiteURL.balancePage("preschool").path), .csrf(ctx.csrf),
                .hidden("year", String(m.year)),
                .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("保存适龄幼儿数")))))
    }

    func mark(_ value: Double?, _ line: Double) -> Node<HTML.BodyContext> {
        guard let value else { return .text("—") }
        return .group(.text(Format.percent(value) + " "), value >= line ? .empty : .badge("未达标", "danger"))
    }
}
