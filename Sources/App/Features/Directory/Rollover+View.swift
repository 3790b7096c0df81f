import DudaoCore
import Plot

/// 新学年挂牌调整: the proposed table, one row per school (keep, move to another inspector, end), each with why;
/// the load per inspector once applied; the schools left uncovered; recompute or apply.
struct RolloverView {
    let ctx: PageContext
    let model: Rollover

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let changes = m.rows.filter { $0.chosen != .keep }.count
        return Layout.document(
            "新学年挂牌调整", ctx, wide: true,
            [
                .h1(.text("新学年挂牌调整")),
                .p(
                    .class("hint"),
                    .text(
                        "系统按督学在岗、聘期和本区设置提出调整建议：聘期在新学年开始前结束、已离任或不宜担任责任督学的，学校改由负责学校最少的督学接任；"
                            + "每一行都可以改。核对后点“确认调整”，全部调整一次完成并记入操作日志。")),
                m.expiring.isEmpty
                    ? .empty
                    : .div(
                        .class("alert warn"),
                        .text(
                            "以下督学的聘期在新学年开始前结束：\(m.expiring.joined(separator: "、"))。如已续聘，请先在督学信息中更新聘期，再进行调整。"
                        )),
                .errorSummary(m.errors),
                .form(
                    .method(.post), .action(SiteURL.rollover.path),
                    .csrf(ctx.csrf),
                    .div(
                        .class("card form-grid"),
                        .field(
                            "新学年开始日期", name: "start", value: m.start.description,
                            error: m.errors.message(for: "start"), type: "date", required: true,
                            hint: "原挂牌到前一天结束，新挂牌从这一天开始"),
                        .div(
                            .class("stats"),
                            .statCard("现有挂牌", "\(m.rows.count)"),
                            .statCard("拟调整", "\(changes)", tone: changes > 0 ? "warn" : "ok"),
                            .statCard(
                                "调整后无人负责", "\(m.uncoveredNow + m.leftUncovered.count)",
                                tone: m.uncoveredNow + m.leftUncovered.count > 0 ? "warn" : "ok"))),
                    .section(
                        .class("card"),
                        .h2(.text("调整方案")),
                        .dataTable(
                            ["学校", "现责任督学", "调整", "理由"], m.rows.map(cells), empty: "本区目前没有挂牌。")),
                    .div(
                        .class("form-actions"),
                        .button(
                            .type(.submit), .name("preview"), .value("1"), .class("btn secondary"),
                            .text("按此表重新核算")),
                        .button(
                            .type(.submit), .class("btn primary"),
                            .data(named: "confirm", value: "确认按此表调整\(changes)所学校的挂牌？"), .text("确认调整")))),
                loads,
                uncovered,
            ])
    }

    func cells(_ r: Rollover.Row) -> [Node<HTML.BodyContext>] {
        let options: [(String, String)] =
            [(YearRollover.Action.keep.formValue, "保留（\(r.inspectorName)）")]
            + model.options.filter { $0.id != r.inspectorID }.map {
                (YearRollover.Action.move(to: $0.id).formValue, "改派 \($0.name)（现负责\($0.load)所）")
            }
            + [(YearRollover.Action.end.formValue, "解除挂牌")]
        return [
            .link(SiteURL.school(r.schoolID).path, r.schoolName),
            .text(r.inspectorName),
            .element(
                named: "div",
                nodes: [
                    .class("table-field"),
                    .selectField(
                        r.schoolName + "的调整", name: "rows[\(r.assignmentID)]", options: options,
                        selected: r.chosen.formValue, error: model.errors.message(for: "rows[\(r.assignmentID)]"),
                        blank: nil),
                ]),
            .text(r.reason.isEmpty ? "聘期覆盖新学年，继续负责" : r.reason),
        ]
    }

    var loads: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("调整后各督学负责学校数（本区上限\(model.limit)所）")),
            .dataTable(
                ["督学", "现在", "调整后"],
                model.loads.map { l in
                    [
                        .link(SiteURL.inspector(l.id).path, l.name), .text("\(l.before) 所"),
                        l.after > model.limit ? .badge("\(l.after) 所（超过上限）", "warn") : .text("\(l.after) 所"),
                    ]
                }, empty: "没有督学负责学校。"))
    }

    var uncovered: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("调整后无人负责的学校")),
            model.uncoveredNow > 0
                ? .p(.link(SiteURL.coverage.path, "目前已有\(model.uncoveredNow)所在办学校没有责任督学 ›")) : .empty,
            model.leftUncovered.isEmpty
                ? .p(.class("muted"), .text("本次调整不会使学校失去责任督学。"))
                : .ul(.forEach(model.leftUncovered) { .li(.text($0)) }))
    }
}
