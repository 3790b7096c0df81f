import DudaoCore
import Plot

/// 假如调整某校数据: the school's figures as a form; the coefficients before and after, section by section.
struct BalanceWhatIfView {
    let ctx: PageContext
    let model: BalanceWhatIf

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "假如调整某校数据", ctx,
            [
                .p(
                    .link(
                        SiteURL.balance.with([("year", String(m.year)), ("standard", m.standard.rawValue)]), "‹ 均衡发展监测")
                ),
                .h1(.text("假如调整某校数据")),
                .p(
                    .class("hint"),
                    .text("选一所学校，改动它的数据，看\(m.year) 年度各项差异系数（\(m.standard.label)）如何变化。这里只做测算，不保存任何数据。")),
                .form(
                    .method(.get), .action(SiteURL.balancePage("what-if").path), .class("filters"),
                    .hidden("year", String(m.year)), .hidden("standard", m.standard.rawValue),
                    .selectField(
                        "学校", name: "school", options: m.choices.map { (String($0.id), $0.name) },
                        selected: m.school.map { String($0.schoolID) } ?? ""),
                    .button(.type(.submit), .class("btn"), .text("选择"))),
                m.choices.isEmpty ? .p(.class("empty"), .text("\(m.year) 年度还没有义务教育学校报送数据。")) : .empty,
                figuresForm,
                comparison,
            ])
    }

    var figuresForm: Node<HTML.BodyContext> {
        let m = model
        guard let school = m.school else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("\(school.name) 的数据")),
            .errorSummary(m.errors),
            .form(
                .method(.get), .action(SiteURL.balancePage("what-if").path),
                .hidden("year", String(m.year)), .hidden("standard", m.standard.rawValue),
                .hidden("school", String(school.schoolID)), .hidden("try", "1"),
                .div(
                    .class("grid-2"),
                    .forEach(m.keys) { key in
                        .field(
                            BalanceColumn.label(key), name: key, value: m.fields[key] ?? "",
                            error: m.errors.message(for: key), attrs: [("inputmode", "decimal")])
                    }),
                .button(.type(.submit), .class("btn primary"), .text("测算"))))
    }

    var comparison: Node<HTML.BodyContext> {
        let m = model
        guard let after = m.after else { return .empty }
        return .group(
            .forEach(after.sections) { s in
                let before = m.before.section(s.section)
                var rows: [[Node<HTML.BodyContext>]] = s.coefficients.map { c in
                    let was = before?.coefficient(c.indicator)?.cv
                    return [
                        .text(c.indicator.label), .text(was.map(Format.cv) ?? "—"), .text(Format.cv(c.cv)),
                        .text(was.map { Format.change(c.cv - $0) } ?? "—"),
                        c.passes.map { .badge($0 ? "达标" : "超标", $0 ? "ok" : "danger") } ?? .text("—"),
                    ]
                }
                if let composite = s.compositeCV {
                    rows.append([
                        .strong(.text("综合差异系数")), .text(before?.compositeCV.map(Format.cv) ?? "—"),
                        .text(Format.cv(composite)),
                        .text(before?.compositeCV.map { Format.change(composite - $0) } ?? "—"),
                        .badge(s.passes ? "达标" : "超标", s.passes ? "ok" : "danger"),
                    ])
                }
                return .section(
                    .class("card"),
                    .h2(
                        .text(
                            "\(s.section.label)：调整前 \(before?.passes == true ? "达标" : "未达标")，调整后 \(s.passes ? "达标" : "未达标")"
                        )),
                    .figure(
                        BarChart(
                            title: "\(s.section.label)调整后的差异系数",
                            bars: s.coefficients.map {
                                .init(
                                    label: $0.indicator.label, value: $0.cv, text: Format.cv($0.cv),
                                    bad: $0.passes == false)
                            }, line: s.line, lineLabel: "标准 \(Format.cv(s.line))"
                        ).node,
                        .figcaption("调整后的各项差异系数")),
                    .dataTable(["指标", "调整前", "调整后", "变化", "调整后是否达标"], rows))
            })
    }
}
