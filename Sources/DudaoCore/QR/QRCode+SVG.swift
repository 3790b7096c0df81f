extension QRCode {
    /// The symbol as a standalone `<svg>` element for printing: a white square with the quiet zone, and one
    /// black path holding a rectangle per run of dark modules in a row.
    ///
    /// Coordinates are in modules (the viewBox) and the width and height in pixels, so the symbol scales without
    /// blur; `shape-rendering="crispEdges"` keeps neighbouring runs from showing anti-aliased seams. Only
    /// presentation attributes, no `style` and no script: the site's Content-Security-Policy forbids both inline.
    ///
    /// - Parameters:
    ///   - moduleSize: Pixels per module (at least 1).
    ///   - quietZone: Light modules around the symbol; readers expect 4.
    ///   - label: What the image is, for screen readers (`aria-label`).
    public func svg(moduleSize: Int = 4, quietZone: Int = 4, label: String) -> String {
        let border = max(0, quietZone)
        let side = size + 2 * border
        let pixels = side * max(1, moduleSize)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" role="img" aria-label="\(Self.escapeAttribute(label))" \
            shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path d="\(darkRunsPath(offset: border))" fill="#000"/>\
            </svg>
            """
    }

    /// `M x y h length v 1 h -length z` for each horizontal run of dark modules.
    private func darkRunsPath(offset: Int) -> String {
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x, y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x, y) { x += 1 }
                path += "M\(start + offset) \(y + offset)h\(x - start)v1h-\(x - start)z"
            }
        }
        return path
    }

    /// Text safe inside a double- or single-quoted XML attribute. Control characters become spaces: XML 1.0
    /// forbids most of them, and a parser turns the rest (tab, line breaks) into spaces in an attribute anyway.
    static func escapeAttribute(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case _ where scalar.value < 0x20: result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
