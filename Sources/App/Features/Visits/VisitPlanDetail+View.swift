import DudaoCore
import Plot

/// A visit plan as a page, as the inspector opens it on a phone at the school.
struct VisitPlanDetailView {
    let ctx: PageContext
    let model: VisitPlanDetail

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "督导方案", ctx,
            [
                .h1(.text("督导方案：\(m.school)")),
                .section(
                    .class("card"),
                    .facts([
                        ("计划日期", Format.day(m.plannedDate)), ("督导任务", m.tasks), ("督导方式", m.methods), ("督导重点", m.focus),
                    ])),
                m.isMine
                    ? .button(
                        SiteURL.visitNew.with([("school", String(m.schoolID)), ("plan", String(m.id))]), "按此方案开始督导")
                    : .empty,
            ])
    }
}
