import DudaoCore
import Plot

/// The inspector's workbench.
struct InspectorHomeView {
    let ctx: PageContext
    let model: InspectorHome

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        let tooMany: String? = m.maxSchools.flatMap { max in
            m.schools.count > max ? "您负责的学校数超过本区设定的\(max)所。" : nil
        }
        return Layout.document(
            "我的工作台", ctx,
            [
                .h1(.text("\(ctx.principal?.displayName ?? "")，您好")),
                .p(.text("您是 \(m.schools.count) 所学校的责任督学。\(m.semester.label)，每所学校每月至少督导一次。")),
                .warning(tooMany),
                .div(
                    .class("actions quick"),
                    .button(SiteURL.visitNew.path, "＋ 新建督导记录"),
                    .button(SiteURL.visitPlanNew.path, "制定督导方案", style: "secondary"),
                    .button(SiteURL.areaPlanNew.path, "片区工作计划", style: "secondary")),
                .todoList(m.todo, today: ctx.today),
                .section(
                    .class("card"),
                    .h2(.text("本学期“六个一”")),
                    .ruleStates(m.result.ruleStates(inspectorID: m.inspectorID)),
                    .p(.link(SiteURL.complianceInspectorSelf.path, "查看不足项明细"))),
                .visitCalendar(
                    result: m.result, inspectorID: m.inspectorID, schools: m.calendarSchools, months: m.semester.months),
                .section(
                    .class("card"),
                    .h2(.text("责任学校待处理问题（\(m.problems.count)）")),
                    .dataTable(["学校", "类别", "问题", "处理方式"], m.problems.map(problem), empty: "没有待处理问题")),
                .div(.class("school-cards"), .forEach(m.schools, card)),
                m.schools.isEmpty ? .p(.class("empty"), .text("您目前没有挂牌学校，请联系督导室。")) : .empty,
            ])
    }

    func problem(_ p: InspectorHome.OpenProblem) -> [Node<HTML.BodyContext>] {
        [
            .text(p.school), .badge(p.category), .link(p.source, String(p.description.prefix(40))),
            .text(p.disposition.label),
        ]
    }

    func card(_ s: InspectorHome.SchoolCard) -> Node<HTML.BodyContext> {
        .a(
            .class("card school-card"), .href(SiteURL.school(s.id).path),
            .h2(.text(s.name)),
            .p(.text("\(s.type.label) · \(s.type.visitProfile.pupilsWord) \(s.students) 人")),
            .p(.class("muted"), .text("\(s.type.visitProfile.headTitle) \(s.principal) · \(s.phone)")))
    }
}
