/// Caps that keep an uploaded spreadsheet from exhausting the server's CPU or memory.
///
/// The readers enforce them while reading and stop at the first one that is hit,
/// throwing a `SpreadsheetError` whose message tells the user what to change.
/// A district's directory (a few hundred schools, a few dozen columns) is far below
/// every one of them.
public struct SpreadsheetLimits: Sendable {
    /// Bytes of a CSV file.
    public static let maxFileBytes = 64 * 1_048_576
    /// Bytes that the parts of an .xlsx read together may inflate to.
    public static let maxUnpackedBytes = 64 * 1_048_576
    /// Bytes that one part of an .xlsx (the sheet, the shared strings, …) may inflate to.
    public static let maxPartBytes = 48 * 1_048_576
    /// Rows, counted as the spreadsheet numbers them (the header row included).
    /// Empty rows further down are ignored.
    public static let maxRows = 100_000
    /// Columns: a non-empty cell right of the last one is refused; empty ones (cells
    /// that only carry formatting) are ignored.
    public static let maxColumns = 200
    /// Cells of the whole table, counting the empty cells before the last cell of a row.
    public static let maxCells = 1_000_000
    /// Entries of an .xlsx shared-string table.
    public static let maxSharedStrings = 200_000
    /// Characters (Unicode scalars) of one cell.
    public static let maxCellLength = 10_000
    /// Characters (Unicode scalars) of one CSV record, delimiters included.
    public static let maxLineLength = 100_000

    private init() {}
}
