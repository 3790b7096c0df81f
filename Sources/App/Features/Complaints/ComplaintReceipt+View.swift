import DudaoCore
import Plot

/// 已提交: the tracking code to write down, and when it will be accepted.
struct ComplaintReceiptView {
    let ctx: PageContext
    let model: ComplaintReceipt

    func render() -> Page { Page(document()) }

    func document() -> HTML {
        Layout.document(
            "已提交", ctx,
            [
                .section(
                    .class("card narrow"),
                    .h1(.text("已收到您的反映")),
                    .p(.text("请记下查询码：")),
                    .p(.class("tracking-code"), .text(model.trackingCode)),
                    .p(.text("我们将在\(model.acceptDays)个工作日内受理，凭查询码可查看办理进度和答复。")),
                    .link(SiteURL.publicComplaintTrack.with([("code", model.trackingCode)]), "查看进度"))
            ])
    }
}
