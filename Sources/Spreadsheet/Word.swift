import Foundation

/// A Word document (.docx, Office Open XML) that Word, WPS and LibreOffice open: paragraphs in a few styles and
/// plain tables, on A4 with the margins of a Chinese official document (GB/T 9704).
public enum WordDocument {
    public enum Style: Sendable {
        /// The red-headed title block (发文机关标志).
        case masthead
        case title, subtitle, heading, body, right, small
    }

    public enum Block: Sendable {
        case paragraph(String, Style)
        /// Rows of cells, the first row the headers.
        case table([[String]])
        /// A full-width rule (the red line under the title block, the lines of 报/送/发).
        case rule(red: Bool)
    }

    public static func write(_ blocks: [Block]) throws -> Data {
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let text, let style):
                // Each line of a text is its own paragraph.
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    body += paragraph(String(line), style)
                }
            case .table(let rows): body += table(rows)
            case .rule(let red):
                body += """
                    <w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="\(red ? 18 : 6)" w:space="1" w:color="\(red ? "C00000" : "000000")"/></w:pBdr></w:pPr></w:p>
                    """
            }
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
        let files: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(rootRels.utf8)),
            ("word/document.xml", Data(document.utf8)),
        ]
        do {
            return try XLSX.zip(files)
        } catch {
            throw SpreadsheetError.writeFailed
        }
    }

    static func paragraph(_ text: String, _ style: Style) -> String {
        let (align, size, bold, font, colour): (String, Int, Bool, String, String?) =
            switch style {
            case .masthead: ("center", 52, true, "方正小标宋简体", "C00000")
            case .title: ("center", 44, true, "方正小标宋简体", nil)
            case .subtitle: ("center", 32, false, "仿宋", nil)
            case .heading: ("left", 32, true, "黑体", nil)
            case .body: ("both", 32, false, "仿宋", nil)
            case .right: ("right", 32, false, "仿宋", nil)
            case .small: ("left", 28, false, "仿宋", nil)
            }
        let indent = style == .body ? "<w:ind w:firstLineChars=\"200\"/>" : ""
        let run =
            "<w:rPr><w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:eastAsia=\"\(font)\"/>"
            + (bold ? "<w:b/>" : "") + (colour.map { "<w:color w:val=\"\($0)\"/>" } ?? "")
            + "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr>"
        return
            "<w:p><w:pPr><w:jc w:val=\"\(align)\"/>\(indent)<w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr><w:r>\(run)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    static func table(_ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var xml =
            "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/><w:insideV \(border)/></w:tblBorders></w:tblPr>"
        for (i, row) in rows.enumerated() {
            xml += "<w:tr>"
            for cell in row {
                xml +=
                    "<w:tc><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia=\"仿宋\"/>"
                    + (i == 0 ? "<w:b/>" : "")
                    + "<w:sz w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">\(escape(cell))</w:t></w:r></w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
        // Word needs a paragraph after a table.
        return xml + "</w:tbl><w:p/>"
    }

    /// XML text: characters XML 1.0 forbids dropped, then the five entities escaped as in the sheets.
    static func escape(_ s: String) -> String {
        var allowed = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
                || v >= 0x10000
            {
                allowed.append(scalar)
            }
        }
        return XLSX.escapeXML(String(allowed))
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """

    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """
}
