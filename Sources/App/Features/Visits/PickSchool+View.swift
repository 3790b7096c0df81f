import DudaoCore
import Plot

/// The first step of a new visit: a card per school.
struct PickSchoolView {
    let ctx: PageContext
    let model: PickSchool

    func render() -> Page { Page(document()) }

    func document() -> HTML {
        Layout.document(
            "新建督导记录", ctx,
            [
                .h1(.text("到哪所学校督导？")),
                .div(.class("school-cards"), .forEach(model.schools, card)),
                model.schools.isEmpty ? .p(.class("empty"), .text("您目前没有挂牌学校。")) : .empty,
            ])
    }

    func card(_ s: PickSchool.Row) -> Node<HTML.BodyContext> {
        .a(
            .class("card school-card"), .href(SiteURL.visitNew.with([("school", String(s.id))])),
            .h2(.text(s.name)), .p(.text(s.type.label + " · \(s.type.visitProfile.headTitle) " + s.principal)))
    }
}
