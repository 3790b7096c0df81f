import DudaoCore
import Plot

/// 问题台账 as a page: filters, the table, the pager, the export link.
struct ProblemRegisterView {
    let ctx: PageContext
    let model: ProblemRegister

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let f = model.filter
        return Layout.document(
            "问题台账", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("问题台账")),
                    .div(
                        .class("actions"),
                        .exportButtons({ .listExport(.problems, $0) }, query: f.queryItems))),
                filters,
                .dataTable(
                    ["学校", "类别", "问题", "程度", "处理方式", "状态", "责任督学", "发现时间"], model.rows.map(cells),
                    empty: "没有符合条件的问题"),
                .pager(
                    model.paging, total: model.total, countedAt: model.countedAt,
                    link: { SiteURL.problems.with(f.queryItems + [("page", String($0))]) }),
            ])
    }

    var filters: Node<HTML.BodyContext> {
        let f = model.filter
        return .form(
            .method(.get), .action(SiteURL.problems.path), .class("filters"),
            .attribute(named: "role", value: "search"),
            .field("搜索", name: "q", value: f.q ?? "", attrs: [("type", "search"), ("placeholder", "学校名称或问题内容")]),
            .selectField(
                "类别", name: "category", options: model.categories.map { ($0, $0) }, selected: f.category ?? "",
                blank: "全部类别"),
            .selectField(
                "严重程度", name: "severity", options: ProblemSeverity.allCases.map { ($0.rawValue, $0.label) },
                selected: f.severity ?? "", blank: "全部"),
            .selectField(
                "处理方式", name: "disposition", options: ProblemDisposition.allCases.map { ($0.rawValue, $0.label) },
                selected: f.disposition ?? "", blank: "全部"),
            .selectField(
                "状态", name: "state", options: [("open", "待处理"), ("closed", "已销号"), ("all", "全部")],
                selected: f.state ?? "open", blank: nil),
            .div(.class("field submit"), .button(.type(.submit), .class("btn primary"), .text("筛选"))))
    }

    func cells(_ r: ProblemRegister.Row) -> [Node<HTML.BodyContext>] {
        [
            .link(SiteURL.school(r.schoolID).path, r.school), .badge(r.category),
            .link(SiteURL.problem(r.id).path, String(r.description.prefix(60))),
            .text(r.severity?.label ?? ""), .text(r.disposition?.label ?? ""),
            r.notice.map { n in
                .group(
                    .link(SiteURL.notice(n.id).path, n.number), .badge(n.state.label, n.state.isOpen ? "warn" : "ok"))
            } ?? (r.isOpen ? .badge("待处理", "warn") : .badge("已销号", "ok")),
            .text(r.inspector), .text(Format.date(r.foundAt)),
        ]
    }
}
