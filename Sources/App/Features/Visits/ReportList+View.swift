import DudaoCore
import Plot

/// The reports as a table; an inspector also gets the buttons to write a summary or a case.
struct ReportListView {
    let ctx: PageContext
    let model: ReportList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let isInspector = ctx.principal?.role == .inspector
        return Layout.document(
            "总结与案例", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("工作总结与督导案例")),
                    .div(
                        .class("actions"),
                        isInspector ? .button(SiteURL.reportNew.with([("kind", "summary")]), "写工作总结") : .empty,
                        isInspector
                            ? .button(SiteURL.reportNew.with([("kind", "caseStudy")]), "写督导案例", style: "secondary")
                            : .empty,
                        .exportButtons({ .listExport(.reports, $0) }, query: []))),
                .dataTable(["学期", "类型", "题目", "督学", "案例评选"], model.rows.map(cells), empty: "暂无总结或案例"),
            ])
    }

    func cells(_ r: ReportList.Row) -> [Node<HTML.BodyContext>] {
        [
            .text(Semester(code: r.semester)?.label ?? r.semester), .text(r.kind.chineseName),
            .link(SiteURL.report(r.id).path, r.title), .text(r.inspector),
            r.kind == .caseStudy ? (r.selected ? .badge("已推荐参评", "ok") : .text("—")) : .text(""),
        ]
    }
}

extension ReportKind {
    /// The report's kind as the pages name it.
    var chineseName: String { self == .summary ? "工作总结" : "督导案例" }
}
