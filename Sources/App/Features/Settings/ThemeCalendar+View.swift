import DudaoCore
import Plot

/// 一月一主题（行事历） as a page: one year's months, each a theme and its focus items.
struct ThemeCalendarView {
    let ctx: PageContext
    let model: ThemeCalendar

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let link = { (year: Int, from: String) in
            SiteURL.themes.with([("year", String(year)), ("from", from)])
        }
        return Layout.document(
            "一月一主题 \(m.year)年", ctx,
            [
                .h1(.text("一月一主题（行事历）\(m.year)年")),
                .p(
                    .class("hint"),
                    .text("每月的督导主题和工作重点，显示在督学的督导记录和督导方案中；没有填写的月份不显示主题。可为某月指定一份已发布的指标体系作为主题检查表，该月的常规督导记录会逐项列出供督学填写。")),
                .div(
                    .class("actions"),
                    .a(.href(link(m.year - 1, "")), .class("btn secondary"), .text("‹ \(m.year - 1)年")),
                    .a(.href(link(m.year + 1, "")), .class("btn secondary"), .text("\(m.year + 1)年 ›")),
                    .a(.href(link(m.year, "copy")), .class("btn secondary"), .text("复制\(m.year - 1)年的行事历")),
                    .a(.href(link(m.year, "example")), .class("btn secondary"), .text("载入示例（某区2023年行事历）"))),
                notice,
                .errorSummary(m.errors),
                .form(
                    .method(.post), .action(SiteURL.themes.path), .class("card"),
                    .csrf(ctx.csrf), .hidden("year", String(m.year)),
                    .forEach(m.months) { month in
                        .fieldset(
                            .legend("\(month.month)月"),
                            .field(
                                "主题", name: "theme\(month.month)", value: month.theme,
                                error: m.errors.message(for: "theme\(month.month)")),
                            .textareaField(
                                "工作重点（每行一项）", name: "focus\(month.month)", value: month.focus,
                                error: m.errors.message(for: "focus\(month.month)"), rows: 2),
                            m.templates.isEmpty
                                ? .empty
                                : .selectField(
                                    "主题检查表（可选）", name: "template\(month.month)",
                                    options: m.templates.map { (String($0.id), $0.name) }, selected: month.template,
                                    error: m.errors.message(for: "template\(month.month)"), blank: "不指定"))
                    },
                    .div(
                        .class("form-actions"),
                        .button(.type(.submit), .class("btn primary"), .text("保存\(m.year)年行事历")))),
            ])
    }

    var notice: Node<HTML.BodyContext> {
        switch model.source {
        case .saved:
            return model.hasSaved ? .empty : .p(.class("alert"), .text("\(model.year)年尚未填写行事历。"))
        case .copy:
            return .p(.class("alert"), .text("以下内容复制自\(model.year - 1)年，保存后才生效。"))
        case .example:
            return .p(.class("alert"), .text("以下为示例内容（某区2023年行事历），请按本区实际修改，保存后才生效。"))
        }
    }
}
