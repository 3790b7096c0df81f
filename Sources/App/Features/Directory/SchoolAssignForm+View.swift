import DudaoCore
import Plot

/// 调整责任督学: the school's current inspector and the form choosing the next one (or none).
struct SchoolAssignFormView {
    let ctx: PageContext
    let model: SchoolAssignForm

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let v = model.values
        let err = model.errors.message(for:)
        let options =
            model.inspectors.map { i -> (String, String) in
                (
                    String(i.id),
                    "\(i.name)（\(i.duty.isEmpty ? i.kind.label : i.duty)，现负责\(i.schools)所\(i.schools >= model.limit ? "，已满" : "")）"
                )
            } + [("none", "（解除责任督学，暂不安排）")]
        return Layout.document(
            "调整责任督学", ctx,
            [
                .h1(.text("调整责任督学：" + model.schoolName)),
                .p(.text("现任责任督学：" + (model.current ?? "无"))),
                .errorSummary(model.errors),
                .form(
                    .method(.post), .action(SiteURL.schoolAssign(model.schoolID).path), .class("card"),
                    .csrf(ctx.csrf),
                    .selectField(
                        "新的责任督学", name: "inspector", options: options, selected: v.inspector ?? "",
                        error: err("inspector"),
                        required: true),
                    .field(
                        "挂牌开始日期", name: "start", value: v.start ?? "", error: err("start"), type: "date",
                        required: true,
                        hint: "现任督学的挂牌在前一天结束，历史记录保留"),
                    .field("说明", name: "note", value: v.note ?? "", hint: "如：学年调整、督学离任"),
                    .div(
                        .class("form-actions"),
                        .button(.type(.submit), .class("btn primary"), .text("确认调整")),
                        .link(SiteURL.school(model.schoolID).path, "取消"))),
            ])
    }
}
