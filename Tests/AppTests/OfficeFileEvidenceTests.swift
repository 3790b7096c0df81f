import DudaoCore
import Fluent
import XCTVapor

@testable import App
@testable import Spreadsheet

/// A school's evidence is what schools produce (issue 10, item 4): Word, Excel, PDF, photos and ZIPs of these,
/// recognised by content; a renamed program is refused and the typed report is kept.
final class OfficeFileEvidenceTests: XCTestCase {
    static func docx(_ name: String = "整改报告.docx") throws -> UploadPart {
        UploadPart(
            field: "files[]", fileName: name,
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            data: try XLSX.zip([
                ("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data("<w:document/>".utf8)),
            ]))
    }

    static func part(_ name: String, _ data: Data, type: String = "application/octet-stream") -> UploadPart {
        UploadPart(field: "files[]", fileName: name, contentType: type, data: data)
    }

    func testWordExcelOldFormatsAndAZipOfThemAreAcceptedAndDownloadAsFiles() async throws {
        try await withApp(history: false) { app in
            let (_, notice, _) = try await RectificationLoopTests.issuedNotice(app)
            let school = try await login(app, "school")
            try await school.get("/notices/\(notice)")
            let xlsx = Self.part(
                "台账.xlsx", try XLSX.zip([("xl/workbook.xml", Data("<workbook/>".utf8))]))
            let oldDoc = Self.part("说明.doc", Data(EvidenceKind.ole + [UInt8](repeating: 0, count: 504)))
            let bundle = Self.part(
                "照片.zip",
                try XLSX.zip([("现场/1.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0])), ("方案.pdf", Data("%PDF-1.4".utf8))]))

            let res = try await school.report(
                onNotice: notice, body: "已整改，附报告、台账和照片。", files: [try Self.docx(), xlsx, oldDoc, bundle])

            XCTAssertEqual(res.status, .seeOther)
            let report = try await RectificationReport.query(on: app.db).filter(\.$noticeID == notice).first()
            let files = report?.storedFiles ?? []
            XCTAssertEqual(
                files.map(\.type),
                [
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
                    "application/zip",
                ])
            let download = try await school.get("/notices/\(notice)/files/\(files[0].hash)")
            XCTAssertEqual(download.status, .ok)
            XCTAssertTrue(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
        }
    }

    func testARenamedProgramAZipWithAProgramOrAFakeDocxIsRefusedAndTheTypedReportKept() async throws {
        try await withApp(history: false) { app in
            let (_, notice, _) = try await RectificationLoopTests.issuedNotice(app)
            let school = try await login(app, "school")
            try await school.get("/notices/\(notice)")
            let typed = "已整改完毕：消防通道已清理，灭火器已更换，详见附件。"
            let cases: [UploadPart] = [
                Self.part("整改报告.docx", Data("MZ\u{90}\u{0}这其实是一个程序".utf8)),
                Self.part("资料.zip", try XLSX.zip([("setup.exe", Data("MZ".utf8)), ("a.pdf", Data("%PDF-".utf8))])),
                Self.part("伪装.docx", try XLSX.zip([("readme.txt", Data("hi".utf8))])),
                Self.part("说明.txt", Data("文字说明".utf8)),
            ]
            for file in cases {
                let res = try await school.report(onNotice: notice, body: typed, files: [file])

                XCTAssertEqual(res.status, .unprocessableEntity, file.fileName)
                XCTAssertTrue(res.body.string.contains("“\(file.fileName)”不是可接受的文件"), file.fileName)
                XCTAssertTrue(res.body.string.contains(typed), "the typed report is kept: \(file.fileName)")
            }
            let reports = try await RectificationReport.query(on: app.db).filter(\.$noticeID == notice).count()
            XCTAssertEqual(reports, 0)
        }
    }
}
