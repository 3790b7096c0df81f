import Foundation
import ZIPFoundation

/// Office Open XML workbooks (.xlsx): reads the first worksheet, writes one.
public enum XLSX {
    /// Excel's own limits: the range A1:XFD1048576.
    static let excelRows = 1_048_576
    static let excelColumns = 16_384

    // MARK: - Reading

    /// Reads the first visible worksheet as text.
    ///
    /// Cells are placed by their reference ("C5"), so gaps stay in the right
    /// column and row; `rows[i]` is sheet row `i + 1`. Shared strings (also rich
    /// text), inline strings, formula results, booleans ("TRUE"/"FALSE") and
    /// numbers are read; integers are written out in full ("1234567890", "4"),
    /// other numbers with up to 15 significant digits. A number in a cell with a
    /// date format comes out as "2026-10-03" (with " 09:30" for a date-and-time
    /// format). Cell text is trimmed like in `CSV.parse`; fully empty
    /// rows at the end are dropped.
    ///
    /// The file is untrusted: `SpreadsheetLimits` caps the inflated size of each
    /// part and of all parts together (counted while inflating, whatever sizes the
    /// archive declares), the shared strings, the length of a cell, the columns,
    /// rows and cells. Reading stops at the first limit exceeded. Empty cells right
    /// of the last column and empty rows below the last row (formatting only) are
    /// ignored. Row numbers and cell references outside A1:XFD1048576 are refused.
    ///
    /// - Throws: `SpreadsheetError.invalidExcel` when the data is not a ZIP or
    ///   holds no worksheet, `.empty` when the sheet has no non-empty cell,
    ///   `.invalidRowNumber` or `.invalidCellReference` for a malformed `r`
    ///   attribute, one of the limit errors (`.partTooLarge`, `.unpackedTooLarge`,
    ///   `.tooManySharedStrings`, `.cellTooLong`, `.tooManyColumns`,
    ///   `.tooManyRows`, `.tooManyCells`) when a limit is exceeded.
    public static func read(_ data: Data) throws -> SpreadsheetTable {
        guard data.count >= 22, data.prefix(2) == Data([0x50, 0x4B]) else {
            throw SpreadsheetError.invalidExcel
        }
        // Uploaded files are untrusted: ZIPFoundation's Archive reader traps
        // (crashes the process) or loops forever on some corrupt ZIPs, so the
        // directory is read here with bounds checks and ZIPFoundation is only
        // used to inflate.
        var zip = try ZipReader(data)
        let entries = zip.entries
        func part(_ path: String) throws -> [UInt8]? {
            guard let entry = entries[normalizedPartName(path)] else { return nil }
            return try zip.contents(of: entry)
        }

        // Package -> workbook -> first sheet.
        var workbookPath = "xl/workbook.xml"
        if let rootRels = try part("_rels/.rels") {
            let rels = relationships(rootRels, baseDirectory: "")
            if let target = rels.first(where: { $0.type.hasSuffix("/officeDocument") })?.target,
                entries[normalizedPartName(target)] != nil
            {
                workbookPath = target
            }
        }
        let workbookDir = directory(of: workbookPath)
        var sheetPath: String?
        var sharedStringsPath = workbookDir + "sharedStrings.xml"
        var stylesPath = workbookDir + "styles.xml"
        if let workbook = try part(workbookPath) {
            let rels =
                try part(workbookDir + "_rels/" + fileName(of: workbookPath) + ".rels")
                .map { relationships($0, baseDirectory: workbookDir) } ?? []
            if let shared = rels.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
                sharedStringsPath = shared.target
            }
            if let styles = rels.first(where: { $0.type.hasSuffix("/styles") }) {
                stylesPath = styles.target
            }
            let targets = Dictionary(rels.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
            let sheets = sheetEntries(workbook).compactMap { sheet -> (path: String, hidden: Bool)? in
                guard let target = targets[sheet.relationshipID], entries[normalizedPartName(target)] != nil
                else { return nil }
                return (target, sheet.hidden)
            }
            sheetPath = (sheets.first(where: { !$0.hidden }) ?? sheets.first)?.path
        }
        if sheetPath == nil, entries["xl/worksheets/sheet1.xml"] != nil {
            sheetPath = "xl/worksheets/sheet1.xml"
        }
        if sheetPath == nil {
            sheetPath = entries.keys.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.min()
        }
        guard let sheetPath, let sheetXML = try part(sheetPath) else { throw SpreadsheetError.invalidExcel }

        let shared = try part(sharedStringsPath).map(sharedStrings) ?? []
        let dateStyles = try part(stylesPath).map(XLSXDates.dateStyles) ?? [:]
        var rows = try cells(of: sheetXML, sharedStrings: shared, dateStyles: dateStyles)
        while let last = rows.last, SpreadsheetTable.isBlank(last) { rows.removeLast() }
        if rows.isEmpty { throw SpreadsheetError.empty }
        return SpreadsheetTable(rows: rows)
    }

    static func normalizedPartName(_ path: String) -> String {
        var name = path.replacingOccurrences(of: "\\", with: "/")
        while name.hasPrefix("/") { name.removeFirst() }
        return name.lowercased()
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    private static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Resolves a relationship target against the directory of its source part.
    private static func resolve(_ target: String, baseDirectory: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : baseDirectory + target
        var parts: [Substring] = []
        for piece in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "." { continue }
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }

    private struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    private static func relationships(_ xml: [UInt8], baseDirectory: String) -> [Relationship] {
        var scanner = XMLScanner(xml)
        var result: [Relationship] = []
        while let token = scanner.next() {
            guard case .start(let name, let attributes, _) = token, name == "Relationship",
                let id = attributes["Id"], let target = attributes["Target"]
            else { continue }
            if attributes["TargetMode"] == "External" { continue }
            result.append(
                Relationship(
                    id: id, type: attributes["Type"] ?? "",
                    target: resolve(target, baseDirectory: baseDirectory)))
        }
        return result
    }

    private static func sheetEntries(_ xml: [UInt8]) -> [(relationshipID: String, hidden: Bool)] {
        var scanner = XMLScanner(xml)
        var result: [(relationshipID: String, hidden: Bool)] = []
        while let token = scanner.next() {
            // The r:id attribute is keyed by its local name "id".
            guard case .start("sheet", let attributes, _) = token, let id = attributes["id"] else { continue }
            let state = attributes["state"] ?? "visible"
            result.append((id, state != "visible"))
        }
        return result
    }

    /// The shared-string table; nil stands for a string longer than
    /// `SpreadsheetLimits.maxCellLength`, which is an error only when a cell uses it.
    private static func sharedStrings(_ xml: [UInt8]) throws -> [String?] {
        var scanner = XMLScanner(xml)
        var result: [String?] = []
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        var buffer: [UInt8] = []
        var tooLong = false
        func add(_ string: String?) throws {
            guard result.count < SpreadsheetLimits.maxSharedStrings else {
                throw SpreadsheetError.tooManySharedStrings
            }
            result.append(string)
        }
        while let token = scanner.next() {
            switch token {
            case .start("si", _, let selfClosing):
                if selfClosing {
                    try add("")
                } else {
                    inItem = true
                    tooLong = false
                    buffer.removeAll(keepingCapacity: true)
                }
            case .end("si"):
                if tooLong {
                    try add(nil)
                } else {
                    let text = unescapeXString(String(decoding: buffer, as: UTF8.self))
                    try add(isTooLong(text) ? nil : text)
                }
                inItem = false
            case .start("rPh", _, let selfClosing):
                if !selfClosing { phoneticDepth += 1 }
            case .end("rPh"):
                phoneticDepth = max(0, phoneticDepth - 1)
            case .start("t", _, let selfClosing):
                inText = inItem && phoneticDepth == 0 && !selfClosing
            case .end("t"):
                inText = false
            case .text(let range):
                if inText, !tooLong {
                    scanner.appendText(range, to: &buffer, limit: maxCellBytes)
                    tooLong = buffer.count > maxCellBytes
                }
            case .cdata(let range):
                if inText, !tooLong {
                    scanner.appendRaw(range, to: &buffer, limit: maxCellBytes)
                    tooLong = buffer.count > maxCellBytes
                }
            default:
                break
            }
        }
        return result
    }

    /// Bytes of cell text (before `_xHHHH_` escapes are decoded) that certainly
    /// hold more than `SpreadsheetLimits.maxCellLength` characters: a character
    /// takes at most 7 bytes (`_x0001_`).
    private static let maxCellBytes = SpreadsheetLimits.maxCellLength * 7

    private static func isTooLong(_ text: String) -> Bool {
        text.unicodeScalars.count > SpreadsheetLimits.maxCellLength
    }

    /// The cells of a worksheet, each row padded with "" up to its last non-empty cell.
    private static func cells(of xml: [UInt8], sharedStrings: [String?], dateStyles: [Int: XLSXDates.Kind])
        throws -> [[String]]
    {
        var scanner = XMLScanner(xml)
        var rows: [[String]] = []
        var cellCount = 0
        var rowIndex = -1
        var row: [String] = []
        var inRow = false
        var column = -1
        var cellType = "n"
        var cellStyle = 0
        var inCell = false
        var inValue = false
        var inInline = false
        var inText = false
        var phoneticDepth = 0
        var value: [UInt8] = []
        var inlineText: [UInt8] = []

        func cellTooLong() -> SpreadsheetError {
            .cellTooLong(row: rowIndex + 1, column: column + 1)
        }
        /// Stores the row read (if it has a non-empty cell) at `rowIndex`.
        func commitRow() throws {
            guard !row.isEmpty else { return }
            guard rowIndex < SpreadsheetLimits.maxRows else { throw SpreadsheetError.tooManyRows }
            if rows.count <= rowIndex {
                rows.append(contentsOf: repeatElement([], count: rowIndex + 1 - rows.count))
            }
            let before = rows[rowIndex].count
            if before == 0 {
                rows[rowIndex] = row
            } else {
                // The same row number twice: merge.
                for (index, cell) in row.enumerated() where !cell.isEmpty {
                    while rows[rowIndex].count <= index { rows[rowIndex].append("") }
                    rows[rowIndex][index] = cell
                }
            }
            cellCount += rows[rowIndex].count - before
            if cellCount > SpreadsheetLimits.maxCells { throw SpreadsheetError.tooManyCells }
        }
        func commitCell() throws {
            let raw = String(decoding: value, as: UTF8.self)
            let text: String
            switch cellType {
            case "s":
                let index = Int(raw.trimmingCharacters(in: .whitespaces)) ?? -1
                guard sharedStrings.indices.contains(index) else { return }
                guard let string = sharedStrings[index] else { throw cellTooLong() }
                text = string
            case "inlineStr":
                text = inlineText.isEmpty ? raw : unescapeXString(String(decoding: inlineText, as: UTF8.self))
            case "b":
                let flag = raw.trimmingCharacters(in: .whitespaces)
                text = flag.isEmpty ? "" : (flag == "1" || flag.lowercased() == "true" ? "TRUE" : "FALSE")
            case "n":
                if let kind = dateStyles[cellStyle], let serial = Double(raw.trimmingCharacters(in: .whitespaces)),
                    let date = XLSXDates.text(serial: serial, withTime: kind == .dateTime)
                {
                    text = date
                } else {
                    text = renderNumber(raw)
                }
            default:  // "str" (formula result), "e" (error such as #N/A), "d" (ISO date)
                text = raw
            }
            if isTooLong(text) { throw cellTooLong() }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return }
            guard column < SpreadsheetLimits.maxColumns else {
                throw SpreadsheetError.tooManyColumns(column: columnName(column))
            }
            while row.count < column { row.append("") }
            if row.count == column { row.append(trimmed) } else { row[column] = trimmed }
        }

        while let token = scanner.next() {
            switch token {
            case .start("row", let attributes, let selfClosing):
                if let reference = attributes["r"] {
                    guard let number = rowNumber(reference) else {
                        throw SpreadsheetError.invalidRowNumber(SpreadsheetError.shortened(reference))
                    }
                    rowIndex = number - 1
                } else {
                    rowIndex += 1
                }
                row = []
                column = -1
                inRow = !selfClosing
            case .end("row"):
                if inRow { try commitRow() }
                inRow = false
            case .start("c", let attributes, let selfClosing):
                if let reference = attributes["r"] {
                    guard let index = columnIndex(reference) else {
                        throw SpreadsheetError.invalidCellReference(SpreadsheetError.shortened(reference))
                    }
                    column = index
                } else {
                    column += 1
                }
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
                value.removeAll(keepingCapacity: true)
                inlineText.removeAll(keepingCapacity: true)
                inCell = !selfClosing && inRow
            case .end("c"):
                if inCell { try commitCell() }
                inCell = false
                inValue = false
                inInline = false
                inText = false
            case .start("v", _, let selfClosing):
                inValue = inCell && !selfClosing
            case .end("v"):
                inValue = false
            case .start("is", _, let selfClosing):
                inInline = inCell && !selfClosing
            case .end("is"):
                inInline = false
            case .start("rPh", _, let selfClosing):
                if !selfClosing { phoneticDepth += 1 }
            case .end("rPh"):
                phoneticDepth = max(0, phoneticDepth - 1)
            case .start("t", _, let selfClosing):
                inText = inInline && phoneticDepth == 0 && !selfClosing
            case .end("t"):
                inText = false
            case .text(let range):
                if inValue {
                    scanner.appendText(range, to: &value, limit: maxCellBytes)
                    if value.count > maxCellBytes { throw cellTooLong() }
                } else if inText {
                    scanner.appendText(range, to: &inlineText, limit: maxCellBytes)
                    if inlineText.count > maxCellBytes { throw cellTooLong() }
                }
            case .cdata(let range):
                if inValue {
                    scanner.appendRaw(range, to: &value, limit: maxCellBytes)
                    if value.count > maxCellBytes { throw cellTooLong() }
                } else if inText {
                    scanner.appendRaw(range, to: &inlineText, limit: maxCellBytes)
                    if inlineText.count > maxCellBytes { throw cellTooLong() }
                }
            case .end("sheetData"):
                return rows
            default:
                break
            }
        }
        return rows
    }

    /// 0-based column of a cell reference like "C5" or "AB12": one to three
    /// letters up to XFD, then a row number (see `rowNumber`) or nothing; nil
    /// otherwise. Never does arithmetic that can overflow.
    static func columnIndex(_ reference: String) -> Int? {
        let bytes = reference.utf8
        var column = 0
        var letters = 0
        var rest = bytes.startIndex
        while rest < bytes.endIndex {
            let b = bytes[rest]
            let value: Int
            if b >= 0x41 && b <= 0x5A {
                value = Int(b - 0x40)
            } else if b >= 0x61 && b <= 0x7A {
                value = Int(b - 0x60)
            } else {
                break
            }
            letters += 1
            guard letters <= 3 else { return nil }
            column = column * 26 + value
            rest = bytes.index(after: rest)
        }
        guard letters > 0, column <= excelColumns else { return nil }
        if rest < bytes.endIndex, rowNumber(reference[rest...]) == nil { return nil }
        return column - 1
    }

    /// The row number in a `<row r="…">` attribute or after a cell reference's
    /// letters: decimal digits for 1…1 048 576 (leading zeros allowed), nil for
    /// anything else (a sign, "0", more than Excel's rows, …). Never does
    /// arithmetic that can overflow.
    static func rowNumber<S: StringProtocol>(_ text: S) -> Int? {
        var number = 0
        var digits = 0
        for b in text.utf8 {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            if number == 0 && b == 0x30 {
                digits = max(digits, 1)
                continue
            }
            digits += 1
            // Seven significant digits reach past 1 048 576; more cannot be a row.
            guard number < excelRows else { return nil }
            number = number * 10 + Int(b - 0x30)
        }
        guard digits > 0, number >= 1, number <= excelRows else { return nil }
        return number
    }

    /// "A" for 0, "Z" for 25, "AA" for 26.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            name.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(name.reversed())
    }

    /// Renders a numeric cell value the way a user typed it: integers in full
    /// ("1234567890", not "1.23456789E9"; "4" for 4.0), other numbers with up
    /// to 15 significant digits (Excel's precision), which hides binary noise
    /// such as 0.30000000000000004.
    static func renderNumber(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return "" }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        if !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return text }
        guard let number = Double(text), number.isFinite else { return text }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return String(format: "%.15g", number)
    }

    /// Decodes the `_xHHHH_` escapes that Excel uses for control characters in
    /// shared and inline strings ("_x000D_" is CR, "_x005F_" a literal "_").
    static func unescapeXString(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
                scalars[(i + 2)..<(i + 6)].allSatisfy({ $0.properties.isASCIIHexDigit })
            {
                let hex = String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)]))
                if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                    out.append(scalar)
                    i += 7
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    // MARK: - Writing

    /// Writes `table` as a one-sheet workbook that Excel, WPS and LibreOffice open.
    ///
    /// Text goes into inline strings (no shared-string table); integers, decimals, dates and times become
    /// typed cells (see `XLSXStream`); longer digit strings such as ID card numbers and codes with a leading
    /// zero stay text. The first row is bold and frozen; column widths follow the content (CJK characters
    /// count double). Empty cells are left out. `sheetName` is cleaned up to Excel's rules (at most 31
    /// characters, none of `: \ / ? * [ ]`).
    public static func write(_ table: SpreadsheetTable, sheetName: String = "Sheet1") throws -> Data {
        var stream = XLSXStream(sheetName: sheetName)
        var data = try stream.append(table.rows)
        data += try stream.finish()
        return data
    }

    /// A deflated in-memory ZIP of `files`.
    static func zip(_ files: [(path: String, data: Data)]) throws -> Data {
        var zip = ZipStream()
        for (path, data) in files { try zip.add(path, [UInt8](data)) }
        try zip.finish()
        return Data(zip.take())
    }

    /// The bytes of one file inside a ZIP, nil if it is not there.
    static func unzip(_ path: String, from data: Data) throws -> [UInt8]? {
        var zip = try ZipReader(data)
        guard let entry = zip.entries[normalizedPartName(path)] else { return nil }
        return try zip.contents(of: entry)
    }

    static func cleanSheetName(_ name: String) -> String {
        let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]
        var cleaned = String(name.map { forbidden.contains($0) ? "_" : $0 })
        cleaned = String(cleaned.unicodeScalars.filter { $0.value >= 0x20 })
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        // Excel counts UTF-16 units.
        while cleaned.utf16.count > 31 { cleaned.removeLast() }
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }

    /// True for integers that a numeric cell shows exactly: no leading zero,
    /// at most 15 digits.
    static func isExactInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return false
        }
        if digits.first == 0x30 { return digits.count == 1 && !text.hasPrefix("-") }
        return true
    }

    /// Escapes text for element content and attribute values.
    static func escapeXML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Excel's `_xHHHH_` escaping: characters XML 1.0 cannot carry (control
    /// characters other than tab, LF and CR; U+FFFE, U+FFFF) are written as
    /// `_xHHHH_`, and a literal "_x" that would read as an escape gets its "_"
    /// escaped as `_x005F_`.
    static func escapeXString(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var needs = false
        for (i, scalar) in scalars.enumerated() {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF {
                needs = true
                out.append(contentsOf: String(format: "_x%04X_", v).unicodeScalars)
            } else if scalar == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
                scalars[(i + 2)..<(i + 6)].allSatisfy({ $0.properties.isASCIIHexDigit })
            {
                needs = true
                out.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return needs ? String(out) : text
    }
}

/// Reads the directory of a ZIP archive with every offset and size checked
/// against the data, and the stored or deflated contents of its files.
/// ZIP64 and encrypted entries are not supported (Excel does not write them
/// for sheets of any realistic size).
struct ZipReader {
    struct Entry {
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    /// Files by `XLSX.normalizedPartName`; the first of duplicate names wins.
    private(set) var entries: [String: Entry] = [:]
    /// Bytes inflated so far by `contents(of:)`, against `SpreadsheetLimits.maxUnpackedBytes`.
    private(set) var unpackedBytes = 0

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        let count = bytes.count
        guard count >= 22 else { throw SpreadsheetError.invalidExcel }
        // The end-of-central-directory record: the last signature within the
        // final 22 + 65535 (maximum comment) bytes.
        var eocd = -1
        var position = count - 22
        while position >= max(0, count - 22 - 0xFFFF) {
            if try u32(position) == 0x0605_4B50 {
                eocd = position
                break
            }
            position -= 1
        }
        guard eocd >= 0 else { throw SpreadsheetError.invalidExcel }
        let entryCount = Int(try u16(eocd + 10))
        let directorySize = Int(try u32(eocd + 12))
        let directoryOffset = Int(try u32(eocd + 16))
        guard directoryOffset + directorySize <= eocd else { throw SpreadsheetError.invalidExcel }

        var p = directoryOffset
        for _ in 0..<entryCount {
            guard p + 46 <= directoryOffset + directorySize, try u32(p) == 0x0201_4B50 else {
                throw SpreadsheetError.invalidExcel
            }
            let nameLength = Int(try u16(p + 28))
            let extraLength = Int(try u16(p + 30))
            let commentLength = Int(try u16(p + 32))
            let nameEnd = p + 46 + nameLength
            guard nameEnd <= count else { throw SpreadsheetError.invalidExcel }
            let name = String(decoding: bytes[(p + 46)..<nameEnd], as: UTF8.self)
            let entry = Entry(
                method: try u16(p + 10), flags: try u16(p + 8), crc: try u32(p + 16),
                compressedSize: Int(try u32(p + 20)), uncompressedSize: Int(try u32(p + 24)),
                localHeaderOffset: Int(try u32(p + 42)))
            p = nameEnd + extraLength + commentLength
            let key = XLSX.normalizedPartName(name)
            if !name.hasSuffix("/"), entries[key] == nil { entries[key] = entry }
        }
    }

    /// The uncompressed contents of `entry`, checked against its CRC-32.
    ///
    /// Sizes are checked against `SpreadsheetLimits.maxPartBytes` (this entry) and
    /// `maxUnpackedBytes` (all entries read so far) while inflating, so an entry
    /// that declares a small size but inflates to a large one stops at the limit.
    mutating func contents(of entry: Entry) throws -> [UInt8] {
        let zip64 = 0xFFFF_FFFF
        guard entry.flags & 0x1 == 0,  // encrypted
            entry.compressedSize != zip64, entry.uncompressedSize != zip64, entry.localHeaderOffset != zip64
        else { throw SpreadsheetError.invalidExcel }
        let alreadyUnpacked = unpackedBytes
        /// Throws when `size` bytes of this entry would exceed a limit.
        func check(_ size: Int) throws {
            if size > SpreadsheetLimits.maxPartBytes { throw SpreadsheetError.partTooLarge }
            if size > SpreadsheetLimits.maxUnpackedBytes - alreadyUnpacked {
                throw SpreadsheetError.unpackedTooLarge
            }
        }
        // The declared size refuses an honest large file before any work is done.
        try check(entry.uncompressedSize)
        let header = entry.localHeaderOffset
        guard try u32(header) == 0x0403_4B50 else { throw SpreadsheetError.invalidExcel }
        let start = header + 30 + Int(try u16(header + 26)) + Int(try u16(header + 28))
        let end = start + entry.compressedSize
        guard end <= bytes.count else { throw SpreadsheetError.invalidExcel }

        var output: [UInt8] = []
        switch entry.method {
        case 0:  // stored
            try check(entry.compressedSize)
            output = Array(bytes[start..<end])
            guard Data(output).crc32(checksum: 0) == entry.crc else { throw SpreadsheetError.invalidExcel }
        case 8:  // deflated
            output.reserveCapacity(min(entry.uncompressedSize, 16 * 1_048_576))
            let compressedSize = entry.compressedSize
            let source = bytes
            let crc: CRC32
            do {
                crc = try Data.decompress(
                    size: Int64(compressedSize), bufferSize: 64 * 1024, skipCRC32: false,
                    provider: { position, size in
                        // ZIPFoundation's inflate loop hands zlib `size` bytes whatever
                        // the chunk holds and never stops on an empty chunk, so: always
                        // a full chunk (zero padding after the data, which a corrupt
                        // stream then fails on), and an error once past the end.
                        let offset = Int(position)
                        guard offset < compressedSize || (offset == 0 && compressedSize == 0) else {
                            throw SpreadsheetError.invalidExcel
                        }
                        var chunk = Data(source[(start + offset)..<min(start + offset + size, end)])
                        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                        return chunk
                    },
                    consumer: { chunk in
                        try check(output.count + chunk.count)
                        output.append(contentsOf: chunk)
                    })
            } catch let error as SpreadsheetError {
                throw error
            } catch {
                throw SpreadsheetError.invalidExcel
            }
            guard crc == entry.crc else { throw SpreadsheetError.invalidExcel }
        default:
            throw SpreadsheetError.invalidExcel
        }
        unpackedBytes += output.count
        return output
    }

    private func u16(_ offset: Int) throws -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { throw SpreadsheetError.invalidExcel }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private func u32(_ offset: Int) throws -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw SpreadsheetError.invalidExcel }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}

/// A minimal, non-validating XML tokenizer for the parts of an .xlsx file.
///
/// It reports start tags (local name, attributes keyed by local name), end
/// tags, text and CDATA; it skips the XML declaration, processing
/// instructions, comments and DOCTYPE (no entity expansion beyond the five
/// predefined entities and character references, so no XXE).
struct XMLScanner {
    enum Token {
        case start(String, [String: String], selfClosing: Bool)
        case end(String)
        case text(Range<Int>)
        case cdata(Range<Int>)
    }

    /// Attributes kept per tag (Excel writes at most about a dozen); later ones are
    /// skipped, so that a tag with millions of attributes costs no memory.
    static let maxAttributes = 64

    let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func next() -> Token? {
        let n = bytes.count
        while position < n {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                while position < n, bytes[position] != UInt8(ascii: "<") { position += 1 }
                return .text(start..<position)
            }
            // At "<".
            if matches("<?", at: position) {
                guard skip(past: Array("?>".utf8)) else { return nil }
                continue
            }
            if matches("<!--", at: position) {
                guard skip(past: Array("-->".utf8)) else { return nil }
                continue
            }
            if matches("<![CDATA[", at: position) {
                let start = position + 9
                position = start
                guard let end = find(Array("]]>".utf8), from: start) else { return nil }
                position = end + 3
                return .cdata(start..<end)
            }
            if matches("<!", at: position) {
                // DOCTYPE and the like: skip, honouring an internal subset in [ ].
                var depth = 0
                while position < n {
                    let b = bytes[position]
                    position += 1
                    if b == UInt8(ascii: "[") { depth += 1 }
                    if b == UInt8(ascii: "]") { depth -= 1 }
                    if b == UInt8(ascii: ">"), depth <= 0 { break }
                }
                continue
            }
            if matches("</", at: position) {
                position += 2
                let start = position
                while position < n, bytes[position] != UInt8(ascii: ">") { position += 1 }
                guard position < n else { return nil }
                let name = localName(trimmedString(start..<position))
                position += 1
                return .end(name)
            }
            return startTag()
        }
        return nil
    }

    /// Appends the text in `range` with entities decoded, stopping as soon as
    /// `out` holds more than `limit` bytes.
    func appendText(_ range: Range<Int>, to out: inout [UInt8], limit: Int = .max) {
        var i = range.lowerBound
        while i < range.upperBound, out.count <= limit {
            let b = bytes[i]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var end = i + 1
            while end < range.upperBound, end - i <= 10, bytes[end] != UInt8(ascii: ";") { end += 1 }
            guard end < range.upperBound, bytes[end] == UInt8(ascii: ";") else {
                out.append(b)
                i += 1
                continue
            }
            let entity = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
            var decoded: String?
            switch entity {
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "amp": decoded = "&"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                out.append(contentsOf: decoded.utf8)
                i = end + 1
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    /// Appends the bytes in `range` (CDATA), stopping as soon as `out` holds more
    /// than `limit` bytes.
    func appendRaw(_ range: Range<Int>, to out: inout [UInt8], limit: Int = .max) {
        let room = limit - out.count
        guard room >= 0 else { return }
        let take = range.count <= room ? range.count : room + 1
        out.append(contentsOf: bytes[range.lowerBound..<(range.lowerBound + take)])
    }

    private mutating func startTag() -> Token? {
        let n = bytes.count
        position += 1
        let nameStart = position
        while position < n, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"),
            bytes[position] != UInt8(ascii: "/")
        {
            position += 1
        }
        let name = localName(String(decoding: bytes[nameStart..<position], as: UTF8.self))
        var attributes: [String: String] = [:]
        while position < n {
            while position < n, isSpace(bytes[position]) { position += 1 }
            guard position < n else { return nil }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return .start(name, attributes, selfClosing: false)
            }
            if bytes[position] == UInt8(ascii: "/") {
                position += 1
                while position < n, bytes[position] != UInt8(ascii: ">") { position += 1 }
                guard position < n else { return nil }
                position += 1
                return .start(name, attributes, selfClosing: true)
            }
            let keyStart = position
            while position < n, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "="),
                bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "/")
            {
                position += 1
            }
            let key = localName(String(decoding: bytes[keyStart..<position], as: UTF8.self))
            while position < n, isSpace(bytes[position]) { position += 1 }
            guard position < n, bytes[position] == UInt8(ascii: "=") else {
                if position == keyStart { position += 1 }  // stray character: make progress
                continue
            }
            position += 1
            while position < n, isSpace(bytes[position]) { position += 1 }
            guard position < n else { return nil }
            let quote = bytes[position]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            position += 1
            let valueStart = position
            while position < n, bytes[position] != quote { position += 1 }
            guard position < n else { return nil }
            var value: [UInt8] = []
            appendText(valueStart..<position, to: &value)
            position += 1
            if attributes.count < Self.maxAttributes, attributes[key] == nil {
                attributes[key] = String(decoding: value, as: UTF8.self)
            }
        }
        return nil
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for k in 0..<count where bytes[index + k] != buffer[k] { return false }
            return true
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private mutating func skip(past needle: [UInt8]) -> Bool {
        guard let index = find(needle, from: position) else { return false }
        position = index + needle.count
        return true
    }

    private func trimmedString(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

/// The names of the files in a ZIP archive (normalized: forward slashes, lower case, no leading slash), read from
/// its checked directory; used to recognise Office documents and to look inside an uploaded archive.
public enum ZipListing {
    public static func names(_ data: Data) throws -> [String] {
        try ZipReader(data).entries.keys.sorted()
    }
}
