import DudaoCore
import Plot

/// The first step of a new visit: a card per school.
struct PickSchoolView {
    let ctx: PageContext
    let model: PickSchool

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "新建督导记录", ctx,
            [
                .h1(.text("到哪所学校督导？")),
                ctx.principal?.role == .office || model.truncated || !model.search.isEmpty ? searchForm : .empty,
                .div(.class("school-cards"), .forEach(model.schools, card)),
                model.truncated ? .p(.class("muted"), .text("只列出前\(PickSchool.limit)所，请输入校名查找。")) : .empty,
                model.schools.isEmpty
                    ? .p(.class("empty"), .text(model.search.isEmpty ? "您目前没有挂牌学校。" : "没有名称含“\(model.search)”的在办学校。"))
                    : .empty,
            ])
    }

    var searchForm: Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(SiteURL.visitNew.path), .class("search"),
            .field("学校名称", name: "q", value: model.search),
            .button(.type(.submit), .class("btn secondary"), .text("查找")))
    }

    func card(_ s: PickSchool.Row) -> Node<HTML.BodyContext> {
        .a(
            .class("card school-card"), .href(SiteURL.visitNew.with([("school", String(s.id))])),
            .h2(.text(s.name)), .p(.text(s.type.label + " · \(s.type.visitProfile.headTitle) " + s.principal)))
    }
}
