import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Comma-separated values as Excel (and WPS) in China read and write them.
public enum CSV {
    /// Parses RFC 4180 CSV.
    ///
    /// - Text: a UTF-8 BOM is stripped; valid UTF-8 is read as UTF-8, anything
    ///   else as GB18030 (a superset of GBK and GB2312, which is what Excel in
    ///   China saves "CSV (逗号分隔)" as). A UTF-16 file with a BOM is also read.
    /// - Syntax: quoted fields with doubled quotes, commas and line breaks inside;
    ///   records end with CRLF, LF or CR. Parsing is lenient like Excel: a stray
    ///   quote inside an unquoted field is kept, an unterminated quote runs to the
    ///   end of the file. Line breaks inside a quoted field become "\n".
    /// - Cells: surrounding whitespace (including U+3000) is trimmed; a leading
    ///   apostrophe that `encode` added against formula injection is removed again.
    /// - Rows: an empty line gives `[]` (so row numbers stay right); fully empty
    ///   rows at the end are dropped.
    /// - Limits: `SpreadsheetLimits` caps the file size, the length of a cell and
    ///   of a record, the columns, rows and cells; reading stops at the first one
    ///   exceeded, with the error that names it. Empty cells right of the last
    ///   column and empty rows below the last row are ignored.
    ///
    /// - Throws: `SpreadsheetError.unknownEncoding` if the bytes are neither
    ///   UTF-8 nor GB18030 or contain NUL bytes, `SpreadsheetError.empty` if there
    ///   is no non-empty cell, one of the limit errors (`.fileTooLarge`,
    ///   `.cellTooLong`, `.lineTooLong`, `.tooManyColumns`, `.tooManyRows`,
    ///   `.tooManyCells`) when a limit is exceeded.
    public static func parse(_ data: Data) throws -> SpreadsheetTable {
        guard data.count <= SpreadsheetLimits.maxFileBytes else { throw SpreadsheetError.fileTooLarge }
        let text = try decode(data)
        var reader = RecordReader(Array(text.utf8))
        var rows = try reader.read()
        while let last = rows.last, SpreadsheetTable.isBlank(last) { rows.removeLast() }
        if rows.isEmpty { throw SpreadsheetError.empty }
        return SpreadsheetTable(rows: rows)
    }

    /// Writes CSV: UTF-8 (with a BOM by default, so that Excel detects the
    /// encoding), CRLF after every row, cells quoted when they contain a comma,
    /// quote, CR or LF. A cell that a spreadsheet would run as a formula (it
    /// starts with `=`, `+`, `-`, `@`, tab or CR and is not a plain number) gets
    /// a leading apostrophe: "=SUM(A1)" is written as "'=SUM(A1)", "-3" stays.
    public static func encode(_ table: SpreadsheetTable, bom: Bool = true) -> Data {
        encode(rows: table.rows, bom: bom)
    }

    /// Rows encoded as `encode` does, for a file written in pieces: the BOM goes with the first piece only.
    public static func encode<S: Sequence<[String]>>(rows: S, bom: Bool) -> Data {
        var out: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        for row in rows {
            if row.count == 1, row[0].isEmpty {
                out.append(contentsOf: [0x22, 0x22])  // keeps [""] apart from []
            }
            for (index, cell) in row.enumerated() {
                if index > 0 { out.append(0x2C) }
                appendField(neutralizeFormula(cell), to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return Data(out)
    }

    // MARK: - Formula injection

    private static let formulaStarters: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// "'" + cell when a spreadsheet would treat `cell` as a formula.
    static func neutralizeFormula(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarters.contains(Character(first)) else {
            return cell
        }
        return isPlainNumber(cell) ? cell : "'" + cell
    }

    /// Undoes `neutralizeFormula` for cells read back from a CSV.
    static func restoreFormula(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.dropFirst())
        guard let first = rest.unicodeScalars.first, formulaStarters.contains(Character(first)),
            !isPlainNumber(rest)
        else { return cell }
        return rest
    }

    /// True for text such as "42", "-3", "+1.5", ".5", "6.02e23".
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        /// Drops the first byte when it is one of `accepted`; true when it did.
        func skip(_ accepted: String) -> Bool {
            guard let first = bytes.first, accepted.utf8.contains(first) else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        /// Drops the leading digits; how many there were.
        func skipDigits() -> Int {
            var n = 0
            while let b = bytes.first, isDigit(b) {
                n += 1
                bytes = bytes.dropFirst()
            }
            return n
        }
        _ = skip("+-")
        var digits = skipDigits()
        if skip(".") { digits += skipDigits() }
        guard digits > 0 else { return false }
        if skip("eE") {
            _ = skip("+-")
            guard skipDigits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    // MARK: - Writing

    private static func appendField(_ cell: String, to out: inout [UInt8]) {
        let bytes = Array(cell.utf8)
        let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }

    // MARK: - Reading

    /// Splits UTF-8 text into records of trimmed fields in one pass over the bytes,
    /// enforcing `SpreadsheetLimits` as it goes: it stops at the first cell, record,
    /// column, row or cell count over a limit.
    private struct RecordReader {
        static let quote: UInt8 = 0x22
        static let comma: UInt8 = 0x2C
        static let cr: UInt8 = 0x0D
        static let lf: UInt8 = 0x0A

        let bytes: [UInt8]
        var i = 0
        var rows: [[String]] = []
        var row: [String] = []
        /// 0-based index of the record being read: its row number - 1.
        var record = 0
        /// 0-based index of the field being read.
        var column = 0
        var field: [UInt8] = []
        /// Characters (Unicode scalars) in `field` and in the current record so far.
        var fieldLength = 0
        var lineLength = 0
        var cells = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func read() throws -> [[String]] {
            let n = bytes.count
            while i < n {
                // At the start of a field.
                let lineStart = column == 0
                var j = i
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                let quoted = j < n && bytes[j] == Self.quote
                if quoted {
                    // The blanks before the quote and the quote itself are not part of the field.
                    try countLine(j - i + 1)
                    i = j + 1
                    while i < n {
                        let b = bytes[i]
                        if b == Self.quote {
                            if i + 1 < n, bytes[i + 1] == Self.quote {
                                try countLine(1)
                                try take(Self.quote)
                                i += 2
                            } else {
                                try countLine(1)
                                i += 1
                                break
                            }
                        } else if b == Self.cr || b == Self.lf {
                            try take(Self.lf)
                            skipLineBreak()
                        } else {
                            try take(b)
                            i += 1
                        }
                    }
                }
                // Unquoted, or after the closing quote: everything up to the delimiter, as is.
                while i < n, bytes[i] != Self.comma, bytes[i] != Self.cr, bytes[i] != Self.lf {
                    try take(bytes[i])
                    i += 1
                }
                // At a delimiter, a line break or the end.
                if i >= n {
                    try finishRecord(lineWasEmpty: false)
                } else if bytes[i] == Self.comma {
                    try countLine(1)
                    try finishField()
                    i += 1
                    if i >= n { try finishRecord(lineWasEmpty: false) }
                } else {
                    try finishRecord(lineWasEmpty: lineStart && !quoted && i == j)
                    skipLineBreak()
                }
            }
            return rows
        }

        /// Adds `count` ASCII characters to the length of the current record.
        private mutating func countLine(_ count: Int) throws {
            lineLength += count
            if lineLength > SpreadsheetLimits.maxLineLength {
                throw SpreadsheetError.lineTooLong(row: record + 1)
            }
        }

        /// Appends one byte to the field, counting it against the cell and record limits.
        private mutating func take(_ b: UInt8) throws {
            if b & 0xC0 != 0x80 {  // not a UTF-8 continuation byte: a new character
                fieldLength += 1
                if fieldLength > SpreadsheetLimits.maxCellLength {
                    throw SpreadsheetError.cellTooLong(row: record + 1, column: column + 1)
                }
                try countLine(1)
            }
            field.append(b)
        }

        /// Skips CR, LF or CRLF at `i` (which must be CR or LF).
        private mutating func skipLineBreak() {
            if bytes[i] == Self.cr, i + 1 < bytes.count, bytes[i + 1] == Self.lf { i += 2 } else { i += 1 }
        }

        private mutating func finishField() throws {
            defer {
                field.removeAll(keepingCapacity: true)
                fieldLength = 0
                column += 1
            }
            let text = String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard column < SpreadsheetLimits.maxColumns else {
                // Excel writes empty cells up to the last formatted column; those are dropped.
                if !text.isEmpty { throw SpreadsheetError.tooManyColumns(column: XLSX.columnName(column)) }
                return
            }
            row.append(CSV.restoreFormula(text))
        }

        private mutating func finishRecord(lineWasEmpty: Bool) throws {
            if !lineWasEmpty { try finishField() }
            defer {
                row = []
                field.removeAll(keepingCapacity: true)
                fieldLength = 0
                column = 0
                lineLength = 0
                record += 1
            }
            guard record < SpreadsheetLimits.maxRows else {
                // Empty rows further down (formatting only) are ignored; content is not.
                if !SpreadsheetTable.isBlank(row) { throw SpreadsheetError.tooManyRows }
                return
            }
            cells += row.count
            if cells > SpreadsheetLimits.maxCells { throw SpreadsheetError.tooManyCells }
            rows.append(row)
        }
    }

    // MARK: - Decoding

    private static func decode(_ data: Data) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding), !text.contains("\0")
            else { throw SpreadsheetError.unknownEncoding }
            return text
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) { throw SpreadsheetError.unknownEncoding }
        if let text = utf8String(bytes) { return text }
        if let text = decodeGB18030(bytes) { return text }
        throw SpreadsheetError.unknownEncoding
    }

    /// The text if `bytes` are valid UTF-8, else nil.
    static func utf8String(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding repairs invalid sequences with U+FFFD, which changes the bytes.
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// GB18030 (covers GBK and GB2312) to String, nil on an invalid sequence.
    static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "" }
        #if canImport(Glibc) || canImport(Musl)
            guard let cd = iconv_open("UTF-8", "GB18030"), Int(bitPattern: cd) != -1 else { return nil }
            defer { iconv_close(cd) }
            var input = bytes.map { CChar(bitPattern: $0) }
            // Output never exceeds 2x the input (2-byte GBK -> 3-byte UTF-8,
            // 4-byte GB18030 -> at most 4-byte UTF-8), so one call suffices.
            var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
            let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBytes { outRaw in
                    let outBase = outRaw.baseAddress!.assumingMemoryBound(to: CChar.self)
                    var inPtr = inBuf.baseAddress
                    var inLeft = inBuf.count
                    var outPtr: UnsafeMutablePointer<CChar>? = outBase
                    var outLeft = outRaw.count
                    let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    guard result != -1, inLeft == 0 else { return nil }
                    guard iconv(cd, nil, nil, &outPtr, &outLeft) != -1 else { return nil }
                    return outRaw.count - outLeft
                }
            }
            guard let produced else { return nil }
            return utf8String(Array(output[..<produced]))
        #else
            let cfEncoding = CFStringConvertEncodingToNSStringEncoding(
                CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))
            return String(data: Data(bytes), encoding: String.Encoding(rawValue: cfEncoding))
        #endif
    }
}
