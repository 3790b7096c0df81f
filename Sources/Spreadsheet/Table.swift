import Foundation

/// A plain grid of text cells read from or written to a CSV or .xlsx file.
///
/// `rows[0]` is the header row. Row `i` of the array is row `i + 1` as the
/// spreadsheet program shows it: empty rows in the middle of a sheet are kept
/// (as `[]`) so that error messages can quote the right row number. Fully
/// empty rows at the end are dropped by the readers. Rows may have different
/// lengths; a missing cell means "".
public struct SpreadsheetTable: Sendable, Equatable {
    public var rows: [[String]]

    public init(rows: [[String]] = []) {
        self.rows = rows
    }

    /// The first row, or `[]` for an empty table.
    public var headers: [String] { rows.first ?? [] }

    /// Every row after the header row.
    public var dataRows: ArraySlice<[String]> { rows.dropFirst() }

    /// The cell at a 0-based row and column, "" if it is out of range.
    public func cell(row: Int, column: Int) -> String {
        guard row >= 0, row < rows.count, column >= 0, column < rows[row].count else { return "" }
        return rows[row][column]
    }

    /// True when a row has no non-empty cell.
    public static func isBlank(_ row: [String]) -> Bool {
        row.allSatisfy { $0.isEmpty }
    }

    /// Reads an uploaded file, choosing the format from its content (and the
    /// file name's extension when the content alone does not tell).
    ///
    /// - A ZIP file (`PK\u{3}\u{4}`) is read as .xlsx.
    /// - An OLE2 compound file (old .xls, or an encrypted .xlsx) is refused with
    ///   `SpreadsheetError.legacyExcel`.
    /// - Anything else named `*.xlsx`/`*.xlsm` is `SpreadsheetError.invalidExcel`,
    ///   anything named `*.xls` is `SpreadsheetError.legacyExcel`, and the rest is
    ///   parsed as CSV.
    ///
    /// Both readers enforce `SpreadsheetLimits` while reading, so an uploaded file
    /// cannot exhaust the server; the error of a limit says what to change.
    public static func read(_ data: Data, fileName: String? = nil) throws -> SpreadsheetTable {
        let bytes = [UInt8](data.prefix(8))
        let ext = fileName.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        if bytes.isEmpty { throw SpreadsheetError.empty }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try XLSX.read(data)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw SpreadsheetError.legacyExcel
        }
        switch ext {
        case "xlsx", "xlsm": throw SpreadsheetError.invalidExcel
        case "xls": throw SpreadsheetError.legacyExcel
        default: return try CSV.parse(data)
        }
    }
}

/// Why a spreadsheet could not be read or written; `message` is shown to users.
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Not a readable .xlsx file (not a ZIP, or no worksheet inside).
    case invalidExcel
    /// An old binary .xls file (or an encrypted workbook), which is not supported.
    case legacyExcel
    /// A CSV that is neither UTF-8 nor GB18030/GBK, or that looks binary.
    case unknownEncoding
    /// No non-empty row at all.
    case empty
    /// A CSV file larger than `SpreadsheetLimits.maxFileBytes`.
    case fileTooLarge
    /// The parts of an .xlsx together inflate to more than `SpreadsheetLimits.maxUnpackedBytes`.
    case unpackedTooLarge
    /// One part of an .xlsx (a sheet, the shared strings) inflates to more than
    /// `SpreadsheetLimits.maxPartBytes`.
    case partTooLarge
    /// A non-empty row after row `SpreadsheetLimits.maxRows`.
    case tooManyRows
    /// A non-empty cell right of column `SpreadsheetLimits.maxColumns`; `column` is its
    /// name as Excel shows it ("XFD").
    case tooManyColumns(column: String)
    /// More than `SpreadsheetLimits.maxCells` cells, counting the empty ones before the
    /// last cell of each row.
    case tooManyCells
    /// More than `SpreadsheetLimits.maxSharedStrings` entries in an .xlsx shared-string table.
    case tooManySharedStrings
    /// A cell longer than `SpreadsheetLimits.maxCellLength` characters; 1-based row and column.
    case cellTooLong(row: Int, column: Int)
    /// A CSV record longer than `SpreadsheetLimits.maxLineLength` characters; 1-based row.
    case lineTooLong(row: Int)
    /// A row number (`<row r="…">`) that is not 1…1 048 576; the value as found, shortened.
    case invalidRowNumber(String)
    /// A cell reference (`<c r="…">`) that is not within A1:XFD1048576; the value as found, shortened.
    case invalidCellReference(String)
    /// Building the .xlsx archive failed.
    case writeFailed

    public var message: String {
        typealias Limits = SpreadsheetLimits
        switch self {
        case .invalidExcel: return "文件不是有效的 Excel (.xlsx) 文件"
        case .legacyExcel: return "不支持旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV 后重新上传"
        case .unknownEncoding: return "无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV"
        case .empty: return "文件为空"
        case .fileTooLarge: return "文件超过\(Limits.maxFileBytes / 1_048_576)MB，请拆分后分批导入"
        case .unpackedTooLarge: return "文件解压后超过\(Limits.maxUnpackedBytes / 1_048_576)MB，请拆分后分批导入"
        case .partTooLarge: return "工作表解压后超过\(Limits.maxPartBytes / 1_048_576)MB，请拆分后分批导入"
        case .tooManyRows: return "表格超过\(Limits.maxRows)行，请拆分后分批导入"
        case .tooManyColumns(let column):
            return "表格列数超过\(Limits.maxColumns)列（第\(column)列），请检查是否选错了文件"
        case .tooManyCells:
            return "表格单元格超过\(Limits.maxCells)个，请删除多余的行和列，或拆分后分批导入"
        case .tooManySharedStrings:
            return "表格中不同的文字内容超过\(Limits.maxSharedStrings)条，请拆分后分批导入"
        case .cellTooLong(let row, let column):
            return "第\(row)行第\(column)列的内容超过\(Limits.maxCellLength)字"
        case .lineTooLong(let row): return "第\(row)行的内容超过\(Limits.maxLineLength)字"
        case .invalidRowNumber(let value):
            return "文件中的行号“\(value)”无效，请在 Excel 中打开并另存为 .xlsx 后重新上传"
        case .invalidCellReference(let value):
            return "文件中的单元格位置“\(value)”无效，请在 Excel 中打开并另存为 .xlsx 后重新上传"
        case .writeFailed: return "生成 Excel 文件失败"
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// `value` cut to at most 20 characters, for quoting untrusted input in a message.
    static func shortened(_ value: String) -> String {
        let head = value.unicodeScalars.prefix(21)
        guard head.count > 20 else { return value }
        var view = String.UnicodeScalarView(head.prefix(20))
        view.append("…")
        return String(view)
    }
}
