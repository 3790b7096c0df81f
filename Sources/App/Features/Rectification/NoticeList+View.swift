import DudaoCore
import Plot

/// 整改通知书 as a page: state tabs, the table with each notice's progress and escalation, the pager.
struct NoticeListView {
    let ctx: PageContext
    let model: NoticeList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let f = model.filter
        return Layout.document(
            "整改通知书", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("整改通知书")),
                    .div(
                        .class("actions"),
                        model.showsEscalations ? .button(SiteURL.escalations.path, "督办清单", style: "secondary") : .empty,
                        .exportButtons({ .listExport(.notices, $0) }, query: [("state", f.state)]))),
                .nav(
                    .class("tabs"),
                    .forEach(NoticeList.tabs) { key, label in
                        .a(
                            .href(SiteURL.notices.with([("state", key)])),
                            f.state == key ? .attribute(named: "aria-current", value: "page") : .empty, .text(label))
                    }),
                .dataTable(["文号", "学校", "状态", "整改期限", "进度", "督办"], model.page.items.map(cells), empty: "没有整改通知书"),
                .pager(
                    model.page.paging, total: model.page.total, countedAt: model.countedAt,
                    link: {
                        SiteURL.notices.with([("state", f.state), ("page", String($0))])
                    }),
            ])
    }

    func cells(_ n: NoticeList.Row) -> [Node<HTML.BodyContext>] {
        [
            .link(SiteURL.notice(n.id).path, n.number), .text(n.school),
            .badge(n.state.label, n.state == .closed ? "ok" : ""),
            .text(n.deadline?.chinese ?? ""), progress(n),
            n.escalation.map { .badge($0.label, "warn") } ?? .text(""),
        ]
    }

    /// How the deadline stands, while the school has the notice in hand.
    func progress(_ n: NoticeList.Row) -> Node<HTML.BodyContext> {
        guard n.state.isWithSchool else { return .text("") }
        guard let due = n.deadline else { return .empty }
        let status = DeadlineStatus.of(due: due, today: ctx.today)
        if case .overdue = status { return .badge(status.label, "warn") }
        return .text(status.label)
    }
}
