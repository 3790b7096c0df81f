import DudaoCore
import Plot

/// The form for a report: title and text, sent to the office.
struct ReportEditorView {
    let ctx: PageContext
    let model: ReportEditor

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            m.kind.chineseName, ctx,
            [
                .h1(.text("\(m.semester.label)\(m.kind.chineseName)")),
                .errorSummary(m.errors),
                .form(
                    .method(.post), .action(SiteURL.reports.path), .class("card"),
                    .csrf(ctx.csrf), .hidden("kind", m.kind.rawValue),
                    .field("题目", name: "title", value: m.title, error: m.errors.message(for: "title"), required: true),
                    .textareaField(
                        "正文", name: "body", value: m.body, error: m.errors.message(for: "body"), rows: 14,
                        required: true, limit: 20000),
                    .button(.type(.submit), .class("btn primary"), .text("提交督导室"))),
            ])
    }
}
