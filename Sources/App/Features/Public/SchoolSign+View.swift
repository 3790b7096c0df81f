import DudaoCore
import Plot

/// The sign at the school gate, for printing (A4 or A3).
struct SchoolSignView {
    let ctx: PageContext
    let model: SchoolSign

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "挂牌督导公示牌 · \(m.school)", ctx, printable: true,
            [
                .div(
                    .class("no-print actions"),
                    .button(.type(.button), .class("btn primary"), .data(named: "print", value: "1"), .text("打印公示牌")),
                    .link(SiteURL.publicHome.path, "返回公示名单")),
                .article(
                    .class("sign"),
                    .header(
                        .p(.class("sign-org"), .text(m.districtName + "人民政府教育督导委员会")),
                        .h1(.text("责任督学挂牌督导公示牌")),
                        .p(.class("sign-school"), .text(m.school))),
                    m.inspector.map { i in
                        .div(
                            .class("sign-body"),
                            .avatar(name: i.name, photoURL: i.photo.map { SiteURL.file($0).path }, size: "portrait"),
                            .dl(
                                .class("facts"),
                                .dt(.text("责任督学")), .dd(.class("big"), .text(i.name)),
                                .dt(.text("联系电话")), .dd(.class("big"), .text(i.phone)),
                                .dt(.text("工作单位")), .dd(.text(i.employer))))
                    } ?? .p(.class("big"), .text("责任督学：待安排")),
                    .section(.h2(.text("督学职责")), .p(.text(m.duties))),
                    .section(.h2(.text("督导事项")), .p(.text(m.supervisionItems))),
                    .footer(
                        .p(.text("举报投诉电话：" + (m.complaintPhone.isEmpty ? "—" : m.complaintPhone))),
                        m.complaintChannel.isEmpty ? .empty : .p(.text("投诉渠道：" + m.complaintChannel)),
                        .p(.text("监督单位：" + m.officeName)))),
            ])
    }
}
