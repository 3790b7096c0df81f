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
        Attribute(name: name, value: HTMLEscape.escape(value), ignoreIfValueIsEmpty: false)
    }
}
