import CivilDate
import Foundation
import XCTest

@testable import Spreadsheet

/// The streamed workbook: written in batches, typed cells, a new sheet past the row limit, dates read back.
final class XLSXStreamTests: XCTestCase {
    static let rows = [
        ["编号", "学校", "面积", "督导日期", "提交时间", "说明"],
        ["1", "城关街道中心小学", "1234.5", "2026-10-03", "2026-10-03 09:30", "0012"],
        ["2", "临江镇中学", "-0.25", "2024-02-29", "2026-12-31 23:59", "=SUM(A1)"],
        ["3", "两\r\n行", "1.50", "2026-02-30", "2026-10-03 24:00", "_x0041_"],
    ]

    func write(_ batches: [[[String]]], sheet: String = "名单", rowsPerSheet: Int? = nil) throws -> Data {
        var stream = XLSXStream(sheetName: sheet)
        if let rowsPerSheet { stream.rowsPerSheet = rowsPerSheet }
        var data = Data()
        for batch in batches { data += try stream.append(batch) }
        data += try stream.finish()
        return data
    }

    func testRowsWrittenInBatchesReadBackAsWritten() throws {
        let data = try write([Array(Self.rows[0...1]), [], Array(Self.rows[2...])])

        XCTAssertEqual(try XLSX.read(data).rows, Self.rows)
        XCTAssertEqual(
            try write([Self.rows]), try XLSX.write(SpreadsheetTable(rows: Self.rows), sheetName: "名单"), "one writer")
    }

    func testNumbersDatesAndTimesAreTypedCellsAndTheRestText() throws {
        let sheet = try XLSXTestSupport.part("xl/worksheets/sheet1.xml", of: write([Self.rows]))

        XCTAssertTrue(sheet.contains("<c r=\"A2\" s=\"2\"><v>1</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"C2\"><v>1234.5</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"D2\" s=\"4\"><v>46298</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"E2\" s=\"5\"><v>46298.3958333333</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"D3\" s=\"4\"><v>45351</v></c>"), "29 February of a leap year")
        XCTAssertTrue(sheet.contains("<c r=\"C3\"><v>-0.25</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"F2\" t=\"inlineStr\"><is><t>0012</t></is></c>"), "a leading zero stays")
        XCTAssertTrue(sheet.contains("<c r=\"C4\" t=\"inlineStr\"><is><t>1.50</t></is></c>"), "would read back 1.5")
        XCTAssertTrue(sheet.contains("<c r=\"D4\" t=\"inlineStr\"><is><t>2026-02-30</t></is></c>"), "no such day")
        XCTAssertTrue(sheet.contains("<c r=\"E4\" t=\"inlineStr\">"), "no such time")
        XCTAssertTrue(sheet.contains("<c r=\"D1\" s=\"1\" t=\"inlineStr\">"), "headers stay bold text")
    }

    func testRowsPastTheSheetLimitGoOnNewSheetsUnderTheSameHeader() throws {
        let header = ["编号", "学校"]
        let body = (1...5).map { [String($0), "学校\($0)"] }

        let data = try write([[header] + body.prefix(2), Array(body.dropFirst(2))], rowsPerSheet: 3)

        let workbook = try XLSXTestSupport.part("xl/workbook.xml", of: data)
        XCTAssertTrue(workbook.contains("name=\"名单\""))
        XCTAssertTrue(workbook.contains("name=\"名单 (2)\""))
        XCTAssertTrue(workbook.contains("name=\"名单 (3)\""))
        XCTAssertFalse(workbook.contains("名单 (4)"))
        XCTAssertEqual(try XLSX.read(data).rows, [header] + body.prefix(2), "the first sheet")
        let third = try XLSXTestSupport.part("xl/worksheets/sheet3.xml", of: data)
        XCTAssertTrue(third.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>编号</t>"), "the header again")
        XCTAssertTrue(third.contains("<c r=\"A2\" s=\"2\"><v>5</v></c>"))
    }

    func testALongSheetNameLeavesRoomForTheSheetNumber() throws {
        let name = String(repeating: "督", count: 31)
        let data = try write([[["a"], ["1"], ["2"]]], sheet: name, rowsPerSheet: 2)
        let workbook = try XLSXTestSupport.part("xl/workbook.xml", of: data)
        XCTAssertTrue(workbook.contains("name=\"\(String(repeating: "督", count: 27)) (2)\""), workbook)
    }

    func testAnEmptyExportIsStillAWorkbook() throws {
        let data = try write([])
        XCTAssertNotNil(try XLSX.unzip("xl/worksheets/sheet1.xml", from: data))
        XCTAssertThrowsError(try XLSX.read(data)) { XCTAssertEqual($0 as? SpreadsheetError, .empty) }
    }

    func testCSVInPiecesEqualsCSVAtOnce() {
        let pieces =
            CSV.encode(rows: Self.rows.prefix(2), bom: true) + CSV.encode(rows: Self.rows.dropFirst(2), bom: false)
        XCTAssertEqual(pieces, CSV.encode(SpreadsheetTable(rows: Self.rows)))
    }

    // MARK: - Dates

    func testDayNumbers() {
        XCTAssertEqual(XLSXDates.serial(of: "1970-01-01"), 25_569)
        XCTAssertEqual(XLSXDates.serial(of: "2026-10-03"), 46_298)
        XCTAssertEqual(XLSXDates.serial(of: "9999-12-31"), 2_958_465)
        XCTAssertEqual(XLSXDates.serial(of: "2026-10-03 12:00"), 46_298.5)
        for bad in [
            "1900-02-28", "2026-13-01", "2025-02-29", "2026-10-3", "2026/10/03", "2026-10-03 9:30", "１９７０-01-01",
        ] {
            XCTAssertNil(XLSXDates.serial(of: bad), bad)
        }
        XCTAssertEqual(XLSXDates.text(serial: 46_298, withTime: false), "2026-10-03")
        XCTAssertEqual(XLSXDates.text(serial: 46_298, withTime: true), "2026-10-03 00:00")
        XCTAssertEqual(XLSXDates.text(serial: 46_298.3958333333, withTime: false), "2026-10-03 09:30")
        XCTAssertEqual(XLSXDates.text(serial: 46_298.9999999, withTime: true), "2026-10-04 00:00")
        XCTAssertNil(XLSXDates.text(serial: 3e9, withTime: false))
        XCTAssertNil(XLSXDates.text(serial: .nan, withTime: false))
        XCTAssertNil(XLSXDates.text(serial: -1, withTime: false))
    }

    func testEveryDayOfFourHundredYearsRoundTrips() {
        for days in stride(from: -25_567, to: 120_000, by: 1) {
            let (y, m, d) = CivilDate.date(days: days)
            XCTAssertEqual(CivilDate.days(year: y, month: m, day: d), days)
            XCTAssertTrue((1...XLSXDates.daysIn(year: y, month: m)).contains(d))
        }
    }

    func testWhichFormatsShowDates() {
        let cases: [(String, XLSXDates.Kind?)] = [
            ("yyyy-mm-dd", .date), ("yyyy\"年\"m\"月\"d\"日\"", .date), ("[$-804]yyyy年m月d日", .date),
            ("m/d/yy h:mm", .dateTime), ("yyyy-mm-dd hh:mm:ss", .dateTime), ("0.00", nil), ("General", nil),
            ("#,##0_);[Red](#,##0)", nil), ("\"day\"0", nil), ("\\d0", nil), ("0;[Red]-0;\"d\"", nil), ("@", nil),
        ]
        for (code, kind) in cases { XCTAssertEqual(XLSXDates.kind(ofFormat: code), kind, code) }
    }

    /// A workbook as Excel saves it: a date typed into a cell is a number with a date style.
    func testADateTypedInExcelReadsAsTheDateItShows() throws {
        let styles = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="2"/></cellXfs>\
            </styleSheet>
            """
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" s="1"><v>46298</v></c><c r="B1" s="2"><v>46023</v></c><c r="C1" s="3"><v>46298</v></c>\
            <c r="D1" s="1"><v>12</v></c><c r="E1"><v>46298</v></c></row></sheetData></worksheet>
            """
        let data = try XLSXTestSupport.zip([
            ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
            ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet),
        ])

        XCTAssertEqual(try XLSX.read(data).rows, [["2026-10-03", "2026-01-01", "46298", "12", "46298"]])
    }
}
