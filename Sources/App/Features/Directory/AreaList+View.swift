import DudaoCore
import Plot

/// 督学责任区 as a page: each area's lead and number of schools.
struct AreaListView {
    let ctx: PageContext
    let model: AreaList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let max = AreaList.suggestedMaxSchools
        return Layout.document(
            "责任区", ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("督学责任区")),
                    .div(
                        .class("actions"),
                        ctx.principal?.mayEditDirectory == true ? .button(SiteURL.areaNew.path, "新建责任区") : .empty,
                        .exportButtons({ .listExport(.areas, $0) }, query: []))),
                .dataTable(
                    ["责任区", "牵头督学", "学校数", "状态"],
                    model.rows.map { a in
                        [
                            .link(SiteURL.area(a.id).path, a.name),
                            a.lead.map { .text($0) } ?? .badge("未指定", "warn"),
                            a.schools > max ? .badge("\(a.schools) 所（超过\(max)所）", "warn") : .text("\(a.schools) 所"),
                            a.active ? .text("启用") : .badge("停用", "muted"),
                        ]
                    }, empty: "尚未设立责任区"),
            ])
    }
}
