import DudaoCore
import Plot

/// The progress board: how many targets in each phase (each a filter), then the targets with their steps.
struct CampaignBoardView {
    let ctx: PageContext
    let model: CampaignBoard

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        let finished = m.counts[nil] ?? 0
        let all = m.counts.values.reduce(0, +)
        return Layout.document(
            m.title, ctx, wide: true,
            [
                .p(.link(SiteURL.campaigns.path, "‹ 督导任务")),
                .div(
                    .class("page-head"),
                    .h1(.text(m.title)),
                    .div(
                        .class("actions"),
                        m.mayManage
                            ? .button(SiteURL.campaignPage(m.id, "questionnaires").path, "问卷", style: "secondary")
                            : .empty,
                        m.mayManage
                            ? .button(SiteURL.campaignPage(m.id, "results").path, "结果与排名", style: "secondary")
                            : m.published
                                ? .button(SiteURL.campaignPage(m.id, "bulletin").path, "结果通报", style: "secondary")
                                : .empty,
                        .exportButtons(
                            { .campaignPage(m.id, "progress." + $0.rawValue) },
                            query: [("phase", m.phase?.rawValue ?? "")]))
                ),
                .facts([
                    ("类型", m.kind.label + (m.announced ? "" : "（不提前通知）")), ("指标体系", m.system),
                    ("时间", "\(m.startsOn) 至 \(m.endsOn)"), ("进度", "\(finished)/\(all) 个对象已完成"),
                ]),
                recheckCard,
                m.isLate && finished < all
                    ? .p(.class("alert"), .text("任务已过结束日期，仍有 \(all - finished) 个对象未完成，标为逾期。")) : .empty,
                .div(
                    .class("stats"),
                    .forEach(m.phases) { p in
                        .statCard(
                            p.label, String(m.counts[p] ?? 0),
                            href: SiteURL.campaign(m.id).with([("phase", p.rawValue)]))
                    },
                    .statCard("已完成", String(finished), href: SiteURL.campaign(m.id).path, tone: "ok")),
                .section(
                    .class("card"),
                    .h2(.text("督导对象")),
                    .dataTable(
                        ["对象", "当前阶段", "进度", "得分", "等级"] + (m.recheck == nil ? [] : ["市级抽评"]),
                        m.page.items.map(cells), empty: "没有对象"),
                    .pager(
                        m.page.paging, total: m.page.total,
                        link: { SiteURL.campaign(m.id).with([("page", String($0))]) })),
            ])
    }

    func cells(_ r: CampaignBoard.Row) -> [Node<HTML.BodyContext>] {
        let steps = CampaignProcedure.steps(phases: model.phases, current: r.phase)
        return [
            .link(SiteURL.campaignTarget(r.id).path, r.name),
            r.phase.map { .badge($0.label, model.isLate ? "danger" : "warn") } ?? .badge("已完成", "ok"),
            .span(
                .class("phase-dots"),
                .forEach(steps) { step in
                    .span(.class("dot " + step.1.rawValue), .title(step.0.label), .text(step.1 == .done ? "●" : "○"))
                }),
            .text(r.total.map(Score.text) ?? "—"),
            .group(.text(r.grade ?? ""), r.vetoed ? .badge("否决", "danger") : .empty),
        ]
            + (model.recheck == nil
                ? [] : [r.recheck ? .text(r.recheckTotal.map(Score.text) ?? "待抽评") : .text("")])
    }

    /// The city's re-check: the share, the sample once drawn and how far the re-scoring has come; the city's office
    /// draws the sample here once the county has scored every target.
    var recheckCard: Node<HTML.BodyContext> {
        guard let r = model.recheck else { return .empty }
        let state =
            r.drawnOn.map { "\($0.chinese)已随机抽取 \(r.sampled) 个对象，已抽评 \(r.rechecked) 个。" }
            ?? "区（县）复评全部确定后，由市级督导室随机抽取。"
        return .section(
            .class("card"),
            .h2(.text("市级抽评（\(r.percent)%）")),
            .p(.text(state)),
            r.mayDraw
                ? .form(
                    .method(.post), .action(SiteURL.campaignPage(model.id, "recheck").path), .csrf(ctx.csrf),
                    .button(.type(.submit), .class("btn primary"), .text("随机抽取抽评对象")))
                : .empty)
    }
}
