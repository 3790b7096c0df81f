import Foundation
import XCTest

@testable import Spreadsheet

/// Every cap of `SpreadsheetLimits`, hit by a small generated file: the reader stops with
/// the error that names the cap, and the user sees a message saying what to change.
final class SpreadsheetLimitsTests: XCTestCase {
    // MARK: - .xlsx

    func testAColumnAsFarAsXFDIsRefusedAtItsFirstCell() {
        // The reproduced attack: 16 KB compressed, 3 000 rows each with a cell in column XFD.
        let rows = (1...3_000).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }
        let data = workbook(sheet: sheetXML(rows.joined()))

        XCTAssertThrowsError(try SpreadsheetTable.read(data, fileName: "学校.xlsx")) { error in
            XCTAssertEqual(error as? SpreadsheetError, .tooManyColumns(column: "XFD"))
            XCTAssertEqual("\(error)", "表格列数超过200列（第XFD列），请检查是否选错了文件")
        }
    }

    func testTheLastAllowedColumnIsReadAndEmptyCellsFurtherRightAreIgnored() throws {
        // GR is column 200. Cells that only carry formatting (s="1") may lie anywhere.
        let sheet = sheetXML(
            "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"GR1\" t=\"inlineStr\"><is><t>末列</t></is></c>"
                + "<c r=\"GS1\" s=\"1\"/><c r=\"XFD1\" s=\"1\"><v> </v></c></row>")

        let table = try XLSX.read(workbook(sheet: sheet))

        XCTAssertEqual(table.rows.count, 1)
        XCTAssertEqual(table.rows[0].count, 200)
        XCTAssertEqual(table.rows[0].first, "1")
        XCTAssertEqual(table.rows[0].last, "末列")
    }

    func testColumnsWithoutReferencesCountToo() {
        let cells = String(repeating: "<c><v>1</v></c>", count: 201)
        XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheetXML("<row>\(cells)</row>")))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .tooManyColumns(column: "GS"))
        }
    }

    func testRowNumbersOutsideExcelAreRefusedWithoutATrap() {
        // Int.min used to trap (crash the server) in `r - 1`.
        let values = [
            "-9223372036854775808", "9223372036854775807", "-1", "0", "99999999999999999999",
            "1048577", "+5", "1e3", "", " 1",
        ]
        for value in values {
            let sheet = sheetXML("<row r=\"\(value)\"><c r=\"A1\"><v>1</v></c></row>")

            XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheet)), value) { error in
                XCTAssertEqual(error as? SpreadsheetError, .invalidRowNumber(value), value)
            }
        }
        let sheet = sheetXML("<row r=\"-9223372036854775808\"><c r=\"A1\"><v>1</v></c></row>")
        XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheet))) { error in
            XCTAssertEqual(
                "\(error)", "文件中的行号“-9223372036854775808”无效，请在 Excel 中打开并另存为 .xlsx 后重新上传")
        }
    }

    func testCellReferencesOutsideExcelAreRefusedWithoutATrap() {
        let values = [
            "A-9223372036854775808", "A9223372036854775807", "-1", "A0", "A99999999999999999999",
            "9223372036854775807", "XFE1", "AAAA1", "A1048577", "1A", "A1B", "",
        ]
        for value in values {
            let sheet = sheetXML("<row r=\"1\"><c r=\"\(value)\"><v>1</v></c></row>")

            XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheet)), value) { error in
                XCTAssertEqual(
                    error as? SpreadsheetError, .invalidCellReference(SpreadsheetError.shortened(value)), value)
            }
        }
    }

    func testAVeryLongReferenceIsQuotedShortened() {
        let value = String(repeating: "9", count: 100_000)
        let sheet = sheetXML("<row r=\"\(value)\"><c r=\"A1\"><v>1</v></c></row>")

        XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheet))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .invalidRowNumber(String(repeating: "9", count: 20) + "…"))
        }
    }

    func testReferenceParsingStaysInExcelsRange() {
        XCTAssertEqual(XLSX.rowNumber("1"), 1)
        XCTAssertEqual(XLSX.rowNumber("007"), 7)
        XCTAssertEqual(XLSX.rowNumber("1048576"), 1_048_576)
        for bad in ["", "0", "000", "-1", "1048577", "9999999", "99999999999999999999", "1.0", "٣"] {
            XCTAssertNil(XLSX.rowNumber(bad), bad)
        }
        XCTAssertEqual(XLSX.columnIndex("XFD1048576"), 16_383)
        XCTAssertEqual(XLSX.columnIndex("xfd1"), 16_383)
        XCTAssertEqual(XLSX.columnIndex("B"), 1)
        for bad in ["XFE1", "ZZZ1", "A0", "A1048577", "A-1", "A1.5", "$A$1"] {
            XCTAssertNil(XLSX.columnIndex(bad), bad)
        }
    }

    func testARowBelowTheLastAllowedRowIsRefusedAndEmptyOnesAreIgnored() throws {
        let last = SpreadsheetLimits.maxRows
        // Row 100 000 is read; rows further down that only carry formatting are ignored.
        let allowed = sheetXML(
            "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"\(last)\"><c r=\"B\(last)\"><v>2</v></c></row>"
                + "<row r=\"\(last + 1)\" ht=\"20\" customHeight=\"1\"><c r=\"A\(last + 1)\" s=\"1\"/></row>"
                + "<row r=\"1048576\"/>")
        let table = try XLSX.read(workbook(sheet: allowed))
        XCTAssertEqual(table.rows.count, last)
        XCTAssertEqual(table.rows[last - 1], ["", "2"])

        for row in [last + 1, 1_048_576] {
            let sheet = sheetXML("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"\(row)\"><c><v>3</v></c></row>")

            XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheet))) { error in
                XCTAssertEqual(error as? SpreadsheetError, .tooManyRows)
                XCTAssertEqual("\(error)", "表格超过100000行，请拆分后分批导入")
            }
        }
    }

    func testTheCellCountIncludesThePaddingOfSparseRows() {
        // One value per row in column GR (200): 5 001 rows make 1 000 200 cells once padded.
        let rows = (1...5_001).map { "<row r=\"\($0)\"><c r=\"GR\($0)\"><v>1</v></c></row>" }
        let data = workbook(sheet: sheetXML(rows.joined()))

        XCTAssertThrowsError(try XLSX.read(data)) { error in
            XCTAssertEqual(error as? SpreadsheetError, .tooManyCells)
            XCTAssertEqual("\(error)", "表格单元格超过1000000个，请删除多余的行和列，或拆分后分批导入")
        }
    }

    func testALongInlineStringNamesItsCell() throws {
        let fits = String(repeating: "校", count: SpreadsheetLimits.maxCellLength)
        let sheet = { (text: String) in
            self.sheetXML("<row r=\"12\"><c r=\"C12\" t=\"inlineStr\"><is><t>\(text)</t></is></c></row>")
        }
        XCTAssertEqual(try XLSX.read(workbook(sheet: sheet(fits))).rows.last, ["", "", fits])

        for text in [fits + "校", String(repeating: "a", count: 5_000_000)] {
            XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheet(text)))) { error in
                XCTAssertEqual(error as? SpreadsheetError, .cellTooLong(row: 12, column: 3))
                XCTAssertEqual("\(error)", "第12行第3列的内容超过10000字")
            }
        }
    }

    func testALongValueIsRefusedToo() {
        let digits = String(repeating: "1", count: 20_000)
        let sheet = sheetXML("<row r=\"2\"><c r=\"A2\"><v>\(digits)</v></c></row>")

        XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheet))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .cellTooLong(row: 2, column: 1))
        }
    }

    func testALongSharedStringIsRefusedWhereACellUsesIt() throws {
        let long = String(repeating: "长", count: SpreadsheetLimits.maxCellLength + 1)
        let shared = sharedStringsXML(["<t>学校名称</t>", "<t>\(long)</t>", "<t>x</t>"])
        let unused = sheetXML("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>2</v></c></row>")
        XCTAssertEqual(try XLSX.read(workbook(sheet: unused, sharedStrings: shared)).rows, [["学校名称", "x"]])

        let used = sheetXML(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"3\"><c r=\"D3\" t=\"s\"><v>1</v></c></row>")

        XCTAssertThrowsError(try XLSX.read(workbook(sheet: used, sharedStrings: shared))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .cellTooLong(row: 3, column: 4))
            XCTAssertEqual("\(error)", "第3行第4列的内容超过10000字")
        }
    }

    func testTheSharedStringTableIsCapped() {
        let items = String(repeating: "<si/>", count: SpreadsheetLimits.maxSharedStrings + 1)
        let shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(items)</sst>"
        let sheet = sheetXML("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")

        XCTAssertThrowsError(try XLSX.read(workbook(sheet: sheet, sharedStrings: shared))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .tooManySharedStrings)
            XCTAssertEqual("\(error)", "表格中不同的文字内容超过200000条，请拆分后分批导入")
        }
    }

    func testAPartThatInflatesPastItsDeclaredSizeStopsAtThePartLimit() throws {
        // A zip bomb: the archive says 100 bytes, the deflated data inflates to 49 MB.
        let sheet = sheetXML("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>") + padding(49)
        for declared in [100, nil] {
            let data = try XLSXTestSupport.zip(
                [("xl/worksheets/sheet1.xml", Data(sheet.utf8))], declaringSize: declared)

            XCTAssertThrowsError(try XLSX.read(data)) { error in
                XCTAssertEqual(error as? SpreadsheetError, .partTooLarge)
                XCTAssertEqual("\(error)", "工作表解压后超过48MB，请拆分后分批导入")
            }
        }
    }

    func testAllPartsTogetherStopAtTheTotalLimit() throws {
        // Two parts of 33 MB each, both declared as 100 bytes: each is under the part limit,
        // together they pass 64 MB.
        let sheet = sheetXML("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>") + padding(33)
        let shared = sharedStringsXML(["<t>x</t>"]) + padding(33)
        let data = try XLSXTestSupport.zip(
            [("xl/worksheets/sheet1.xml", Data(sheet.utf8)), ("xl/sharedStrings.xml", Data(shared.utf8))],
            declaringSize: 100)

        XCTAssertThrowsError(try XLSX.read(data)) { error in
            XCTAssertEqual(error as? SpreadsheetError, .unpackedTooLarge)
            XCTAssertEqual("\(error)", "文件解压后超过64MB，请拆分后分批导入")
        }
    }

    func testATagWithMillionsOfAttributesKeepsOnlyTheFirstOnes() throws {
        let attributes = (0..<100_000).map { " a\($0)=\"\"" }.joined()
        var scanner = XMLScanner(Array("<c r=\"A1\"\(attributes)/>".utf8))

        guard case .start("c", let kept, selfClosing: true) = scanner.next() else {
            return XCTFail("expected a start tag")
        }
        XCTAssertEqual(kept.count, XMLScanner.maxAttributes)
        XCTAssertEqual(kept["r"], "A1")
    }

    // MARK: - CSV

    func testAFiveMegabyteCellIsRefusedAtItsCell() {
        let data = Data(("学校名称,学校代码\r\n第一中学,\"" + String(repeating: "码", count: 1_700_000) + "\"\r\n").utf8)
        XCTAssertGreaterThan(data.count, 5_000_000)

        XCTAssertThrowsError(try SpreadsheetTable.read(data, fileName: "学校.csv")) { error in
            XCTAssertEqual(error as? SpreadsheetError, .cellTooLong(row: 2, column: 2))
            XCTAssertEqual("\(error)", "第2行第2列的内容超过10000字")
        }
    }

    func testACellOfExactlyTheLimitIsRead() throws {
        let fits = String(repeating: "码", count: SpreadsheetLimits.maxCellLength)
        XCTAssertEqual(try CSV.parse(Data("a,\(fits)\n".utf8)).rows, [["a", fits]])
        XCTAssertThrowsError(try CSV.parse(Data("a,\(fits)码\n".utf8))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .cellTooLong(row: 1, column: 2))
        }
    }

    func testALongLineIsRefused() {
        let cell = String(repeating: "x", count: 9_500)
        let long = Array(repeating: cell, count: 11).joined(separator: ",")
        let commas = String(repeating: ",", count: 1_000_000)
        for line in [long, "a" + commas] {
            let data = Data(("h1,h2\n" + line + "\n").utf8)

            XCTAssertThrowsError(try CSV.parse(data)) { error in
                XCTAssertEqual(error as? SpreadsheetError, .lineTooLong(row: 2))
                XCTAssertEqual("\(error)", "第2行的内容超过100000字")
            }
        }
    }

    func testAValueRightOfTheLastAllowedColumnIsRefusedAndEmptyCellsAreDropped() throws {
        let full = (1...200).map { "c\($0)" }
        let table = try CSV.parse(Data((full.joined(separator: ",") + String(repeating: ",", count: 300) + "\n").utf8))
        XCTAssertEqual(table.rows, [full])

        let far = String(repeating: ",", count: 16_383) + "x\n"
        for line in [(full + ["c201"]).joined(separator: ","), far] {
            XCTAssertThrowsError(try CSV.parse(Data(line.utf8))) { error in
                let column = line == far ? "XFD" : "GS"
                XCTAssertEqual(error as? SpreadsheetError, .tooManyColumns(column: column))
                XCTAssertEqual("\(error)", "表格列数超过200列（第\(column)列），请检查是否选错了文件")
            }
        }
    }

    func testARowBelowTheLastAllowedRowIsRefusedAndEmptyLinesAreIgnored() throws {
        let lines = String(repeating: "a\n", count: SpreadsheetLimits.maxRows)
        let table = try CSV.parse(Data((lines + String(repeating: ",,\n", count: 50)).utf8))
        XCTAssertEqual(table.rows.count, SpreadsheetLimits.maxRows)

        XCTAssertThrowsError(try CSV.parse(Data((lines + "\n\nb\n").utf8))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .tooManyRows)
            XCTAssertEqual("\(error)", "表格超过100000行，请拆分后分批导入")
        }
    }

    func testTheCellCountIsCapped() {
        // 5 001 rows of 200 cells: 1 000 200 cells.
        let row = String(repeating: ",", count: 199) + "x\n"
        let data = Data(String(repeating: row, count: 5_001).utf8)

        XCTAssertThrowsError(try CSV.parse(data)) { error in
            XCTAssertEqual(error as? SpreadsheetError, .tooManyCells)
        }
    }

    func testAFileOverTheSizeLimitIsRefusedBeforeDecoding() {
        let data = Data(repeating: 0x61, count: SpreadsheetLimits.maxFileBytes + 1)

        XCTAssertThrowsError(try CSV.parse(data)) { error in
            XCTAssertEqual(error as? SpreadsheetError, .fileTooLarge)
            XCTAssertEqual("\(error)", "文件超过64MB，请拆分后分批导入")
        }
    }

    // MARK: - Support

    private func sheetXML(_ rows: String) -> String {
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + rows + "</sheetData></worksheet>"
    }

    private func sharedStringsXML(_ items: [String]) -> String {
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + items.map { "<si>\($0)</si>" }.joined() + "</sst>"
    }

    /// `megabytes` MB of spaces, which deflate to almost nothing.
    private func padding(_ megabytes: Int) -> String {
        String(repeating: " ", count: megabytes * 1_048_576)
    }

    /// A workbook of one sheet (found by its default name) and optional shared strings.
    private func workbook(sheet: String, sharedStrings: String? = nil) -> Data {
        var files = [("xl/worksheets/sheet1.xml", sheet)]
        if let sharedStrings { files.append(("xl/sharedStrings.xml", sharedStrings)) }
        do {
            return try XLSXTestSupport.zip(files)
        } catch {
            XCTFail("could not build the workbook: \(error)")
            return Data()
        }
    }
}
