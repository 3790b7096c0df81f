import DudaoCore
import Plot

/// 督导任务 as a table; the office also starts new ones.
struct CampaignListView {
    let ctx: PageContext
    let model: CampaignList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "督导任务", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("督导任务")),
                    .div(
                        .class("actions"),
                        model.mayCreate ? .button(SiteURL.campaignNew.path, "＋ 发布督导任务") : .empty,
                        model.setsRules
                            ? .button(SiteURL.campaignRules.path, "督导程序设置", style: "secondary") : .empty,
                        .exportButtons({ .listExport(.campaigns, $0) }, query: []))),
                .p(
                    .class("hint"),
                    .text("综合督导、专项督导、开学督导、随机督导、评估考核和督政：每个对象按程序依次完成书面通知、自评、实地督导、初步意见、申辩、督导意见书、整改和报告。")),
                .section(
                    .class("card"),
                    .dataTable(
                        (model.namesDistricts ? ["区（县）"] : []) + ["任务", "类型", "时间", "对象", "已完成"],
                        model.page.items.map { r in
                            (r.district.map { [.text($0)] } ?? [])
                                + [
                                    .link(SiteURL.campaign(r.id).path, r.title),
                                    .text(r.kind.label + (r.recheckPercent > 0 ? "（市级抽评 \(r.recheckPercent)%）" : "")),
                                    .text("\(r.startsOn) 至 \(r.endsOn)"), .text(String(r.targets)),
                                    .text("\(r.finished)/\(r.targets)"),
                                ]
                        }, empty: "暂无督导任务"),
                    .pager(
                        model.page.paging, total: model.page.total,
                        link: { SiteURL.campaigns.with([("page", String($0))]) })),
            ])
    }
}
