import DudaoCore
import Foundation
import Plot

/// Shared widgets. Generic over the body-like contexts so they work inside forms and labels too.
extension Node where Context: HTML.BodyContext {
    /// Any element with attributes and body content. Attribute names are constants of the code;
    /// their values are escaped here, since Plot writes attribute values verbatim.
    static func el(_ name: String, _ attrs: [(String, String)] = [], _ children: [Node<HTML.BodyContext>] = [])
        -> Node
    {
        .element(
            named: name,
            nodes: attrs.map {
                // `attribute(named:value:)` is the escaping one of this module (HTMLEscape.swift).
                Node<HTML.BodyContext>.attribute(named: $0.0, value: $0.1, ignoreIfValueIsEmpty: $0.0 != "value")
            } + children)
    }

    static func void(_ name: String, _ attrs: [(String, String?)]) -> Node {
        // Boolean attributes (nil value) and empty values must still be written.
        .selfClosedElement(
            named: name,
            attributes: attrs.map {
                Attribute<Context>(
                    name: $0.0, value: $0.1.map(HTMLEscape.escape), ignoreIfValueIsEmpty: $0.1 != nil && $0.0 != "value")
            })
    }

    static func csrf(_ token: String) -> Node {
        .void("input", [("type", "hidden"), ("name", CSRFMiddleware.field), ("value", token)])
    }

    static func hidden(_ name: String, _ value: String) -> Node {
        .void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    static func errorText(_ id: String, _ message: String?) -> Node {
        guard let message else { return .empty }
        return .el("p", [("class", "field-error"), ("id", id + "-error"), ("role", "alert")], [.text(message)])
    }

    /// A labelled text input with its error next to it.
    static func field(
        _ label: String, name: String, value: String, error: String? = nil, type: String = "text",
        required: Bool = false, hint: String? = nil, attrs: [(String, String?)] = []
    ) -> Node {
        var a: [(String, String?)] = [("type", type), ("id", "f-" + name), ("name", name), ("value", value)]
        if required { a.append(("required", nil)) }
        if error != nil { a += [("aria-invalid", "true"), ("aria-describedby", "f-\(name)-error")] }
        return .el(
            "div", [("class", error == nil ? "field" : "field has-error")],
            [
                .el("label", [("for", "f-" + name)], [.text(label), required ? .el("span", [("class", "req")], [.text("*")]) : .empty]),
                .void("input", a + attrs),
                hint.map { .el("p", [("class", "hint")], [.text($0)]) } ?? .empty,
                .errorText("f-" + name, error),
            ])
    }

    static func textareaField(_ label: String, name: String, value: String, error: String? = nil, rows: Int = 3)
        -> Node
    {
        .el(
            "div", [("class", error == nil ? "field" : "field has-error")],
            [
                .el("label", [("for", "f-" + name)], [.text(label)]),
                .el("textarea", [("id", "f-" + name), ("name", name), ("rows", String(rows))], [.text(value)]),
                .errorText("f-" + name, error),
            ])
    }

    /// A labelled select; `options` are (value, label) pairs.
    static func selectField(
        _ label: String, name: String, options: [(String, String)], selected: String, error: String? = nil,
        required: Bool = false, blank: String? = "请选择"
    ) -> Node {
        var opts: [Node<HTML.BodyContext>] = []
        if let blank { opts.append(.el("option", [("value", "")], [.text(blank)])) }
        for (value, text) in options {
            var a = [("value", value)]
            if value == selected { a.append(("selected", "selected")) }
            opts.append(.el("option", a, [.text(text)]))
        }
        return .el(
            "div", [("class", error == nil ? "field" : "field has-error")],
            [
                .el("label", [("for", "f-" + name)], [.text(label), required ? .el("span", [("class", "req")], [.text("*")]) : .empty]),
                .el("select", [("id", "f-" + name), ("name", name)], opts),
                .errorText("f-" + name, error),
            ])
    }

    /// A one-button form for an action that changes data (deactivate, logout …).
    static func postButton(_ action: String, _ label: String, csrf: String, confirm: String? = nil,
        style: String = "secondary") -> Node
    {
        var attrs = [("method", "post"), ("action", action), ("class", "inline")]
        if let confirm { attrs.append(("data-confirm", confirm)) }
        return .el(
            "form", attrs,
            [.csrf(csrf), .el("button", [("type", "submit"), ("class", "btn " + style)], [.text(label)])])
    }

    static func button(_ href: String, _ label: String, style: String = "primary") -> Node {
        .el("a", [("href", href), ("class", "btn " + style)], [.text(label)])
    }

    static func link(_ href: String, _ text: String) -> Node {
        .el("a", [("href", href)], [.text(text)])
    }

    static func badge(_ text: String, _ kind: String = "") -> Node {
        .el("span", [("class", "badge " + kind)], [.text(text)])
    }

    static func statCard(_ label: String, _ value: String, href: String? = nil, tone: String = "") -> Node {
        let inner: [Node<HTML.BodyContext>] = [
            .el("span", [("class", "stat-value")], [.text(value)]),
            .el("span", [("class", "stat-label")], [.text(label)]),
        ]
        if let href { return .el("a", [("class", "stat " + tone), ("href", href)], inner) }
        return .el("div", [("class", "stat " + tone)], inner)
    }

    /// A summary of form errors at the top of a form.
    static func errorSummary(_ errors: [FieldError]) -> Node {
        guard !errors.isEmpty else { return .empty }
        return .el(
            "div", [("class", "alert error"), ("role", "alert")],
            [
                .el("p", [], [.text("请修改以下\(errors.count)处后再提交：")]),
                .el("ul", [], errors.map { .el("li", [], [.text($0.message)]) }),
            ])
    }

    static func flash(_ message: String?) -> Node {
        guard let message, !message.isEmpty else { return .empty }
        return .el("div", [("class", "alert success"), ("role", "status")], [.text(message)])
    }

    static func warning(_ message: String?) -> Node {
        guard let message, !message.isEmpty else { return .empty }
        return .el("div", [("class", "alert warn"), ("role", "status")], [.text(message)])
    }

    /// "共 N 条 · 第 p/n 页" with previous/next links.
    static func pager(_ paging: Paging, total: Int, link: (Int) -> String) -> Node {
        let pages = paging.pageCount(total: total)
        return .el(
            "nav", [("class", "pager"), ("aria-label", "分页")],
            [
                .el("span", [], [.text("共 \(total) 条 · 第 \(paging.page)/\(pages) 页")]),
                paging.page > 1 ? .el("a", [("href", link(paging.page - 1)), ("rel", "prev")], [.text("上一页")]) : .empty,
                paging.page < pages ? .el("a", [("href", link(paging.page + 1)), ("rel", "next")], [.text("下一页")]) : .empty,
            ])
    }

    /// A definition list of label/value pairs.
    static func facts(_ pairs: [(String, String)]) -> Node {
        .el(
            "dl", [("class", "facts")],
            pairs.flatMap { pair -> [Node<HTML.BodyContext>] in
                [.el("dt", [], [.text(pair.0)]), .el("dd", [], [.text(pair.1.isEmpty ? "—" : pair.1)])]
            })
    }

    /// A table with a header row; cells are nodes. Wrapped so it scrolls on a phone instead of overflowing.
    static func dataTable(_ headers: [String], _ rows: [[Node<HTML.BodyContext>]], empty: String = "暂无记录") -> Node {
        if rows.isEmpty { return .el("p", [("class", "empty")], [.text(empty)]) }
        return .el(
            "div", [("class", "table-wrap")],
            [
                .el(
                    "table", [],
                    [
                        .el("thead", [], [.el("tr", [], headers.map { .el("th", [("scope", "col")], [.text($0)]) })]),
                        .el(
                            "tbody", [],
                            rows.map { cells in
                                .el(
                                    "tr", [],
                                    cells.enumerated().map { i, c in
                                        .el("td", [("data-label", i < headers.count ? headers[i] : "")], [c])
                                    })
                            }),
                    ])
            ])
    }

    /// The inspector's photo, or a circle with the surname when there is none.
    static func avatar(name: String, photoURL: String?, size: String = "") -> Node {
        if let photoURL {
            return .el("img", [("class", "avatar " + size), ("src", photoURL), ("alt", name + "的照片")])
        }
        return .el("span", [("class", "avatar placeholder " + size), ("aria-hidden", "true")], [.text(String(name.prefix(1)))])
    }
}

enum Format {
    /// One formatter for every table row (DateFormatter is thread-safe; building one per call is slow).
    nonisolated(unsafe) private static let timestamp: DateFormatter = {
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
}
