import Foundation

/// Small readers for the rendered pages.
enum HTML {
    /// The value of the `<input type="hidden" name="_csrf" value="…">` of a page.
    static func csrfToken(in html: String) -> String? {
        first(#"name="_csrf" value="([^"]*)""#, in: html)
    }

    /// The number of a stat card (`<span class="stat-value">N</span><span class="stat-label">label</span>`).
    static func statValue(_ label: String, in html: String) -> Int? {
        let pattern =
            #"<span class="stat-value">([^<]*)</span><span class="stat-label">"#
            + NSRegularExpression.escapedPattern(for: label) + "</span>"
        return first(pattern, in: html).flatMap { Int($0) }
    }

    /// The total of a list page's pager ("共 N 条").
    static func listTotal(in html: String) -> Int? {
        first(#"共 (\d+) 条"#, in: html).flatMap { Int($0) }
    }

    static func first(_ pattern: String, in text: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let m = re.firstMatch(in: text, range: range), m.numberOfRanges > 1,
            let r = Range(m.range(at: 1), in: text)
        else { return nil }
        return String(text[r])
    }
}
