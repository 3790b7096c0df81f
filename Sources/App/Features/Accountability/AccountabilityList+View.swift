import DudaoCore
import Plot

/// 问责 as a page: the proposals waiting for the office's decision, then the decisions.
struct AccountabilityListView {
    let ctx: PageContext
    let model: AccountabilityList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "问责", ctx, wide: true,
            [
                .div(
                    .class("page-head"), .h1(.text("问责")),
                    .div(.class("actions"), .exportButtons({ .listExport(.accountability, $0) }, query: []))),
                .p(
                    .class("hint"),
                    .text("问责由督导室依《教育督导问责办法》作出决定；系统对逾期事项只提出建议。被问责单位或个人可在收到决定之日起\(Accountability.appealDays)日内申辩。")),
                model.mayDecide ? proposals : .empty,
                model.mayDecide
                    ? .p(.button(SiteURL.accountabilityNew.path, "＋ 作出问责决定", style: "secondary")) : .empty,
                .section(
                    .class("card"),
                    .h2(.text("问责决定")),
                    .dataTable(
                        ["决定日期", "文号", "问责对象", "问责方式", "状态", "申辩期限"], model.page.items.map(cells),
                        empty: "暂无问责决定"),
                    .pager(
                        model.page.paging, total: model.page.total,
                        link: { SiteURL.accountability.with([("page", String($0))]) })),
            ])
    }

    var proposals: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("待决定的问责建议")),
            .dataTable(
                ["时间", "事项", "学校", "建议", ""],
                model.proposals.map { p in
                    [
                        .text(Format.date(p.createdAt)),
                        .link(
                            p.isNotice ? SiteURL.notice(p.sourceID).path : SiteURL.complaint(p.sourceID).path,
                            (p.isNotice ? "整改通知书 " : "投诉 ") + p.ref),
                        .text(p.school ?? "全区"), .text(p.comment),
                        .link(
                            SiteURL.accountabilityNew.with([(p.isNotice ? "notice" : "complaint", String(p.sourceID))]),
                            "作出决定"),
                    ]
                }, empty: "暂无待决定的建议"))
    }

    func cells(_ r: AccountabilityList.Row) -> [Node<HTML.BodyContext>] {
        [
            .text(r.decidedOn?.chinese ?? ""), .link(SiteURL.accountabilityDecision(r.id).path, r.documentNumber),
            .text(r.targetName), .text(r.measure.label), .badge(r.state.label, r.state.isFinal ? "" : "warn"),
            .text(r.state == .decided ? (r.appealUntil?.chinese ?? "") : "—"),
        ]
    }
}
