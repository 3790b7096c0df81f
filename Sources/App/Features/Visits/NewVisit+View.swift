import DudaoCore
import Plot

/// The form that starts a visit record, and what to follow up from the last visit below it.
struct NewVisitView {
    let ctx: PageContext
    let model: NewVisit

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "新建督导记录", ctx,
            [
                .h1(.text("督导记录：" + model.schoolName)),
                .errorSummary(model.errors),
                form,
                .followUp(model.followUp),
            ])
    }

    var form: Node<HTML.BodyContext> {
        let f = model.form
        let errors = model.errors
        return .form(
            .method(.post), .action(SiteURL.visits.path), .class("card"),
            .csrf(ctx.csrf),
            .hidden("school", String(model.schoolID)),
            .field(
                "督导日期", name: "date", value: f.date, error: errors.message(for: "date"), type: "date", required: true),
            .field("到校时间", name: "start", value: f.start, error: errors.message(for: "start"), type: "time"),
            .selectField(
                "督导类型", name: "kind", options: VisitKind.choosable.map { ($0.rawValue, $0.label) }, selected: f.kind,
                error: errors.message(for: "kind"), required: true, blank: nil),
            .field(
                "本月主题", name: "theme", value: f.theme, error: errors.message(for: "theme"),
                hint: model.monthlyTheme.map { "区督导室本月主题：" + $0 + "（留空即采用）" }),
            model.byOffice
                ? .p(.class("hint"), .text("督导室直接督导：记录人为督导室，可勾选同去的督学组成督导组；发现的问题由同行督学或该校责任督学跟进整改。"))
                : .selectField(
                    "督导方案", name: "plan",
                    options: model.plans.map {
                        (String($0.id), "\(Format.day($0.plannedDate))：\(String($0.focus.prefix(20)))")
                    },
                    selected: f.plan, error: errors.message(for: "plan"),
                    blank: model.plans.isEmpty ? "（尚无方案，可先到“督导方案”中制定）" : "（不关联）"),
            colleagues,
            .button(.type(.submit), .class("btn primary block"), .text("开始记录")))
    }

    var colleagues: Node<HTML.FormContext> {
        guard !model.colleagues.isEmpty else { return .empty }
        let selected = Set(model.form.members)
        return .details(
            .class("field"),
            .summary(.text(model.byOffice ? "督导组成员（同去的督学）" : "同行督学（多人同去时勾选）")),
            .errorText("f-members", model.errors.message(for: "members")),
            .forEach(model.colleagues) { c in
                .label(
                    .class("check"),
                    .input(
                        .type(.checkbox), .name("members[]"), .value(String(c.id)), .checked(selected.contains(c.id))),
                    .text(" \(c.name)（\(c.kind.label)）"))
            })
    }
}
