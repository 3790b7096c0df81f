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

/// Horizontal bars of two parts each (e.g. open and closed), with a legend; the label above each bar.
struct StackedBarChart {
    struct Bar {
        var label: String
        var parts: [Int]
    }

    var title: String
    var legend: [String]
    var bars: [Bar]
    static let colours = ["#c2410c", "#16a34a", "#2563eb", "#9333ea"]

    var node: Node<HTML.BodyContext> {
        guard !bars.isEmpty else { return .empty }
        let w = BarChart.width
        let plot = Double(w - 50)
        let top = Double(bars.map { $0.parts.reduce(0, +) }.max() ?? 0)
        let scale = top > 0 ? plot / top : 0
        let height = BarChart.rowHeight * bars.count + 24
        var svg = """
            <svg class="chart" width="\(w)" height="\(height)" viewBox="0 0 \(w) \(height)" role="img" aria-label="\(HTMLEscape.escape(title))">
            """
        for (k, name) in legend.enumerated() {
            svg += """
                <rect x="\(k * 90)" y="2" width="12" height="12" fill="\(Self.colours[k % Self.colours.count])"></rect>\
                <text x="\(k * 90 + 16)" y="13" font-size="13">\(HTMLEscape.escape(name))</text>
                """
        }
        for (i, bar) in bars.enumerated() {
            let y = 24 + i * BarChart.rowHeight
            svg += "<text x=\"0\" y=\"\(y + 12)\" font-size=\"13\">\(HTMLEscape.escape(bar.label))</text>"
            var x = 0.0
            for (k, part) in bar.parts.enumerated() where part > 0 {
                let length = Double(part) * scale
                svg += """
                    <rect x="\(BarChart.number(x))" y="\(y + BarChart.barTop)" width="\(BarChart.number(length))" height="16" fill="\(Self.colours[k % Self.colours.count])"><title>\(HTMLEscape.escape(bar.label)) \(HTMLEscape.escape(k < legend.count ? legend[k] : ""))：\(part)</title></rect>
                    """
                x += length
            }
            svg +=
                "<text x=\"\(BarChart.number(x + 4))\" y=\"\(y + BarChart.barTop + 13)\" font-size=\"13\">\(bar.parts.reduce(0, +))</text>"
        }
        return .raw(svg + "</svg>")
    }
}

/// Lines over months (e.g. problems found and notices closed), with a legend and the months under them.
struct LineChart {
    var title: String
    var labels: [String]
    var series: [(name: String, values: [Int])]

    var node: Node<HTML.BodyContext> {
        guard !labels.isEmpty else { return .empty }
        let w = BarChart.width
        let left = 30.0
        let plotW = Double(w) - left - 10
        let plotTop = 26.0
        let plotH = 130.0
        let height = Int(plotTop + plotH + 24)
        let top = max(1, series.flatMap(\.values).max() ?? 1)
        let step = labels.count > 1 ? plotW / Double(labels.count - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ v: Int) -> Double { plotTop + plotH - Double(v) / Double(top) * plotH }
        var svg = """
            <svg class="chart" width="\(w)" height="\(height)" viewBox="0 0 \(w) \(height)" role="img" aria-label="\(HTMLEscape.escape(title))">\
            <line x1="\(left)" y1="\(plotTop + plotH)" x2="\(Double(w) - 10)" y2="\(plotTop + plotH)" stroke="#9ca3af"></line>\
            <text x="0" y="\(plotTop + 4)" font-size="11">\(top)</text><text x="0" y="\(plotTop + plotH)" font-size="11">0</text>
            """
        for (k, s) in series.enumerated() {
            let colour = StackedBarChart.colours[k % StackedBarChart.colours.count]
            svg += """
                <rect x="\(k * 110)" y="2" width="12" height="12" fill="\(colour)"></rect>\
                <text x="\(k * 110 + 16)" y="13" font-size="13">\(HTMLEscape.escape(s.name))</text>
                """
            let points = s.values.enumerated().map {
                "\(BarChart.number(x($0.offset))),\(BarChart.number(y($0.element)))"
            }
            svg +=
                "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"></polyline>"
            for (i, v) in s.values.enumerated() {
                svg += """
                    <circle cx="\(BarChart.number(x(i)))" cy="\(BarChart.number(y(v)))" r="3" fill="\(colour)"><title>\(HTMLEscape.escape(labels[i])) \(HTMLEscape.escape(s.name))：\(v)</title></circle>
                    """
            }
        }
        for (i, label) in labels.enumerated() where labels.count <= 6 || i % 2 == (labels.count - 1) % 2 {
            svg +=
                "<text x=\"\(BarChart.number(x(i)))\" y=\"\(height - 4)\" font-size=\"11\" text-anchor=\"middle\">\(HTMLEscape.escape(label))</text>"
        }
        return .raw(svg + "</svg>")
    }
}
