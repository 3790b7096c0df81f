import DudaoCore
import Plot

/// A report as a page, with the office's recommend button for a case.
struct ReportDetailView {
    let ctx: PageContext
    let model: ReportDetail

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            m.title, ctx,
            [
                .h1(.text(m.title), m.selected ? .badge("已推荐参评", "ok") : .empty),
                .p(
                    .class("muted"),
                    .text(
                        "\(m.kind.chineseName) · \(m.inspector) · \(Semester(code: m.semester)?.label ?? "") · \(Format.date(m.createdAt))"
                    )),
                .article(.class("card prewrap"), .text(m.body)),
                m.maySelect
                    ? .postButton(
                        SiteURL.reportSelect(m.id).path, m.selected ? "取消推荐" : "推荐参加全区案例评选", csrf: ctx.csrf,
                        style: "primary")
                    : .empty,
            ])
    }
}
