import DudaoCore
import Plot

/// 责任督学挂牌督导公示: the items, the complaint channel and the people responsible, then the schools.
struct PublicHomeView {
    let ctx: PageContext
    /// nil: no district is set up yet.
    let model: PublicHome?

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        guard let m = model else { return Layout.document("公开信息", ctx, [.h1(.text("暂无公开信息"))]) }
        return Layout.document(
            "\(m.district.name)责任督学挂牌督导公示", ctx, wide: true,
            [
                .h1(.text("\(m.district.name)中小学校（幼儿园）责任督学挂牌督导公示")),
                .div(
                    .class("grid-2"),
                    .section(
                        .class("card"),
                        .h2(.text("督导事项")),
                        .ul(.forEach(m.supervisionItems) { .li(.text($0)) })),
                    .section(
                        .class("card"),
                        .h2(.text("举报投诉与责任人")),
                        .facts([
                            ("督导机构", m.officeName), ("举报投诉电话", m.complaintPhone), ("其他渠道", m.complaintChannel),
                            (
                                "区级负责人",
                                m.responsiblePerson + (m.responsiblePhone.isEmpty ? "" : "（\(m.responsiblePhone)）")
                            ),
                        ]),
                        .p(.class("hint"), .text("对学校办学行为有意见或建议，可直接联系该校责任督学，或拨打举报投诉电话。")),
                        .p(
                            .button(SiteURL.publicComplaintNew.with([("district", String(m.district.id))]), "网上举报投诉"),
                            .text(" "), .link(SiteURL.publicComplaintTrack.path, "凭查询码查进度")))),
                m.results.isEmpty
                    ? .empty
                    : .section(
                        .class("card"),
                        .h2(.text("督导结果公告")),
                        .ul(
                            .forEach(m.results) { r in
                                .li(
                                    .link(SiteURL.publicResults(r.id).path, r.title),
                                    .span(.class("muted"), .text("（\(Format.day(r.publishedOn))）")))
                            })),
                m.bulletins.isEmpty
                    ? .empty
                    : .section(
                        .class("card"),
                        .h2(.text("督导简报")),
                        .ul(
                            .forEach(m.bulletins) { b in
                                .li(
                                    .link(SiteURL.publicBulletin(b.id).path, b.title),
                                    .span(.class("muted"), .text("（\(b.issue)）")))
                            })),
                .section(
                    .class("card"),
                    .h2(.text("学校及责任督学名单")),
                    search(m),
                    .dataTable(["学校", "镇街", "责任督学", "联系电话", ""], m.page.items.map(cells), empty: "没有找到学校"),
                    .pager(
                        m.page.paging, total: m.page.total,
                        link: {
                            SiteURL.publicHome.with([
                                ("district", String(m.district.id)), ("q", m.q), ("page", String($0)),
                            ])
                        })),
            ])
    }

    func search(_ m: PublicHome) -> Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(SiteURL.publicHome.path), .class("filters"),
            .attribute(named: "role", value: "search"),
            m.districts.count > 1
                ? .selectField(
                    "区县", name: "district", options: m.districts.map { (String($0.id), $0.name) },
                    selected: String(m.district.id), blank: nil)
                : .hidden("district", String(m.district.id)),
            .field("查找学校", name: "q", value: m.q, attrs: [("type", "search"), ("placeholder", "输入学校名称")]),
            .div(.class("field submit"), .button(.type(.submit), .class("btn primary"), .text("查找"))))
    }

    func cells(_ r: PublicHome.Row) -> [Node<HTML.BodyContext>] {
        [
            .text(r.school), .text(r.township),
            r.inspector.map { i in
                .span(
                    .class("person-inline"),
                    .avatar(name: i.name, photoURL: i.photo.map { SiteURL.file($0).path }, size: "small"), .text(i.name)
                )
            } ?? .text("待安排"),
            r.inspector.map { .a(.href("tel:" + $0.phone), .text($0.phone)) } ?? .text(""),
            .link(SiteURL.publicSign(r.schoolID).path, "公示牌"),
        ]
    }
}
