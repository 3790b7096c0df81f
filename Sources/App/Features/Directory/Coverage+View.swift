import DudaoCore
import Plot

/// 责任督学挂牌覆盖情况: the counts, the uncovered schools (with a link to assign one), the overloaded inspectors.
struct CoverageView {
    let ctx: PageContext
    let model: Coverage

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        let mayAssign = ctx.principal?.mayEditDirectory == true
        return Layout.document(
            "挂牌覆盖", ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("责任督学挂牌覆盖情况")),
                    .div(
                        .class("actions"),
                        mayAssign ? .button(SiteURL.rollover.path, "新学年挂牌调整", style: "secondary") : .empty,
                        .exportButtons({ .listExport(.coverage, $0) }, query: []))),
                .div(
                    .class("stats"),
                    .statCard("在办学校", "\(m.open)"),
                    .statCard("已挂牌", "\(m.covered)", tone: "ok"),
                    .statCard("未挂牌", "\(m.total)", tone: m.total > 0 ? "warn" : "ok"),
                    .statCard("覆盖率", m.rate)),
                .section(
                    .class("card"),
                    .h2(.text("尚无责任督学的学校")),
                    .dataTable(
                        ["学校", "学校标识码", "类型", "镇街", ""],
                        m.rows.map { r in
                            [
                                .link(SiteURL.school(r.id).path, r.name), .text(r.code),
                                .text(SchoolType(rawValue: r.type)?.label ?? r.type), .text(r.township),
                                mayAssign ? .link(SiteURL.schoolAssign(r.id).path, "安排督学") : .empty,
                            ]
                        }, empty: "全部在办学校均已安排责任督学，实现全覆盖。"),
                    .pager(m.paging, total: m.total, link: { SiteURL.coverage.with([("page", String($0))]) })),
                .section(
                    .class("card"),
                    .h2(.text("负责学校超过\(m.limit)所的督学")),
                    .dataTable(
                        ["督学", "类型", "负责学校数"],
                        m.overloaded.map { i in
                            [
                                .link(SiteURL.inspector(i.id).path, i.name), .text(i.kind.label),
                                .badge("\(i.schools) 所", "warn"),
                            ]
                        }, empty: "没有超出的督学。")),
            ])
    }
}
