import DudaoCore
import Plot

/// The school's workbench: its to-do list first, then its inspectors and the way to its records.
struct SchoolHomeView {
    let ctx: PageContext
    let model: SchoolHome

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "本校工作台", ctx,
            [
                .h1(.text(m.schoolName)),
                .todoList(m.todo, today: ctx.today),
                .section(
                    .class("card"),
                    .h2(.text("本校挂牌督学")),
                    m.inspectors.isEmpty
                        ? .p(.class("empty"), .text("本校目前没有挂牌督学，请联系区督导室。"))
                        : .ul(
                            .forEach(m.inspectors) { i in
                                .li(.text(i.name), i.phone.isEmpty ? .empty : .text(" · "), phone(i.phone))
                            })),
                .div(
                    .class("actions quick"),
                    .button(SiteURL.notices.path, "整改通知书", style: "secondary"),
                    .button(SiteURL.visits.path, "督导记录", style: "secondary"),
                    .button(SiteURL.problems.path, "本校问题", style: "secondary"),
                    .button(SiteURL.school(m.schoolID).path, "本校信息", style: "secondary"),
                    m.filesBalance
                        ? .button(
                            SiteURL.balanceReturn(m.schoolID, year: ctx.today.year).path,
                            "\(ctx.today.year) 年度办学条件", style: "secondary") : .empty),
            ])
    }

    /// A tappable number on a phone.
    func phone(_ number: String) -> Node<HTML.BodyContext> {
        number.isEmpty
            ? .empty : .a(.href("tel:" + number.filter { $0.isNumber || $0 == "-" || $0 == "+" }), .text(number))
    }
}
