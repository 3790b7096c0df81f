import DudaoCore
import Foundation
import Plot

/// Shared widgets. Generic over the body-like contexts so they work inside forms and labels too.
extension Node where Context: HTML.BodyContext {
    /// Elements Plot has no typed function for. Their names are constants; their content goes through
    /// the escaping text and attribute functions like every other node.
    static func legend(_ text: String) -> Node { .element(named: "legend", nodes: [.text(text)]) }

    static func figure(_ nodes: Node...) -> Node { .element(named: "figure", nodes: nodes) }

    static func figcaption(_ text: String) -> Node { .element(named: "figcaption", nodes: [.text(text)]) }

    static func csrf(_ token: String) -> Node { .hidden(CSRFMiddleware.field, token) }

    static func hidden(_ name: String, _ value: String) -> Node {
        .input(.type(.hidden), .name(name), .value(value))
    }

    /// A check box with its label after it (`<label class="check">`); the label is written after a space.
    static func checkbox(_ label: String, name: String, value: String = "on", checked: Bool = false) -> Node {
        .label(
            .class("check"),
            .input(
                .type(.checkbox), .name(name), .value(value),
                checked ? .attribute(named: "checked", value: "checked") : .empty),
            .text(" " + label))
    }

    static func errorText(_ id: String, _ message: String?) -> Node {
        guard let message else { return .empty }
        return .p(.class("field-error"), .id(id + "-error"), .attribute(named: "role", value: "alert"), .text(message))
    }

    /// A field's label with the required marker.
    private static func fieldLabel(_ label: String, for id: String, required: Bool) -> Node {
        .label(.for(id), .text(label), required ? .span(.class("req"), .text("*")) : .empty)
    }

    /// A labelled text input with its error next to it. `attrs` are extra attributes (inputmode, placeholder …).
    static func field(
        _ label: String, name: String, value: String, error: String? = nil, type: String = "text",
        required: Bool = false, hint: String? = nil, attrs: [(String, String?)] = []
    ) -> Node {
        let id = "f-" + name
        var input: [Attribute<HTML.InputContext>] = [
            .type(HTMLInputType(rawValue: type) ?? .text), .id(id), .name(name), .value(value), .required(required),
        ]
        if error != nil {
            input += [
                .attribute(named: "aria-invalid", value: "true"),
                .attribute(named: "aria-describedby", value: id + "-error"),
            ]
        }
        // A later `type` (e.g. "search") replaces the first one.
        input += attrs.map {
            Attribute<HTML.InputContext>(name: $0.0, value: $0.1.map(HTMLEscape.escape), ignoreIfValueIsEmpty: false)
        }
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            fieldLabel(label, for: id, required: required),
            .selfClosedElement(
                named: "input",
                attributes: input.map {
                    Attribute<Context>(name: $0.name, value: $0.value, ignoreIfValueIsEmpty: $0.ignoreIfValueIsEmpty)
                }),
            hint.map { .p(.class("hint"), .text($0)) } ?? .empty,
            .errorText(id, error))
    }

    /// A labelled text area. `limit` is the server's length limit: the page script warns as it nears (the browser
    /// never cuts what was typed or pasted); `required` marks it as the server requires it.
    static func textareaField(
        _ label: String, name: String, value: String, error: String? = nil, rows: Int = 3, required: Bool = false,
        hint: String? = nil, limit: Int? = nil
    ) -> Node {
        let id = "f-" + name
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            fieldLabel(label, for: id, required: required),
            .textarea(
                .id(id), .name(name), .rows(rows), required ? .required(true) : .empty,
                limit.map { .attribute(named: "data-limit", value: String($0)) } ?? .empty,
                error == nil ? .empty : .attribute(named: "aria-invalid", value: "true"),
                error == nil ? .empty : .attribute(named: "aria-describedby", value: id + "-error"),
                .text(value)),
            hint.map { .p(.class("hint"), .text($0)) } ?? .empty,
            .errorText(id, error))
    }

    /// A labelled select; `options` are (value, label) pairs.
    static func selectField(
        _ label: String, name: String, options: [(String, String)], selected: String, error: String? = nil,
        required: Bool = false, blank: String? = "请选择"
    ) -> Node {
        let id = "f-" + name
        // Plot's `.option` takes attributes only; the text is the option's content, so it is built here.
        func option(_ value: String, _ text: String, selected: Bool) -> Node<HTML.SelectContext> {
            .element(
                named: "option",
                nodes: [
                    .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                    selected ? .attribute(named: "selected") : .empty, .text(text),
                ])
        }
        var choices: [Node<HTML.SelectContext>] = []
        if let blank { choices.append(option("", blank, selected: false)) }
        for (value, text) in options { choices.append(option(value, text, selected: value == selected)) }
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            fieldLabel(label, for: id, required: required),
            .select(.id(id), .attribute(named: "name", value: name), .group(choices)),
            .errorText(id, error))
    }

    /// A part of a form that only matters for some choices of the select `select` (the page script hides it for
    /// the others; without the script it shows).
    static func showFor(_ select: String, _ values: String, _ content: Node) -> Node {
        .div(.data(named: "show-for", value: select), .data(named: "values", value: values), content)
    }

    /// A labelled, required file input.
    static func fileField(_ label: String, name: String, accept: String, id: String) -> Node {
        .div(
            .class("field"),
            .label(.for(id), .text(label)),
            .input(
                .type(.file), .id(id), .name(name), .attribute(named: "accept", value: accept), .required(true)))
    }

    /// A one-button form for an action that changes data (deactivate, logout …).
    /// What a page's forms keep on the phone until the server has them, filled in by the page script (hidden while
    /// empty); the page's wrapper names itself with `data-outbox`.
    static var outboxPanel: Node {
        .section(
            .id("outbox"), .class("alert warn outbox"), .attribute(named: "hidden", value: "hidden"),
            .p(.text("本机待发送："), .span(.class("outbox-count"), .text("0")), .text("项")),
            .ul())
    }

    /// Where the page script says whether the last save reached the server.
    static var saveStatus: Node {
        .span(.id("save-status"), .class("save-status"), .attribute(named: "role", value: "status"))
    }

    /// One choice of several as radio buttons, each with its label ("符合", "不符合" …).
    static func radios(_ name: String, _ choices: [(value: String, label: String)], selected: String) -> Node {
        .div(
            .class("choices"),
            .forEach(choices) { choice in
                .label(
                    .class("choice"),
                    .input(
                        .type(.radio), .name(name), .value(choice.value),
                        selected == choice.value ? .attribute(named: "checked", value: "checked") : .empty),
                    .text(" " + choice.label))
            })
    }

    static func postButton(
        _ action: String, _ label: String, csrf: String, confirm: String? = nil,
        style: String = "secondary", fields: [(String, String)] = []
    ) -> Node {
        .form(
            .method(.post), .action(action), .class("inline"),
            confirm.map { .data(named: "confirm", value: $0) } ?? .empty,
            .csrf(csrf), .forEach(fields) { .hidden($0.0, $0.1) },
            .button(.type(.submit), .class("btn " + style), .text(label)))
    }

    static func button(_ href: String, _ label: String, style: String = "primary") -> Node {
        .a(.href(href), .class("btn " + style), .text(label))
    }

    /// "导出 Excel" and "导出 CSV" for a list, keeping the list's filter.
    static func exportButtons(_ url: (ExportFormat) -> SiteURL, query: [(String, String)]) -> Node {
        .group(ExportFormat.allCases.map { .button(url($0).with(query), $0.buttonLabel, style: "secondary") })
    }

    static func link(_ href: String, _ text: String) -> Node {
        .a(.href(href), .text(text))
    }

    static func badge(_ text: String, _ kind: String = "") -> Node {
        .span(.class("badge " + kind), .text(text))
    }

    static func statCard(_ label: String, _ value: String, href: String? = nil, tone: String = "") -> Node {
        if let href {
            return .a(
                .class("stat " + tone), .href(href), .span(.class("stat-value"), .text(value)),
                .span(.class("stat-label"), .text(label)))
        }
        return .div(
            .class("stat " + tone), .span(.class("stat-value"), .text(value)), .span(.class("stat-label"), .text(label))
        )
    }

    /// A summary of form errors at the top of a form.
    static func errorSummary(_ errors: [FieldError]) -> Node {
        guard !errors.isEmpty else { return .empty }
        return .div(
            .class("alert error"), .attribute(named: "role", value: "alert"),
            .p(.text("请修改以下\(errors.count)处后再提交：")),
            .ul(.forEach(errors) { .li(.text($0.message)) }))
    }

    static func flash(_ message: String?) -> Node {
        guard let message, !message.isEmpty else { return .empty }
        return .div(.class("alert success"), .attribute(named: "role", value: "status"), .text(message))
    }

    static func warning(_ message: String?) -> Node {
        guard let message, !message.isEmpty else { return .empty }
        return .div(.class("alert warn"), .attribute(named: "role", value: "status"), .text(message))
    }

    /// "共 N 条 · 第 p/n 页" with previous/next links.
    /// `countedAt`: the total was kept for a while (`ListTotals`), and the pager says when it was counted.
    static func pager(_ paging: Paging, total: Int, countedAt: Date? = nil, link: (Int) -> String) -> Node {
        let pages = paging.pageCount(total: total)
        let counted = countedAt.map { "（\(Format.date($0)) 统计）" } ?? ""
        return .nav(
            .class("pager"), .ariaLabel("分页"),
            .span(.text("共 \(total) 条\(counted) · 第 \(paging.page)/\(pages) 页")),
            paging.page > 1
                ? .a(.href(link(paging.page - 1)), .attribute(named: "rel", value: "prev"), .text("上一页")) : .empty,
            paging.page < pages
                ? .a(.href(link(paging.page + 1)), .attribute(named: "rel", value: "next"), .text("下一页")) : .empty)
    }

    /// A definition list of label/value pairs.
    static func facts(_ pairs: [(String, String)]) -> Node {
        .dl(
            .class("facts"),
            .group(
                pairs.flatMap { pair -> [Node<HTML.DescriptionListContext>] in
                    [.dt(.text(pair.0)), .dd(.text(pair.1.isEmpty ? "—" : pair.1))]
                }))
    }

    /// A table with a header row; cells are nodes. Wrapped so it scrolls on a phone instead of overflowing.
    static func dataTable(_ headers: [String], _ rows: [[Node<HTML.BodyContext>]], empty: String = "暂无记录") -> Node {
        if rows.isEmpty { return .p(.class("empty"), .text(empty)) }
        return .div(
            .class("table-wrap"),
            .table(
                .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                .tbody(
                    .forEach(rows) { cells in
                        .tr(
                            .forEach(Array(cells.enumerated())) { i, c in
                                .td(.attribute(named: "data-label", value: i < headers.count ? headers[i] : ""), c)
                            })
                    })))
    }

    /// The inspector's photo, or a circle with the surname when there is none.
    static func avatar(name: String, photoURL: String?, size: String = "") -> Node {
        if let photoURL {
            return .img(.class("avatar " + size), .src(photoURL), .alt(name + "的照片"))
        }
        return .span(
            .class("avatar placeholder " + size), .attribute(named: "aria-hidden", value: "true"),
            .text(String(name.prefix(1))))
    }
}

enum Format {
    /// One formatter for every table row (DateFormatter is thread-safe; building one per call is slow).
    private static let timestamp: DateFormatter = {
        let f = DateFormatter()
        f.timeZone = Day.shanghai
        f.locale = Locale(identifier: "zh_CN")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }()

    static func date(_ d: Date?) -> String {
        guard let d else { return "" }
        return timestamp.string(from: d)
    }

    static func day(_ iso: String?) -> String {
        guard let iso, let d = Day(parsing: iso) else { return "" }
        return d.chinese
    }

    /// Figures kept for a while (see `FiguresCache`) say when they were counted; figures counted now say nothing.
    static func counted(_ d: Date?) -> String {
        d.map { "数据统计于 \(date($0))，稍后刷新可看到最新数字。" } ?? ""
    }

    /// A figure with one decimal ("2.5").
    static func decimal(_ x: Double) -> String { String(format: "%.1f", x) }
}
