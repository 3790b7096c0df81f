import DudaoCore
import Fluent
import Spreadsheet
import XCTVapor

@testable import App

/// Import of schools and inspectors (CSV in UTF-8 or GBK, .xlsx): all-or-nothing, keyed so that a
/// second import updates instead of duplicating; export with the same columns.
final class ImportExportTests: XCTestCase {
    static let schoolHeader = SchoolInput.headers.joined(separator: ",")

    static func csv(_ lines: [String]) -> String {
        ([schoolHeader] + lines).joined(separator: "\r\n") + "\r\n"
    }

    static let twoNewSchools = csv([
        "3115900001,城关街道新建小学,小学,公办,城关街道,城关街道新华路8号,周校长,0573-82109999,480,12,36",
        "3115900002,临江镇第三幼儿园,幼儿园,民办,临江镇,临江镇滨江路2号,钱园长,13900000002,150,6,20",
    ])

    // MARK: Schools

    func testImportWithBadRowsListsEveryBadRowAndSavesNothing() async throws {
        try await withApp { app in
            let count = try await app.schoolCount()
            let office = try await login(app, "office")
            try await office.get("/import")
            let file = Self.csv([
                "3115900001,城关街道新建小学,小学,公办,城关街道,,,,480,12,36",
                "12345,临江镇第三小学,小学,公办,临江镇,,,,300,8,25",
                "3115900003,白沙镇某大学,大学,公办,白沙镇,,,,300,8,25",
            ])

            let res = try await office.upload(
                "/import/schools", fileName: "schools.csv", contentType: "text/csv", data: Data(file.utf8))

            XCTAssertEqual(res.status, .unprocessableEntity)
            let html = res.body.string
            XCTAssertTrue(html.contains("第 3 行"))
            XCTAssertTrue(html.contains("第 4 行"))
            XCTAssertFalse(html.contains("第 2 行"), "the good row is not reported")
            XCTAssertTrue(html.contains("学校标识码应为10位数字"))
            XCTAssertTrue(html.contains("学校类型“大学”无法识别"))
            XCTAssertTrue(html.contains("未保存任何数据"))
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count, "nothing is saved while any row is bad, not even the good row")
            let good = try await School.query(on: app.db).filter(\.$code == "3115900001").count()
            XCTAssertEqual(good, 0)
        }
    }

    func testImportOfAGBKEncodedCSVCreatesTheSchools() async throws {
        try await withApp { app in
            let count = try await app.schoolCount()
            let office = try await login(app, "office")
            let bytes = try gb18030(Self.twoNewSchools)
            XCTAssertNil(String(data: bytes, encoding: .utf8), "precondition: the file is not valid UTF-8")

            let res = try await office.upload(
                "/import/schools", fileName: "学校.csv", contentType: "text/csv", data: bytes)

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("新建 2 条，更新 0 条，无变化 0 条"))
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count + 2)
            let created = try await School.query(on: app.db).filter(\.$code == "3115900002").first()
            let school = try XCTUnwrap(created)
            XCTAssertEqual(school.name, "临江镇第三幼儿园")
            XCTAssertEqual(school.type, .kindergarten)
            XCTAssertEqual(school.ownership, .privateSchool)
            let township = try await OrgUnit.find(school.townshipID, on: app.db)
            XCTAssertEqual(township?.name, "临江镇")
            XCTAssertEqual(school.orgPath, township?.path)
            let audits = try await AuditEvent.query(on: app.db).filter(\.$action == "import").count()
            XCTAssertEqual(audits, 2)
        }
    }

    func testImportingTheSameFileTwiceCreatesNothingTheSecondTime() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            let data = Data(Self.twoNewSchools.utf8)
            let first = try await office.upload(
                "/import/schools", fileName: "schools.csv", contentType: "text/csv", data: data)
            XCTAssertTrue(first.body.string.contains("新建 2 条"))
            let count = try await app.schoolCount()

            let second = try await office.upload(
                "/import/schools", fileName: "schools.csv", contentType: "text/csv", data: data)

            XCTAssertEqual(second.status, .ok)
            XCTAssertTrue(second.body.string.contains("新建 0 条，更新 0 条，无变化 2 条"))
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count)
        }
    }

    func testImportUpdatesAnExistingSchoolByItsCode() async throws {
        try await withApp { app in
            let school1 = try await app.school(1)
            let count = try await app.schoolCount()
            let office = try await login(app, "office")
            let file = Self.csv([
                "\(school1.code),\(school1.name),小学,公办,城关街道,新地址1号,新校长,0573-82100001,999,24,70"
            ])

            let res = try await office.upload(
                "/import/schools", fileName: "schools.csv", contentType: "text/csv", data: Data(file.utf8))

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("新建 0 条，更新 1 条，无变化 0 条"))
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count)
            let after = try await app.school(1)
            XCTAssertEqual(after.principal, "新校长")
            XCTAssertEqual(after.students, 999)
            XCTAssertEqual(after.areaID, school1.areaID, "fields the file does not carry are kept")
        }
    }

    func testImportOfAnXLSXFileWrittenByTheExporter() async throws {
        try await withApp { app in
            let count = try await app.schoolCount()
            let office = try await login(app, "office")
            let table = SpreadsheetTable(rows: [
                SchoolInput.headers,
                ["3115900011", "白沙镇新区小学", "小学", "公办", "白沙镇", "白沙镇新区路1号", "冯校长", "0573-82108888", "720", "18", "52"],
                ["3115900012", "东湖学校", "九年一贯制", "公办", "东湖街道", "", "", "", "900", "24", "80"],
            ])
            let xlsx = try XLSX.write(table, sheetName: "学校")
            XCTAssertEqual(Array(xlsx.prefix(2)), Array("PK".utf8))

            let res = try await office.upload(
                "/import/schools", fileName: "schools.xlsx",
                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: xlsx)

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("新建 2 条，更新 0 条，无变化 0 条"))
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count + 2)
            let saved = try await School.query(on: app.db).filter(\.$code == "3115900012").first()
            XCTAssertEqual(saved?.type, .nineYear)
            XCTAssertEqual(saved?.students, 900)
        }
    }

    func testImportOfAnUnreadableFileSaysSo() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.upload(
                "/import/schools", fileName: "schools.xlsx", contentType: "application/octet-stream",
                data: Data("this is not a workbook".utf8))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("文件不是有效的 Excel (.xlsx) 文件"))
        }
    }

    func testImportOfAFileOverAReaderLimitShowsTheLimitAndSavesNothing() async throws {
        try await withApp { app in
            let count = try await app.schoolCount()
            let office = try await login(app, "office")
            try await office.get("/import")
            let longName = String(repeating: "校", count: SpreadsheetLimits.maxCellLength + 1)
            // A good row, then a 10 001-character school name in row 3, column 2.
            let longCell = Self.csv([
                "3115900001,城关街道新建小学,小学,公办,城关街道,,,,480,12,36",
                "3115900002,\(longName),小学,公办,临江镇,,,,300,8,25",
            ])
            // A value in column XFD.
            let farColumn = Self.csv([String(repeating: ",", count: 16_383) + "x"])
            let files = [
                ("schools.csv", longCell, "第3行第2列的内容超过10000字"),
                ("far.csv", farColumn, "表格列数超过200列（第XFD列），请检查是否选错了文件"),
            ]
            for (name, file, message) in files {
                let res = try await office.upload(
                    "/import/schools", fileName: name, contentType: "text/csv", data: Data(file.utf8))

                XCTAssertEqual(res.status, .unprocessableEntity, name)
                XCTAssertTrue(res.body.string.contains(message), name)
                XCTAssertTrue(res.body.string.contains("未保存任何数据"), name)
                let after = try await app.schoolCount()
                XCTAssertEqual(after, count, "\(name): nothing is saved, not even the good row")
            }
        }
    }

    func testImportWithoutTheRequiredColumnsNamesThem() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.upload(
                "/import/schools", fileName: "schools.csv", contentType: "text/csv",
                data: Data("学校名称,地址\r\n某小学,某路\r\n".utf8))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("缺少必需的列：学校标识码、学校类型、办学性质、所属镇街"))
        }
    }

    func testImportCannotTakeOverASchoolOfAnotherDistrict() async throws {
        try await withApp { app in
            _ = try await Factory.secondDistrict(on: app.db)
            let school1 = try await app.school(1)
            let office2 = try await login(app, "office2")
            let file = Self.csv(["\(school1.code),被改名的学校,小学,公办,松岭镇,,,,100,5,10"])

            let res = try await office2.upload(
                "/import/schools", fileName: "schools.csv", contentType: "text/csv", data: Data(file.utf8))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("已属于其他区县的学校"))
            let after = try await app.school(1)
            XCTAssertEqual(after.name, school1.name)
            XCTAssertEqual(after.orgPath, school1.orgPath)
        }
    }

    func testLargeUploadOverARealConnectionPassesTheCSRFCheck() async throws {
        // In memory the body always arrives whole. Over a socket, anything larger than one read
        // (every real spreadsheet) is still streaming when the global middleware runs.
        try await withApp { app in
            let office = try await login(app, "office")
            let token = try XCTUnwrap(office.csrf)
            let padded = Self.twoNewSchools + String(repeating: "\r\n", count: 50_000)
            let multipart = Multipart(parts: [
                .field(name: CSRFMiddleware.field, value: token),
                .file(name: "file", fileName: "schools.csv", contentType: "text/csv", data: Data(padded.utf8)),
            ])
            var headers = office.headers
            headers.replaceOrAdd(name: .contentType, value: multipart.contentType)
            let live = try app.testable(method: .running(hostname: "127.0.0.1", port: 0))

            let res = try await live.sendRequest(
                .POST, "/import/schools", headers: headers, body: ByteBuffer(data: multipart.body))

            XCTAssertEqual(res.status, .ok, HTML.first(#"<p>([^<]*)</p>"#, in: res.body.string) ?? "")
            XCTAssertTrue(res.body.string.contains("新建 2 条"))
            let n = try await School.query(on: app.db).filter(\.$code ~~ ["3115900001", "3115900002"]).count()
            XCTAssertEqual(n, 2)
        }
    }

    func testImportIsOnlyForOfficeAndAdmin() async throws {
        try await withApp { app in
            let leader = try await login(app, "leader")

            let res = try await leader.upload(
                "/import/schools", fileName: "schools.csv", contentType: "text/csv", data: Data(Self.twoNewSchools.utf8)
            )

            XCTAssertEqual(res.status, .forbidden)
            let n = try await School.query(on: app.db).filter(\.$code == "3115900001").count()
            XCTAssertEqual(n, 0)
        }
    }

    // MARK: Inspectors

    static let inspectorCSV =
        ([InspectorInput.headers.joined(separator: ",")] + [
            "孙立新,兼职,责任督学,男,13812345678,青川区实验小学,副校长,2026-09-01,2029-08-31",
            "钱美玲,专职,督学,女,13912345679,青川区教育督导室,专职督学,,",
        ]).joined(separator: "\r\n") + "\r\n"

    func testAFileMadeFromTheOlderTemplateIsReadWithItsSingleTypeColumn() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let csv =
                "姓名,督学类型,性别,手机号,工作单位,职务,聘期开始,聘期结束\r\n"
                + "孙立新,特约,男,13812345678,区人大常委会,委员,2026-09-01,2029-08-31\r\n"

            let res = try await office.upload(
                "/import/inspectors", fileName: "inspectors.csv", contentType: "text/csv", data: Data(csv.utf8))

            XCTAssertEqual(res.status, .ok)
            let sun = try await app.inspector(named: "孙立新")
            XCTAssertEqual(sun.kind, .partTime)
            XCTAssertEqual(sun.dutyList, [.special])
        }
    }

    func testAFileWithoutTheDutiesColumnLeavesAnInspectorsDutiesAsTheyAre() async throws {
        try await withApp(history: false) { app in
            let liu = try await app.inspector(named: "刘芳")
            let office = try await login(app, "office")
            let csv =
                "姓名,督学类型,性别,手机号,工作单位,职务\r\n" + "刘芳,兼职,女,\(liu.phone),青川区教育局,基础教育科科长\r\n"

            let res = try await office.upload(
                "/import/inspectors", fileName: "inspectors.csv", contentType: "text/csv", data: Data(csv.utf8))

            XCTAssertEqual(res.status, .ok)
            let fresh = try await app.inspector(named: "刘芳")
            XCTAssertEqual(fresh.post, "基础教育科科长")
            XCTAssertEqual(fresh.dutyList, [.responsible], "no 督学类别 column: her duties are kept")
        }
    }

    func testInspectorImportIsKeyedByMobileNumber() async throws {
        try await withApp { app in
            let count = try await app.inspectorCount()
            let office = try await login(app, "office")
            let data = Data(Self.inspectorCSV.utf8)

            let first = try await office.upload(
                "/import/inspectors", fileName: "inspectors.csv", contentType: "text/csv", data: data)

            XCTAssertEqual(first.status, .ok)
            XCTAssertTrue(first.body.string.contains("导入督学完成：新建 2 条，更新 0 条，无变化 0 条"))
            let count2 = try await app.inspectorCount()
            XCTAssertEqual(count2, count + 2)
            let sun = try await app.inspector(named: "孙立新")
            XCTAssertEqual(sun.phone, "13812345678")
            XCTAssertEqual(sun.kind, .partTime)
            let district = try await app.demoDistrict()
            XCTAssertEqual(sun.districtID, district.id)
            let terms = try await InspectorTerm.query(on: app.db).filter(\.$inspectorID == sun.id!).count()
            XCTAssertEqual(terms, 1)

            let second = try await office.upload(
                "/import/inspectors", fileName: "inspectors.csv", contentType: "text/csv", data: data)

            XCTAssertTrue(second.body.string.contains("新建 0 条，更新 0 条，无变化 2 条"))
            let count3 = try await app.inspectorCount()
            XCTAssertEqual(count3, count + 2)
            let terms2 = try await InspectorTerm.query(on: app.db).filter(\.$inspectorID == sun.id!).count()
            XCTAssertEqual(terms2, 1)

            let renamed = Data(Self.inspectorCSV.replacingOccurrences(of: "孙立新", with: "孙立鑫").utf8)
            let third = try await office.upload(
                "/import/inspectors", fileName: "inspectors.csv", contentType: "text/csv", data: renamed)

            XCTAssertTrue(third.body.string.contains("新建 0 条，更新 1 条，无变化 1 条"))
            let count4 = try await app.inspectorCount()
            XCTAssertEqual(count4, count + 2)
            let same = try await Inspector.find(sun.id, on: app.db)
            XCTAssertEqual(same?.name, "孙立鑫", "the same row (same mobile number) is renamed")
        }
    }

    // MARK: Export

    func testSchoolCSVExportHasBOMTheImportHeaderAndTheSchools() async throws {
        try await withApp { app in
            let school1 = try await app.school(1)
            let office = try await login(app, "office")

            let res = try await office.get("/schools/export.csv")

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            XCTAssertTrue(res.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let bytes = Array(res.body.readableBytesView)
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("学校标识码,"))
            XCTAssertTrue(text.contains(school1.name))
            let table = try CSV.parse(Data(bytes))
            XCTAssertEqual(table.rows.count, 1 + 39)
            XCTAssertEqual(Array(table.headers.prefix(SchoolInput.headers.count)), SchoolInput.headers)
        }
    }

    func testSchoolXLSXExportIsAWorkbookWithEverySchool() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.get("/schools/export.xlsx")

            XCTAssertEqual(res.status, .ok)
            XCTAssertEqual(
                res.headers.first(name: .contentType),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let data = Data(res.body.readableBytesView)
            XCTAssertEqual(Array(data.prefix(2)), Array("PK".utf8))
            let table = try XLSX.read(data)
            XCTAssertEqual(table.rows.count, 1 + 39)
            XCTAssertEqual(table.headers.first, "学校标识码")
        }
    }

    func testExportFollowsTheListFilters() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.get("/schools/export.csv?type=kindergarten")

            let table = try CSV.parse(Data(res.body.readableBytesView))
            let expected = try await School.query(on: app.db).filter(\.$type == .kindergarten).count()
            XCTAssertEqual(table.rows.count - 1, expected)
            XCTAssertTrue(table.dataRows.allSatisfy { $0[2] == "幼儿园" })
        }
    }

    func testExportedCSVCanBeReimportedWithoutChanges() async throws {
        try await withApp { app in
            let count = try await app.schoolCount()
            let office = try await login(app, "office")
            let export = try await office.get("/schools/export.csv")

            let res = try await office.upload(
                "/import/schools", fileName: "export.csv", contentType: "text/csv",
                data: Data(export.body.readableBytesView))

            XCTAssertEqual(res.status, .ok, HTML.first(#"(第 \d+ 行[\s\S]{0,300})"#, in: res.body.string) ?? "")
            XCTAssertTrue(res.body.string.contains("新建 0 条，更新 0 条，无变化 \(count) 条"))
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count)
        }
    }

    func testInspectorCSVExportListsTheInspectors() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.get("/inspectors/export.csv")

            XCTAssertEqual(res.status, .ok)
            let table = try CSV.parse(Data(res.body.readableBytesView))
            XCTAssertEqual(Array(table.headers.prefix(InspectorInput.headers.count)), InspectorInput.headers)
            XCTAssertEqual(table.rows.count, 1 + 10)
            XCTAssertTrue(table.dataRows.contains { $0.first == "王建华" })
        }
    }

    func testSchoolAccountCannotExport() async throws {
        try await withApp { app in
            let school = try await login(app, "school")

            let csv = try await school.get("/schools/export.csv")
            let xlsx = try await school.get("/schools/export.xlsx")

            XCTAssertEqual(csv.status, .forbidden)
            XCTAssertEqual(xlsx.status, .forbidden)
            XCTAssertFalse(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
        }
    }
}
