import DudaoCore
import Plot

/// 新建 / 编辑 a school or an inspector: the heading, the error summary at the top, and the grid form that posts back
/// to the record (or to the list, for a new one) with 保存 and 取消.
enum RecordForm {
    /// `noun` names the record (学校, 督学); `id` is the record being edited, nil for a new one.
    static func document(
        _ noun: String, id: Int?, record: (Int) -> SiteURL, list: SiteURL, _ ctx: PageContext,
        errors: [FieldError], _ fields: [Node<HTML.FormContext>]
    ) -> FramedDocument {
        let title = (id == nil ? "新建" : "编辑") + noun
        let back = id.map { record($0).path } ?? list.path
        return Layout.document(
            title, ctx,
            [
                .h1(.text(title)),
                .errorSummary(errors),
                .form(
                    .method(.post), .action(back), .class("card form-grid"), .novalidate(),
                    .csrf(ctx.csrf),
                    .group(fields),
                    .div(
                        .class("form-actions span-all"),
                        .button(.type(.submit), .class("btn primary"), .text("保存")),
                        .link(back, "取消"))),
            ])
    }
}
