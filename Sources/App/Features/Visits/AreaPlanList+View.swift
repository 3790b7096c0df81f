import DudaoCore
import Plot

/// The area plans as a table; an inspector also gets the button to write this semester's plan.
struct AreaPlanListView {
    let ctx: PageContext
    let model: AreaPlanList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let isInspector = ctx.principal?.role == .inspector
        return Layout.document(
            "片区工作计划", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("学期片区督导工作计划")),
                    .div(
                        .class("actions"),
                        isInspector ? .button(SiteURL.areaPlanNew.path, "编写\(model.current.label)计划") : .empty,
                        .exportButtons({ .listExport(.areaPlans, $0) }, query: []))),
                .dataTable(["学期", "督学", "状态", "提交时间", "督导室意见"], model.rows.map(cells), empty: "暂无计划"),
            ])
    }

    func cells(_ a: AreaPlanList.Row) -> [Node<HTML.BodyContext>] {
        [
            .link(SiteURL.areaPlan(a.id).path, Semester(code: a.semester)?.label ?? a.semester), .text(a.inspector),
            .badge(a.status.label, a.status == .filed ? "ok" : a.status == .returned ? "warn" : ""),
            .text(Format.date(a.submittedAt)),
            .text(a.officeComment),
        ]
    }
}
