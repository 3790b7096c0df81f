import DudaoCore
import Plot

/// The official A4 notice: the kept copy (存根) and the school's copy with its receipt slip (回执).
struct NoticePrintView {
    let ctx: PageContext
    let model: NoticeDetail

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "整改通知书 \(model.number)", ctx, printable: true,
            [
                .div(
                    .class("no-print actions"),
                    .button(
                        .type(.button), .class("btn primary"), .data(named: "print", value: "1"), .text("打印（一式两份）")),
                    .link(SiteURL.notice(model.id).path, "返回")),
                copy("第一联　存根（督导室留存）", receipt: false),
                copy("第二联　学校留存", receipt: true),
            ])
    }

    func copy(_ title: String, receipt: Bool) -> Node<HTML.BodyContext> {
        let n = model
        let deadline = n.deadline?.chinese ?? ""
        return .article(
            .class("notice-doc"),
            .p(.class("doc-copy"), .text(title)),
            .h1(.text("责任督学整改通知书")),
            .p(.class("doc-number"), .text(n.number)),
            .p(.text(n.school + "：")),
            .p(.class("indent"), .text("经责任督学督导检查，你校存在以下问题。请按要求限期整改，并于\(deadline)前将整改报告及佐证材料报送责任督学。")),
            .ol(.forEach(n.problems) { p in .li(.text("【\(p.category)】\(p.description)")) }),
            .p(.text("整改要求：")),
            .p(.class("prewrap"), .text(n.requirements)),
            .div(
                .class("doc-sign"),
                .p(.text("责任督学：\(n.inspector ?? "")　　联系电话：\(n.inspectorPhone ?? "")")),
                .p(.text(n.officeName)),
                .p(.text(n.issuedOn?.chinese ?? "（未下达）"))),
            receipt
                ? .div(
                    .class("receipt"),
                    .p(.class("cut"), .text("✂ - - - - - - - - - - - - - - - 沿此线剪下 - - - - - - - - - - - - - - -")),
                    .h2(.text("回　执")),
                    .p(.text("整改通知书 \(n.number) 已收到。我校将按要求于\(deadline)前完成整改并报送整改报告。")),
                    .p(.class("doc-sign-line"), .text("学校（盖章）：　　　　　　　校长签字：　　　　　　　年　　月　　日")))
                : .empty)
    }
}
