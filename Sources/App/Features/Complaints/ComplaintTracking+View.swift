import DudaoCore
import Plot

/// 投诉进度查询: the code field, and for a known code its state, its steps with their days, and the reply.
struct ComplaintTrackingView {
    let ctx: PageContext
    let model: ComplaintTracking

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "投诉进度查询", ctx,
            [
                .section(
                    .class("card narrow"),
                    .h1(.text("投诉进度查询")),
                    .form(
                        .method(.get), .action(SiteURL.publicComplaintTrack.path),
                        .field(
                            "查询码", name: "code", value: model.code, error: model.message, required: true,
                            attrs: [("placeholder", "TS-XXXX-XXXX"), ("autocapitalize", "characters")]),
                        .button(.type(.submit), .class("btn primary"), .text("查询"))),
                    model.found.map(result) ?? .empty)
            ])
    }

    func step(_ s: ComplaintProgress.Step) -> Node<HTML.ListContext> {
        let note: String =
            switch s.state {
            case .done: s.day.map { "\($0.month)月\($0.day)日" } ?? "已完成"
            case .current: "进行中"
            case .waiting: "待办理"
            case .stopped: "—"
            }
        return .li(
            .class("step " + s.state.rawValue),
            s.state == .current ? .attribute(named: "aria-current", value: "step") : .empty,
            .span(.class("step-label"), .text(s.label)), .span(.class("step-note"), .text(note)))
    }

    func result(_ c: ComplaintTracking.Found) -> Node<HTML.BodyContext> {
        .div(
            .class("track-result"),
            .facts([("查询码", c.trackingCode), ("办理状态", c.state.label), ("提交日期", c.submittedOn?.chinese ?? "")]),
            .ol(.class("steps"), .attribute(named: "aria-label", value: "办理步骤"), .forEach(c.steps, step)),
            [.replied, .closed].contains(c.state)
                ? .div(.h2(.text("答复")), .p(.class("prewrap"), .text(c.reply))) : .empty,
            c.state == .rejected
                ? .p(.text("答复：" + (c.reply.isEmpty ? "不属于教育督导受理范围，请向相关部门反映。" : c.reply))) : .empty)
    }
}
