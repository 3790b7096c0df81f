import DudaoCore
import Plot

/// 指标体系 as a table; the office also gets 新建 and 导入.
struct SystemListView {
    let ctx: PageContext
    let model: SystemList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "指标体系", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("指标体系")),
                    model.mayEdit
                        ? .div(.class("actions"), .button(SiteURL.systemNew.path, "＋ 新建或导入指标体系")) : .empty),
                .p(
                    .class("hint"),
                    .text("督导任务按指标体系评分。已发布的版本不再改动；修改时生成新版本，已评分的结果仍按原版本保存。内置的体系来自督导工作方案和有关规定，可复制后按本区实际修改。")),
                .section(
                    .class("card"),
                    .dataTable(
                        ["名称", "评价对象", "版本", "检查项", "更新时间"], model.page.items.map(cells), empty: "暂无指标体系"),
                    .pager(
                        model.page.paging, total: model.page.total,
                        link: { SiteURL.systems.with([("page", String($0))]) })),
            ])
    }

    func cells(_ r: SystemList.Row) -> [Node<HTML.BodyContext>] {
        [
            .group(.link(SiteURL.system(r.id).path, r.name), r.builtIn ? .badge("内置") : .empty),
            .text(r.kind.label),
            .group(.text("第\(r.version)版 "), .badge(r.state.label, r.state == .published ? "ok" : "warn")),
            .text(String(r.leafCount)),
            .text(Format.date(r.updatedAt)),
        ]
    }
}
