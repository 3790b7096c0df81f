import DudaoCore
import Plot

/// The inspector's visit plans as a table, with the button to write one.
struct VisitPlanListView {
    let ctx: PageContext
    let model: VisitPlanList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "督导方案", ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("督导方案")),
                    .div(
                        .class("actions"), .button(SiteURL.visitPlanNew.path, "制定督导方案"),
                        .exportButtons({ .listExport(.visitPlans, $0) }, query: []))),
                .dataTable(["计划日期", "学校", "督导重点"], model.rows.map(cells), empty: "还没有督导方案"),
            ])
    }

    func cells(_ p: VisitPlanList.Row) -> [Node<HTML.BodyContext>] {
        [
            .link(SiteURL.visitPlan(p.id).path, Format.day(p.plannedDate)), .text(p.school),
            .text(String(p.focus.prefix(40))),
        ]
    }
}
