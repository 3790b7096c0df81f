import DudaoCore
import Plot

/// 督学名录 as a page: the filters, the table (with each inspector's load against the limit), the pager.
struct InspectorListView {
    let ctx: PageContext
    let model: InspectorList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let f = model.filter
        return Layout.document(
            "督学", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("督学名录")),
                    .div(
                        .class("actions"),
                        ctx.principal?.mayEditDirectory == true ? .button(SiteURL.inspectorNew.path, "新建督学") : .empty,
                        .exportButtons({ .inspectorsExport(format: $0.rawValue) }, query: f.queryItems))),
                filters,
                .dataTable(
                    ["姓名", "类型", "手机号", "工作单位及职务", "负责学校", "聘期", "状态"], model.rows.map(cells),
                    empty: "没有符合条件的督学"),
                .pager(
                    model.paging, total: model.total, countedAt: model.countedAt,
                    link: { SiteURL.inspectors.with(f.queryItems + [("page", String($0))]) }),
            ])
    }

    var filters: Node<HTML.BodyContext> {
        let f = model.filter
        return .form(
            .method(.get), .action(SiteURL.inspectors.path), .class("filters"),
            .attribute(named: "role", value: "search"),
            .field("搜索", name: "q", value: f.q ?? "", attrs: [("placeholder", "姓名、手机号或工作单位"), ("type", "search")]),
            .selectField(
                "聘任方式", name: "kind", options: InspectorKind.allCases.map { ($0.rawValue, $0.label) },
                selected: f.kind ?? "",
                blank: "全部"),
            .selectField(
                "督学类别", name: "duty", options: InspectorDuty.allCases.map { ($0.rawValue, $0.label) },
                selected: f.duty ?? "", blank: "全部"),
            .selectField(
                "状态", name: "status", options: [("active", "在岗"), ("retired", "离任"), ("all", "全部")],
                selected: f.status ?? "active", blank: nil),
            .div(.class("field submit"), .button(.type(.submit), .class("btn primary"), .text("筛选"))))
    }

    func cells(_ i: InspectorList.Row) -> [Node<HTML.BodyContext>] {
        let limit = model.limit
        return [
            .link(SiteURL.inspector(i.id).path, i.name),
            .text(([i.kind.label] + i.roles.map(\.label)).joined(separator: " · ")),
            .text(i.phone),
            .text(i.employer + " " + i.post),
            i.schools > limit ? .badge("\(i.schools) 所（超过\(limit)所）", "warn") : .text("\(i.schools) 所"),
            .text(i.termEnd.map { "至 " + $0 } ?? ""),
            i.isActive ? .text("在岗") : .badge("离任", "muted"),
        ]
    }
}
