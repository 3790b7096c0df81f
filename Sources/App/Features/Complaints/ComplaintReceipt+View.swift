import DudaoCore
import Plot

/// 已提交: the tracking code large, with a copy button, and the time limits the district promises.
struct ComplaintReceiptView {
    let ctx: PageContext
    let model: ComplaintReceipt

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "已提交", ctx,
            [
                .section(
                    .class("card narrow receipt"),
                    .h1(.text("已收到您的反映")),
                    .p(.text("请记下或截图保存查询码，凭它查看办理进度和答复：")),
                    .p(.class("tracking-code"), .id("tracking-code"), .text(model.trackingCode)),
                    .div(
                        .class("actions"),
                        .button(
                            .type(.button), .class("btn secondary"), .data(named: "copy", value: "tracking-code"),
                            .data(named: "copied", value: "已复制查询码"), .text("复制查询码")),
                        .span(.class("copy-status"), .attribute(named: "role", value: "status"))),
                    .p(.text("我们将在\(model.limits.accept)个工作日内受理。")),
                    .p(.class("hint"), .text("办理时限：" + model.limits.publicText + "。")),
                    .p(.button(SiteURL.publicComplaintTrack.with([("code", model.trackingCode)]), "查看办理进度")))
            ])
    }
}
