import DudaoCore
import Plot

/// 督办清单 as a page: what was escalated, when, and why.
struct EscalationListView {
    let ctx: PageContext
    let model: EscalationList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "督办清单", ctx, wide: true,
            [
                .div(
                    .class("page-head"), .h1(.text("督办清单")),
                    .div(.class("actions"), .exportButtons({ .listExport(.escalations, $0) }, query: []))),
                .p(
                    .class("hint"),
                    .text("整改通知书逾期未报送、举报投诉超过办理时限时，系统按本区设定提醒应办理的一方，逾期较久的向督导室提出约谈、通报建议，记录在此。是否问责由督导室决定："),
                    .link(SiteURL.accountability.path, "问责")),
                .dataTable(["时间", "事项", "学校", "督办", "说明"], model.page.items.map(cells), empty: "暂无督办事项"),
                .pager(
                    model.page.paging, total: model.page.total,
                    link: { SiteURL.escalations.with([("page", String($0))]) }),
            ])
    }

    func cells(_ r: EscalationList.Row) -> [Node<HTML.BodyContext>] {
        let notice = r.target == .notice
        return [
            .text(Format.date(r.createdAt)),
            .link(
                notice ? SiteURL.notice(r.targetID).path : SiteURL.complaint(r.targetID).path,
                (notice ? "整改通知书 " : "投诉 ") + r.ref),
            .text(r.school ?? "全区"),
            .badge((r.proposed ? "建议" : "") + (r.step?.label ?? r.action), "warn"),
            .text(r.comment),
        ]
    }
}
