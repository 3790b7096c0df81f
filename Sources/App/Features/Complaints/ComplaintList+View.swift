import DudaoCore
import Plot

/// 举报投诉 as a page: state tabs, the table with each complaint's stage deadline and escalation, the pager,
/// and how each inspector handles theirs.
struct ComplaintListView {
    let ctx: PageContext
    let model: ComplaintList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let f = model.filter
        return Layout.document(
            "举报投诉", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("举报投诉")),
                    .div(
                        .class("actions"), model.mayLogPhone ? .button(SiteURL.complaintNew.path, "登记电话投诉") : .empty,
                        .exportButtons({ .listExport(.complaints, $0) }, query: [("state", model.filter.state)]))),
                .nav(
                    .class("tabs"),
                    .forEach(ComplaintList.tabs) { key, label in
                        .a(
                            .href(SiteURL.complaints.with([("state", key)])),
                            f.state == key ? .attribute(named: "aria-current", value: "page") : .empty, .text(label))
                    }),
                .dataTable(["查询码", "学校", "类别", "状态", "本环节期限", "督办"], model.page.items.map(cells), empty: "没有举报投诉"),
                .pager(
                    model.page.paging, total: model.page.total, countedAt: model.countedAt,
                    link: {
                        SiteURL.complaints.with([("state", f.state), ("page", String($0))])
                    }),
                figures,
            ])
    }

    func cells(_ c: ComplaintList.Row) -> [Node<HTML.BodyContext>] {
        let deadline = c.deadline?.chinese ?? ""
        return [
            .link(SiteURL.complaint(c.id).path, c.trackingCode), .text(c.school ?? "全区"), .text(c.category),
            .badge(c.state.label, c.state == .closed ? "ok" : ""),
            c.overdue ? .badge("超时 " + deadline, "warn") : .text(deadline),
            c.escalation.map { .badge($0.label, "warn") } ?? .text(""),
        ]
    }

    var figures: Node<HTML.BodyContext> {
        guard !model.figures.isEmpty else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("各督学办理情况")),
            model.figuresCountedAt.map { .p(.class("muted"), .text(Format.counted($0))) } ?? .empty,
            model.figuresTotal > model.figures.count
                ? .p(
                    .class("muted"),
                    .text("共 \(model.figuresTotal) 名督学收到投诉，这里列出收到最多的 \(model.figures.count) 名。"))
                : .empty,
            .dataTable(
                ["督学", "收到", "已办结", "按时答复", "平均答复用时（工作日）"],
                model.figures.map { s in
                    [
                        .text(s.name), .text("\(s.received)"), .text("\(s.handled)"), .text("\(s.onTime)"),
                        .text(s.averageDays.map { Format.decimal($0) } ?? "—"),
                    ]
                }))
    }
}
