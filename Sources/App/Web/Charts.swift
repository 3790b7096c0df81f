import DudaoCore
import Plot

/// A horizontal bar chart drawn by the server as SVG: each bar's label above it (readable on a 375-px phone),
/// its figure at its end, and perhaps a line every bar is measured against. The same figures belong in a
/// table beside it; the chart is for the eye.
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        var text: String
        /// "bad" bars are drawn in the warning colour.
        var bad: Bool = false
    }

    var title: String
    var bars: [Bar]
    /// A reference line (e.g. the coefficient every indicator must stay under) and its label.
    var line: Double?
    var lineLabel: String = ""

    static let width = 320
    static let barTop = 16
    static let rowHeight = 40

    var node: Node<HTML.BodyContext> {
        guard !bars.isEmpty else { return .empty }
        let w = Self.width
        let plot = Double(w - 60)
        let top = max(bars.map(\.value).max() ?? 0, line ?? 0) * 1.05
        let scale = top > 0 ? plot / top : 0
        let height = Self.rowHeight * bars.count + (line == nil ? 4 : 22)
        var svg = """
            <svg class="chart" width="\(w)" height="\(height)" viewBox="0 0 \(w) \(height)" role="img" aria-label="\(HTMLEscape.escape(title))">
            """
        for (i, bar) in bars.enumerated() {
            let y = i * Self.rowHeight
            let length = max(0, bar.value * scale)
            svg += """
                <text x="0" y="\(y + 12)" font-size="13">\(HTMLEscape.escape(bar.label))</text>\
                <rect x="0" y="\(y + Self.barTop)" width="\(Self.number(length))" height="16" fill="\(bar.bad ? "#c2410c" : "#2563eb")"><title>\(HTMLEscape.escape(bar.label))：\(HTMLEscape.escape(bar.text))</title></rect>\
                <text x="\(Self.number(length + 4))" y="\(y + Self.barTop + 13)" font-size="13">\(HTMLEscape.escape(bar.text))</text>
                """
        }
        if let line {
            let x = Self.number(line * scale)
            let bottom = Self.rowHeight * bars.count
            svg += """
                <line x1="\(x)" y1="0" x2="\(x)" y2="\(bottom)" stroke="#111827" stroke-dasharray="4 3"></line>\
                <text x="\(x)" y="\(bottom + 16)" font-size="13" text-anchor="middle">\(HTMLEscape.escape(lineLabel))</text>
                """
        }
        return .raw(svg + "</svg>")
    }

    static func number(_ x: Double) -> String { String(format: "%.1f", x) }
}
