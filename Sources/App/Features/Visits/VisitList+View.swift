import DudaoCore
import Plot

/// 督导记录 as a page: the table and the pager; an inspector also gets the button for a new visit.
struct VisitListView {
    let ctx: PageContext
    let model: VisitList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let records = [.inspector, .office].contains(ctx.principal?.role)
        return Layout.document(
            "督导记录", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("督导记录")),
                    .div(
                        .class("actions"), records ? .button(SiteURL.visitNew.path, "新建督导记录") : .empty,
                        .exportButtons({ .listExport(.visits, $0) }, query: model.filter.queryItems))),
                .dataTable(["日期", "学校", "记录人", "类型", "主题", "状态"], model.rows.map(cells), empty: "暂无督导记录"),
                .pager(
                    model.paging, total: model.total, countedAt: model.countedAt,
                    link: { SiteURL.visits.with(model.filter.queryItems + [("page", String($0))]) }),
            ])
    }

    func cells(_ r: VisitList.Row) -> [Node<HTML.BodyContext>] {
        [
            .link(SiteURL.visit(r.id).path, Format.day(r.date)), .text(r.school), .text(r.inspector),
            .text(r.kind.label),
            .text(r.theme), r.isDraft ? .badge("草稿", "warn") : .badge("已提交", "ok"),
        ]
    }
}
