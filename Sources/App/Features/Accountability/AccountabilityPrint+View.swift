import DudaoCore
import Plot

/// The printable 问责决定书 (A4), with the target's right to answer.
struct AccountabilityPrintView {
    let ctx: PageContext
    let model: AccountabilityDetail

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let d = model
        return Layout.document(
            "问责决定书 \(d.documentNumber)", ctx, printable: true,
            [
                .div(
                    .class("no-print actions"),
                    .button(.type(.button), .class("btn primary"), .data(named: "print", value: "1"), .text("打印")),
                    .link(SiteURL.accountabilityDecision(d.id).path, "返回")),
                .article(
                    .class("notice-doc"),
                    .h1(.text("教育督导问责决定书")),
                    .p(.class("doc-number"), .text(d.documentNumber)),
                    .p(.text(d.targetName + "：")),
                    .p(.class("indent prewrap"), .text(d.reason)),
                    .p(
                        .class("indent"),
                        .text("依据《教育督导问责办法》，决定对\(d.targetName)予以\(d.measure.label)。")),
                    d.aggravating ? .p(.class("indent"), .text("本年度内已被问责\(d.earlierThisYear)次，从重处理。")) : .empty,
                    .p(
                        .class("indent"),
                        .text(
                            "如对本决定有异议，可自收到本决定之日起\(Accountability.appealDays)日内（截至\(d.appealUntil?.chinese ?? "")）向\(d.officeName)提出申辩，并附相关证据材料。"
                        )),
                    .div(
                        .class("doc-sign"),
                        .p(.text(d.officeName)),
                        .p(.text(d.decidedOn?.chinese ?? "")))),
            ])
    }
}
