import Plot

/// The one rendering path for data in HTML: every text node and attribute value built from data is
/// escaped here (`& < > " '`). Plot escapes text nodes only partly (it keeps `&name;` sequences) and
/// writes attribute values verbatim, so the project's widgets and `Node.text` go through this instead.
enum HTMLEscape {
    static func escape(_ s: String) -> String {
        // Most strings need nothing: scan the UTF-8 bytes once before building a new one.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Node {
    /// Text from data, fully escaped. Shadows Plot's `Node.text`, which leaves entity-like sequences
    /// such as `&amp;` unescaped (so a typed "&amp;" would come back as "&" after a round trip).
    static func text(_ string: String) -> Node { .raw(HTMLEscape.escape(string)) }

    /// Markup written in the code itself, never data. The only way raw HTML enters a page.
    static func trustedMarkup(_ html: StaticString) -> Node { .raw(html.description) }
}

extension Attribute {
    /// An attribute whose value comes from data: escaped. Use this instead of Plot's typed attribute
    /// functions (`.href`, `.value` …) whenever the value is not a constant.
    static func escaped(_ name: String, _ value: String) -> Attribute {
        // As Plot does: an empty attribute is left out, except `value` (an empty value is a value).
        Attribute(name: name, value: HTMLEscape.escape(value), ignoreIfValueIsEmpty: name != "value")
    }
}

// MARK: - Plot's attribute functions, escaping
//
// Plot writes attribute values verbatim. These declarations have the same names and signatures as
// Plot's, so inside this module they shadow them: `.href(x)`, `.value(x)`, `.class(x)` … in a view
// always escape. A view cannot reach the unescaped ones by accident.

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { .escaped("id", id) }
    static func `class`(_ className: String) -> Attribute { .escaped("class", className) }
    static func data(named name: String, value: String) -> Attribute { .escaped("data-" + name, value) }
    static func title(_ title: String) -> Attribute { .escaped("title", title) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(.escaped("id", id)) }
    static func `class`(_ className: String) -> Node { .attribute(.escaped("class", className)) }
    static func data(named name: String, value: String) -> Node { .attribute(.escaped("data-" + name, value)) }
    static func title(_ title: String) -> Node { .attribute(.escaped("title", title)) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { .escaped("name", name) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(.escaped("name", name)) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { .escaped("value", value) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(.escaped("value", value)) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Attribute { .escaped("href", url.description) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Node { .attribute(.escaped("href", url.description)) }
}

extension Attribute where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Attribute { .escaped("src", url.description) }
}

extension Node where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Node { .attribute(.escaped("src", url.description)) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: URLRepresentable) -> Node { .attribute(.escaped("action", url.description)) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(.escaped("for", target)) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { .escaped("placeholder", placeholder) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(.escaped("placeholder", placeholder)) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(_ label: String) -> Attribute { .escaped("label", label) }
}

extension Attribute where Context == HTML.MetaContext {
    static func content(_ content: String) -> Attribute { .escaped("content", content) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { .escaped("alt", text) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { .attribute(.escaped("aria-label", label)) }
}

extension Attribute {
    /// Any attribute Plot has no function for (`aria-*`, `data-*` …), escaped.
    static func attribute(named name: String, value: String?) -> Attribute {
        Attribute(name: name, value: value.map(HTMLEscape.escape))
    }
}

extension Node {
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(
            Attribute(name: name, value: value.map(HTMLEscape.escape), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}
