import Foundation
import XCTest

@testable import Spreadsheet

final class SpreadsheetTests: XCTestCase {
    // "学校名称" in GBK / GB18030.
    private let gbkSchoolName: [UInt8] = [0xD1, 0xA7, 0xD0, 0xA3, 0xC3, 0xFB, 0xB3, 0xC6]

    private func parse(_ text: String) throws -> [[String]] {
        try CSV.parse(Data(text.utf8)).rows
    }

    // MARK: - CSV reading

    func testCSVWithBOM() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("学校名称,学段\r\n第一中学,初中\r\n".utf8))
        XCTAssertEqual(try CSV.parse(data).rows, [["学校名称", "学段"], ["第一中学", "初中"]])
    }

    func testCSVWithoutBOM() throws {
        XCTAssertEqual(try parse("学校名称,学段\n第一中学,初中\n"), [["学校名称", "学段"], ["第一中学", "初中"]])
    }

    func testCSVInGBK() throws {
        // "学校名称,第一中学" CRLF "001,"a,b"" with the Chinese text in GBK.
        let firstMiddleSchool: [UInt8] = [0xB5, 0xDA, 0xD2, 0xBB, 0xD6, 0xD0, 0xD1, 0xA7]
        let bytes = gbkSchoolName + [0x2C] + firstMiddleSchool + [0x0D, 0x0A] + Array("001,\"a,b\"\r\n".utf8)
        XCTAssertEqual(try CSV.parse(Data(bytes)).rows, [["学校名称", "第一中学"], ["001", "a,b"]])

        // What Excel (Chinese Windows) writes for "督学姓名,联系电话 / 张三,13800138000".
        let excel: [UInt8] = [
            0xB6, 0xBD, 0xD1, 0xA7, 0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xC1, 0xAA, 0xCF,
            0xB5, 0xB5, 0xE7, 0xBB, 0xB0, 0x0D, 0x0A, 0xD5, 0xC5, 0xC8, 0xFD, 0x2C,
            0x31, 0x33, 0x38, 0x30, 0x30, 0x31, 0x33, 0x38, 0x30, 0x30, 0x30, 0x0D,
            0x0A,
        ]
        XCTAssertEqual(try CSV.parse(Data(excel)).rows, [["督学姓名", "联系电话"], ["张三", "13800138000"]])
    }

    func testCSVInGB18030FourByteSequence() throws {
        // "𠀀校,€": U+20000 is the four-byte GB18030 sequence 95 32 82 36.
        let bytes: [UInt8] = [0x95, 0x32, 0x82, 0x36, 0xD0, 0xA3, 0x2C, 0xA2, 0xE3]
        XCTAssertEqual(try CSV.parse(Data(bytes)).rows, [["𠀀校", "€"]])
    }

    func testCSVUndecodableBytes() {
        // 0xFF is valid in neither UTF-8 nor GB18030.
        XCTAssertThrowsError(try CSV.parse(Data([0x61, 0x2C, 0xFF, 0xFF, 0x0A]))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .unknownEncoding)
            XCTAssertEqual((error as? SpreadsheetError)?.message, "无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV")
        }
        // Binary content (NUL bytes) is refused too.
        XCTAssertThrowsError(try CSV.parse(Data([0x61, 0x00, 0x62]))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .unknownEncoding)
        }
    }

    func testCSVUTF16WithBOM() throws {
        var data = Data([0xFF, 0xFE])
        data.append("学校,1\n".data(using: .utf16LittleEndian)!)
        XCTAssertEqual(try CSV.parse(data).rows, [["学校", "1"]])
    }

    func testCSVQuotedFields() throws {
        let text = "名称,备注\r\n\"甲,乙\",\"他说\"\"好\"\"\"\r\n\"第一行\r\n第二行\",\"\"\r\n"
        XCTAssertEqual(
            try parse(text),
            [["名称", "备注"], ["甲,乙", "他说\"好\""], ["第一行\n第二行", ""]])
    }

    func testCSVLineEndings() throws {
        let expected = [["a", "b"], ["c", "d"], ["e", "f"]]
        XCTAssertEqual(try parse("a,b\r\nc,d\r\ne,f"), expected)
        XCTAssertEqual(try parse("a,b\nc,d\ne,f\n"), expected)
        XCTAssertEqual(try parse("a,b\rc,d\re,f\r"), expected)
        XCTAssertEqual(try parse("a,b\r\nc,d\ne,f\r"), expected)
    }

    func testCSVTrimsCellsAndKeepsEmptyCells() throws {
        XCTAssertEqual(try parse("  a , b\t,\u{3000}c\u{3000}\n,,x\n"), [["a", "b", "c"], ["", "", "x"]])
        // Whitespace around a quoted field is not part of it.
        XCTAssertEqual(try parse("  \"a,b\"  ,c\n"), [["a,b", "c"]])
        XCTAssertEqual(try parse("a,b,\n"), [["a", "b", ""]])
    }

    func testCSVEmptyLines() throws {
        // Middle empty lines are kept (row numbers stay right), trailing ones dropped,
        // including rows of empty cells that Excel leaves behind.
        XCTAssertEqual(try parse("h1,h2\n\nx,y\r\n\r\n,,\n  \n\n"), [["h1", "h2"], [], ["x", "y"]])
    }

    func testCSVLenientQuotes() throws {
        XCTAssertEqual(try parse("ab\"c,d\n"), [["ab\"c", "d"]])
        XCTAssertEqual(try parse("\"unterminated,x\ny"), [["unterminated,x\ny"]])
    }

    func testCSVEmptyFile() {
        for data in [Data(), Data([0xEF, 0xBB, 0xBF]), Data("\r\n\n , \n".utf8)] {
            XCTAssertThrowsError(try CSV.parse(data)) { error in
                XCTAssertEqual(error as? SpreadsheetError, .empty)
                XCTAssertEqual((error as? SpreadsheetError)?.message, "文件为空")
            }
        }
    }

    // MARK: - CSV writing

    func testCSVEncodeFormat() {
        let table = SpreadsheetTable(rows: [["名称", "备注"], ["甲,乙", "他说\"好\""], ["多\n行", "x"]])
        let data = CSV.encode(table)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(
            String(decoding: data.dropFirst(3), as: UTF8.self),
            "名称,备注\r\n\"甲,乙\",\"他说\"\"好\"\"\"\r\n\"多\n行\",x\r\n")
        XCTAssertEqual(String(decoding: CSV.encode(table, bom: false), as: UTF8.self).first, "名")
    }

    func testCSVFormulaInjection() {
        let table = SpreadsheetTable(rows: [
            ["=SUM(A1)", "+1+1", "-3", "+86", "-2.5", "@cmd", "-", "1e5", "=1", "a=b", "-1e-3", "\tx"]
        ])
        let text = String(decoding: CSV.encode(table, bom: false), as: UTF8.self)
        XCTAssertEqual(text, "'=SUM(A1),'+1+1,-3,+86,-2.5,'@cmd,'-,1e5,'=1,a=b,-1e-3,'\tx\r\n")
    }

    func testCSVRoundTrip() throws {
        let table = SpreadsheetTable(rows: [
            ["学校名称", "学校代码", "地址", "备注"],
            ["第一中学", "3101010001", "上海市,黄浦区", "他说\"好\""],
            [],
            ["第二小学", "0012", "两行\n地址", "=HYPERLINK(\"x\")"],
            ["", "", "", "-3"],
            [""],
        ])
        for bom in [true, false] {
            let parsed = try CSV.parse(CSV.encode(table, bom: bom))
            XCTAssertEqual(parsed, SpreadsheetTable(rows: Array(table.rows.dropLast())))
        }
    }

    // MARK: - XLSX

    func testXLSXRoundTrip() throws {
        let table = SpreadsheetTable(rows: [
            ["学校名称", "学校标识码", "学生数", "备注"],
            ["第一中学", "3101010001", "1234", "A&B <c> \"d\" 'e'"],
            ["第二小学", "", "0", "多\n行"],
            [],
            ["", "", "", "only D5"],
            ["身份证", "110101199003071234", "007", "-42"],
            ["大数", "123456789012345", "-0", "1.5"],
        ])
        let data = try XLSX.write(table, sheetName: "学校名单")
        XCTAssertEqual(Array(data.prefix(2)), [0x50, 0x4B])
        let read = try XLSX.read(data)
        XCTAssertEqual(read, table)
        XCTAssertEqual(try SpreadsheetTable.read(data, fileName: "学校.xlsx"), table)
    }

    func testXLSXWritesNumbersAndInlineStrings() throws {
        let table = SpreadsheetTable(rows: [["代码", "名称"], ["1234567890", "第一中学"], ["0012", "两\r\n行"]])
        let sheet = try XLSXTestSupport.part("xl/worksheets/sheet1.xml", of: XLSX.write(table))
        XCTAssertTrue(sheet.contains("<c r=\"A2\" s=\"2\"><v>1234567890</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"B2\" t=\"inlineStr\"><is><t>第一中学</t></is></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"A3\" t=\"inlineStr\"><is><t>0012</t></is></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"B3\" s=\"3\" t=\"inlineStr\"><is><t>两\r\n行</t></is></c>"), sheet)
        let workbook = try XLSXTestSupport.part("xl/workbook.xml", of: XLSX.write(table, sheetName: "督学[名单]"))
        XCTAssertTrue(workbook.contains("<sheet name=\"督学_名单_\""), workbook)
    }

    func testXLSXControlCharactersSurvive() throws {
        let table = SpreadsheetTable(rows: [["a\u{1}b", "x_x0041_y"]])
        XCTAssertEqual(try XLSX.read(XLSX.write(table)), table)
    }

    func testXLSXReadsExcelStyleWorkbook() throws {
        // Shared strings (plain, rich text with a phonetic run, _x000D_), numbers
        // as Excel stores them, gaps, booleans, formula results, a hidden first sheet.
        let workbook = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="隐藏" sheetId="1" state="hidden" r:id="rId3"/>\
            <sheet name="学校" sheetId="2" r:id="rId1"/></sheets></workbook>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="worksheets/data.xml"/>
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="/xl/worksheets/hidden.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
            Target="sharedStrings.xml"/>
            </Relationships>
            """
        let shared = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
            <si><t>学校名称</t></si>
            <si><r><rPr><b/></rPr><t>第一</t></r><r><t xml:space="preserve">中学 </t></r>\
            <rPh sb="0" eb="1"><t>ダイイチ</t></rPh></si>
            <si><t>甲_x000D_乙 &amp; 丙</t></si>
            <si/>
            </sst>
            """
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- c --><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>代码</t></is></c></row>
            <row r="2" spans="1:5"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>4.0</v></c>\
            <c r="C2"><v>1.23456789E9</v></c><c r="D2" t="b"><v>1</v></c>\
            <c r="E2" t="str"><f>A1&amp;"x"</f><v>学校名称x</v></c></row>
            <row r="4"><c r="B4" t="s"><v>2</v></c><c r="C4"><v>0.30000000000000004</v></c>\
            <c r="D4" s="3"/><c r="E4" t="s"><v>3</v></c></row>
            <row r="5"><c r="A5"><v>-12</v></c><c t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>
            <row r="9"/>
            </sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>
            """
        let hidden = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData></worksheet>
            """
        let data = try XLSXTestSupport.zip([
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
            ("xl/sharedStrings.xml", shared), ("xl/worksheets/data.xml", sheet),
            ("xl/worksheets/hidden.xml", hidden),
        ])
        XCTAssertEqual(
            try XLSX.read(data).rows,
            [
                ["学校名称", "", "代码"],
                ["第一中学", "4", "1234567890", "TRUE", "学校名称x"],
                [],
                ["", "甲\r乙 & 丙", "0.3"],
                ["-12", "富文本"],
            ])
    }

    func testXLSXFallsBackToSheet1() throws {
        let sheet = """
            <worksheet><sheetData><row><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c></row>\
            <row><c r="B2" t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>
            """
        let data = try XLSXTestSupport.zip([("xl/worksheets/sheet1.xml", sheet)])
        XCTAssertEqual(try XLSX.read(data).rows, [["1", "x"], ["", "y"]])
    }

    func testXLSXGarbage() {
        let inputs: [Data] = [
            Data("学校名称,代码\n".utf8),
            Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0x41, count: 100)),
            Data(),
        ]
        for data in inputs {
            XCTAssertThrowsError(try XLSX.read(data)) { error in
                XCTAssertEqual(error as? SpreadsheetError, .invalidExcel)
                XCTAssertEqual((error as? SpreadsheetError)?.message, "文件不是有效的 Excel (.xlsx) 文件")
            }
        }
        // A valid ZIP that is not a workbook.
        XCTAssertThrowsError(try XLSX.read(XLSXTestSupport.zip([("readme.txt", "hello")]))) { error in
            XCTAssertEqual(error as? SpreadsheetError, .invalidExcel)
        }
    }

    func testXLSXEmptySheet() throws {
        let data = try XLSX.write(SpreadsheetTable(rows: [[], ["", ""]]))
        XCTAssertThrowsError(try XLSX.read(data)) { error in
            XCTAssertEqual(error as? SpreadsheetError, .empty)
        }
    }

    func testHelpers() {
        XCTAssertEqual(XLSX.columnIndex("A1"), 0)
        XCTAssertEqual(XLSX.columnIndex("Z9"), 25)
        XCTAssertEqual(XLSX.columnIndex("AA10"), 26)
        XCTAssertEqual(XLSX.columnIndex("XFD1048576"), 16383)
        XCTAssertNil(XLSX.columnIndex("12"))
        for index in [0, 25, 26, 51, 52, 701, 702, 16383] {
            XCTAssertEqual(XLSX.columnIndex(XLSX.columnName(index) + "1"), index)
        }
        XCTAssertEqual(XLSX.renderNumber("1234567890"), "1234567890")
        XCTAssertEqual(XLSX.renderNumber("1.23456789E9"), "1234567890")
        XCTAssertEqual(XLSX.renderNumber("4.0"), "4")
        XCTAssertEqual(XLSX.renderNumber("-7.0"), "-7")
        XCTAssertEqual(XLSX.renderNumber("2.5"), "2.5")
        XCTAssertEqual(XLSX.renderNumber("110101199003071234"), "110101199003071234")
        XCTAssertEqual(XLSX.cleanSheetName(""), "Sheet1")
        XCTAssertEqual(XLSX.cleanSheetName(String(repeating: "校", count: 40)).count, 31)
        XCTAssertTrue(XLSX.isExactInteger("1234567890"))
        XCTAssertFalse(XLSX.isExactInteger("0012"))
        XCTAssertFalse(XLSX.isExactInteger("1234567890123456"))
        XCTAssertFalse(XLSX.isExactInteger("-0"))
    }

    func testAutoDetect() throws {
        let table = SpreadsheetTable(rows: [["学校名称"], ["第一中学"]])
        XCTAssertEqual(try SpreadsheetTable.read(XLSX.write(table), fileName: "a.csv"), table)
        XCTAssertEqual(try SpreadsheetTable.read(CSV.encode(table), fileName: "a.csv"), table)
        XCTAssertEqual(try SpreadsheetTable.read(CSV.encode(table)), table)
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
        XCTAssertThrowsError(try SpreadsheetTable.read(ole, fileName: "a.xls")) { error in
            XCTAssertEqual(error as? SpreadsheetError, .legacyExcel)
        }
        XCTAssertThrowsError(try SpreadsheetTable.read(Data("x".utf8), fileName: "名单.XLSX")) { error in
            XCTAssertEqual(error as? SpreadsheetError, .invalidExcel)
        }
        XCTAssertThrowsError(try SpreadsheetTable.read(Data(), fileName: "a.csv")) { error in
            XCTAssertEqual(error as? SpreadsheetError, .empty)
        }
    }
}

enum XLSXTestSupport {
    static func zip(_ files: [(String, String)]) throws -> Data {
        try XLSX.zip(files.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A ZIP of `files` whose central directory and local headers declare every
    /// entry's uncompressed size as `declared` (when given), as a zip bomb would.
    static func zip(_ files: [(String, Data)], declaringSize declared: Int?) throws -> Data {
        var bytes = [UInt8](try XLSX.zip(files.map { ($0.0, $0.1) }))
        guard let declared else { return Data(bytes) }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func put32(_ value: Int, at: Int) {
            for k in 0..<4 { bytes[at + k] = UInt8((value >> (8 * k)) & 0xFF) }
        }
        // ZIPFoundation writes no archive comment: the end record is the last 22 bytes.
        let end = bytes.count - 22
        XCTAssertEqual(u32(end), 0x0605_4B50)
        var patched = 0
        var p = u32(end + 16)
        for _ in 0..<u16(end + 10) {
            XCTAssertEqual(u32(p), 0x0201_4B50)
            put32(declared, at: p + 24)  // central directory: uncompressed size
            put32(declared, at: u32(p + 42) + 22)  // local header: uncompressed size
            patched += 1
            p += 46 + u16(p + 28) + u16(p + 30) + u16(p + 32)
        }
        XCTAssertEqual(patched, files.count, "every entry's declared size is patched")
        return Data(bytes)
    }

    static func part(_ path: String, of data: Data) throws -> String {
        String(decoding: try XCTUnwrap(XLSX.unzip(path, from: data)), as: UTF8.self)
    }
}
