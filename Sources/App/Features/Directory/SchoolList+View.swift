import DudaoCore
import Plot

/// 学校名录 as a page (for an inspector: 我负责的学校): the filters, the table, the pager, the exports.
struct SchoolListView {
    let ctx: PageContext
    let model: SchoolList

    func render() -> Page { Page(document()) }

    var role: Role? { ctx.principal?.role }
    /// Inspectors and schools see their own few schools: no filters, no exports.
    var narrowRole: Bool { role == .inspector || role == .school }

    func document() -> FramedDocument {
        let f = model.filter
        return Layout.document(
            role == .inspector ? "我的学校" : "学校", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text(role == .inspector ? "我负责的学校" : "学校名录")),
                    .div(
                        .class("actions"),
                        ctx.principal?.mayEditDirectory == true ? .button(SiteURL.schoolNew.path, "新建学校") : .empty,
                        narrowRole
                            ? .empty : .exportButtons({ .schoolsExport(format: $0.rawValue) }, query: f.queryItems))),
                narrowRole ? .empty : filters,
                .dataTable(
                    ["学校名称", "学校标识码", "类型", "镇街", "在校生", "责任督学", "状态"], model.rows.map(cells),
                    empty: "没有符合条件的学校"),
                .pager(
                    model.paging, total: model.total, countedAt: model.countedAt,
                    link: { SiteURL.schools.with(f.queryItems + [("page", String($0))]) }),
            ])
    }

    var filters: Node<HTML.BodyContext> {
        let f = model.filter
        return .form(
            .method(.get), .action(SiteURL.schools.path), .class("filters"), .attribute(named: "role", value: "search"),
            .field("搜索", name: "q", value: f.q ?? "", attrs: [("placeholder", "学校名称或标识码"), ("type", "search")]),
            .selectField(
                "镇街", name: "township", options: model.townships.map { (String($0.id), $0.name) },
                selected: f.township.map(String.init) ?? "", blank: "全部镇街"),
            .selectField(
                "类型", name: "type", options: SchoolType.allCases.map { ($0.rawValue, $0.label) },
                selected: f.type ?? "",
                blank: "全部类型"),
            .selectField(
                "责任区", name: "area", options: model.areas.map { (String($0.id), $0.name) },
                selected: f.area.map(String.init) ?? "", blank: "全部责任区"),
            .selectField(
                "状态", name: "status", options: [("open", "在办"), ("closed", "停办"), ("all", "全部")],
                selected: f.status ?? "open", blank: nil),
            .div(.class("field submit"), .button(.type(.submit), .class("btn primary"), .text("筛选"))))
    }

    func cells(_ s: SchoolList.Row) -> [Node<HTML.BodyContext>] {
        [
            .link(SiteURL.school(s.id).path, s.name),
            .text(s.code),
            .text(s.type.label + (s.ownership == .privateSchool ? "（民办）" : "")),
            .text(s.township),
            .text(String(s.students)),
            s.inspector.map { .text($0) } ?? .badge("未挂牌", "warn"),
            s.isOpen ? .text("在办") : .badge("停办", "muted"),
        ]
    }
}
