import Foundation

/// Writes an .xlsx workbook batch by batch, handing back the bytes of each batch, so that an export of any
/// length leaves the server as it is read, in flat memory.
///
/// The first row appended is the header row: bold, frozen, and repeated at the top of each further sheet.
/// Column widths follow the first batch (CJK characters count double). A sheet holds at most Excel's
/// 1 048 576 rows (and well under the 4 GiB a plain ZIP entry may hold); the rows after that go on a new
/// sheet named "名称 (2)", and so on.
///
/// Cells are typed so that Excel, WPS and LibreOffice can sum and sort them: integers of up to 15 digits
/// without a leading zero, decimals that read back as written, dates "2026-10-03" and times
/// "2026-10-03 09:30" become numbers (dates with a date format); everything else is an inline string.
/// `XLSX.read` reads every such cell back as the text written.
public struct XLSXStream {
    private var zip = ZipStream()
    private let sheetName: String
    private var header: [String]?
    private var widths: [Int] = []
    private var frozen = false
    private var sheets = 0
    private var nextRow = 1
    private var finished = false

    /// Rows and unpacked bytes after which the next row starts a new sheet (fewer rows in tests).
    var rowsPerSheet = XLSX.excelRows
    static let bytesPerSheet: UInt64 = 3 << 30

    public init(sheetName: String) {
        self.sheetName = XLSX.cleanSheetName(sheetName)
    }

    /// Adds rows (the very first the header row) and returns the bytes now ready to send.
    public mutating func append<S: Sequence<[String]>>(_ rows: S) throws -> Data {
        precondition(!finished, "XLSXStream: rows after finish()")
        var iterator = rows.makeIterator()
        var batch: [[String]] = []
        while let row = iterator.next() { batch.append(row) }
        if sheets == 0, !batch.isEmpty {
            header = batch[0]
            widths = Self.columnWidths(batch)
            frozen = batch.count > 1
            try startSheet()
        }
        var xml = ""
        for row in batch {
            if nextRow > rowsPerSheet || zip.openEntrySize > Self.bytesPerSheet {
                try flush(&xml)
                try endSheet()
                try startSheet()
                if let header { xml += Self.rowXML(header, number: 1, isHeader: true) }
                nextRow = 2
            }
            if !SpreadsheetTable.isBlank(row) {
                xml += Self.rowXML(row, number: nextRow, isHeader: nextRow == 1)
            }
            nextRow += 1
            if xml.utf8.count > 256 * 1024 { try flush(&xml) }
        }
        try flush(&xml)
        return Data(zip.take())
    }

    /// Ends the workbook and returns its last bytes.
    public mutating func finish() throws -> Data {
        precondition(!finished, "XLSXStream: finish() twice")
        finished = true
        if sheets == 0 { try startSheet() }
        try endSheet()
        try zip.add("[Content_Types].xml", Array(Self.contentTypesXML(sheets: sheets).utf8))
        try zip.add("_rels/.rels", Array(Self.rootRelsXML.utf8))
        try zip.add("xl/workbook.xml", Array(Self.workbookXML(sheetNames: sheetNames).utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array(Self.workbookRelsXML(sheets: sheets).utf8))
        try zip.add("xl/styles.xml", Array(Self.stylesXML.utf8))
        try zip.finish()
        return Data(zip.take())
    }

    private var sheetNames: [String] {
        (1...max(sheets, 1)).map { n in
            guard n > 1 else { return sheetName }
            let suffix = " (\(n))"
            var base = sheetName
            while (base + suffix).utf16.count > 31 { base.removeLast() }
            return base + suffix
        }
    }

    private mutating func flush(_ xml: inout String) throws {
        guard !xml.isEmpty else { return }
        try zip.write(Array(xml.utf8))
        xml = ""
    }

    private mutating func startSheet() throws {
        sheets += 1
        try zip.start("xl/worksheets/sheet\(sheets).xml")
        try zip.write(Array(Self.sheetStartXML(widths: widths, frozen: frozen).utf8))
    }

    private mutating func endSheet() throws {
        try zip.write(Array("</sheetData></worksheet>".utf8))
        try zip.end()
    }

    // MARK: - Sheet XML

    static func sheetStartXML(widths: [Int], frozen: Bool) -> String {
        var xml = header + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relNamespace)\">"
        if frozen {
            xml +=
                "<sheetViews><sheetView workbookViewId=\"0\">"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\"/></sheetView></sheetViews>"
        } else {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            xml += "<cols>"
            for (column, width) in widths.enumerated() {
                xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }

    /// Width of each column in Excel's character units: the longest line of its cells, 8 to 60.
    static func columnWidths(_ rows: [[String]]) -> [Int] {
        let columnCount = rows.map(\.count).max() ?? 0
        return (0..<columnCount).map { column in
            var width = 0
            for row in rows where column < row.count {
                width = max(width, displayWidth(row[column]))
            }
            return min(max(width + 2, 8), 60)
        }
    }

    /// One `<row>`; empty cells are left out.
    static func rowXML(_ row: [String], number r: Int, isHeader: Bool) -> String {
        // Rows with line breaks get an explicit height: not every program grows a row to fit wrapped
        // text when it opens the file.
        let lines = row.map { lineCount($0) }.max() ?? 1
        var xml = lines > 1 ? "<row r=\"\(r)\" ht=\"\(min(lines, 10) * 15)\" customHeight=\"1\">" : "<row r=\"\(r)\">"
        for (column, cell) in row.enumerated() where !cell.isEmpty {
            let ref = "\(XLSX.columnName(column))\(r)"
            if XLSX.isExactInteger(cell) {
                xml += "<c r=\"\(ref)\" s=\"\(isHeader ? 1 : 2)\"><v>\(cell)</v></c>"
            } else if !isHeader, let value = typedValue(cell) {
                xml += "<c r=\"\(ref)\"\(value.style.map { " s=\"\($0)\"" } ?? "")><v>\(value.number)</v></c>"
            } else {
                let multiline = cell.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
                let style = isHeader ? " s=\"1\"" : (multiline ? " s=\"3\"" : "")
                let space = cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
                let preserve = space ? " xml:space=\"preserve\"" : ""
                xml +=
                    "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t\(preserve)>"
                    + XLSX.escapeXML(XLSX.escapeXString(cell)) + "</t></is></c>"
            }
        }
        return xml + "</row>"
    }

    /// The number and style of a decimal, date or time cell; nil for text.
    static func typedValue(_ cell: String) -> (number: String, style: Int?)? {
        if isPlainDecimal(cell) { return (cell, nil) }
        if let serial = XLSXDates.serial(of: cell) {
            return (XLSXDates.render(serial), cell.utf8.count == 10 ? dateStyle : timeStyle)
        }
        return nil
    }

    /// "12.5", "-0.25": a decimal that reads back exactly as written (no trailing zero, at most 15 digits).
    static func isPlainDecimal(_ text: String) -> Bool {
        let body = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        guard let dot = body.firstIndex(of: 0x2E) else { return false }
        let whole = body[..<dot]
        let fraction = body[body.index(after: dot)...]
        guard !whole.isEmpty, !fraction.isEmpty, whole.count + fraction.count <= 15,
            whole.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), fraction.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            whole.first != 0x30 || whole.count == 1, fraction.last != 0x30
        else { return false }
        return XLSX.renderNumber(text) == text
    }

    /// Number of lines of a cell (CR, LF and CRLF each end a line).
    static func lineCount(_ text: String) -> Int {
        var count = 1
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && previous != "\r") { count += 1 }
            previous = scalar
        }
        return count
    }

    /// Approximate column width in Excel character units (CJK counts 2), taking the longest line of a
    /// multi-line cell.
    static func displayWidth(_ text: String) -> Int {
        var best = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                best = max(best, current)
                current = 0
            } else {
                current += scalar.value < 0x1100 ? 1 : 2
            }
        }
        return max(best, current)
    }

    // MARK: - Package parts

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let dateStyle = 4
    static let timeStyle = 5

    static func contentTypesXML(sheets: Int) -> String {
        var xml =
            header
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for n in 1...max(sheets, 1) {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(n).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>"
    }

    static let rootRelsXML =
        header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbookXML(sheetNames: [String]) -> String {
        var sheets = ""
        for (index, name) in sheetNames.enumerated() {
            sheets += "<sheet name=\"\(XLSX.escapeXML(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return header
            + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relNamespace)\">"
            + "<bookViews><workbookView/></bookViews><sheets>\(sheets)</sheets></workbook>"
    }

    static func workbookRelsXML(sheets: Int) -> String {
        var xml = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for n in 1...max(sheets, 1) {
            xml +=
                "<Relationship Id=\"rId\(n)\" Type=\"\(relNamespace)/worksheet\" Target=\"worksheets/sheet\(n).xml\"/>"
        }
        return xml
            + "<Relationship Id=\"rId\(max(sheets, 1) + 1)\" Type=\"\(relNamespace)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Style 0: default; 1: bold (header row); 2: number format "0" (integers in full); 3: wrapped text
    /// (cells with line breaks); 4: a date (yyyy-mm-dd); 5: a date and time (yyyy-mm-dd hh:mm).
    static let stylesXML =
        header
        + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts>"
        + "<fonts count=\"2\">"
        + "<font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "</fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
