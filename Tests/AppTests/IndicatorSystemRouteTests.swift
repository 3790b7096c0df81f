import DudaoCore
import Fluent
import Spreadsheet
import XCTVapor

@testable import App

/// 指标体系 end to end: every district starts from the built-in systems; the office drafts, edits and publishes;
/// a published version never changes; .xlsx and JSON round-trip through the pages; other districts and other
/// roles see nothing.
final class IndicatorSystemRouteTests: XCTestCase {
    func templates(_ app: Application, district: Int) async throws -> [IndicatorTemplate] {
        try await IndicatorTemplate.query(on: app.db).filter(\.$districtID == district).sort(\.$id).all()
    }

    func newest(_ app: Application, _ template: Int) async throws -> IndicatorVersion {
        try await IndicatorVersion.all(templateID: template, on: app.db).first!
    }

    func testTheDemoDistrictStartsFromEveryBuiltInSystemPublishedAndInstallingAgainAddsNothing() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let before = try await templates(app, district: district.id!)

            try await IndicatorLibrary.installBuiltIns(district: district, at: app.clock.now(), on: app.db)

            let after = try await templates(app, district: district.id!)
            XCTAssertEqual(before.count, 9)
            XCTAssertEqual(after.count, 9)
            let first = try await newest(app, before[0].id!)
            XCTAssertEqual(first.state, .published)
            XCTAssertEqual(before[0].builtInKey, "01-kaixue-shige-daowei")
            let list = try await login(app, "office").get("/systems")
            XCTAssertTrue(list.body.string.contains("内置"))
            XCTAssertTrue(list.body.string.contains("镇（乡、街道）"))
        }
    }

    func testTheOfficeBuildsASystemNodeByNodeAndPublishesItOnlyWhenSound() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/systems/new")

            let created = try await office.post(
                "/systems",
                form: [
                    ("name", "校园安全专项督导"), ("kind", "school"), ("fullScore", "100"), ("bands", "合格≥60；不合格≥0"),
                    ("source", ""),
                ])
            let id = try XCTUnwrap(
                created.headers.first(name: .location)?.split(separator: "/").last.flatMap { Int($0) })
            try await office.get("/systems/\(id)/node")
            let branch = try await office.post(
                "/systems/\(id)/node", form: [("code", "1"), ("title", "安全管理"), ("form", "")])
            let early = try await office.post("/systems/\(id)/publish", form: [])
            let leaf = try await office.post(
                "/systems/\(id)/node",
                form: [
                    ("code", "1.1"), ("parent", "1"), ("title", "每学期至少两次应急疏散演练"), ("form", "达标值"), ("points", "100"),
                    ("condition", "≥2"),
                ])
            let bad = try await office.post(
                "/systems/\(id)/node",
                form: [("code", "1.2"), ("parent", "1"), ("title", "门卫"), ("form", "等级"), ("levels", "好坏")])
            let published = try await office.post("/systems/\(id)/publish", form: [])

            XCTAssertEqual(created.status, .seeOther)
            XCTAssertEqual(branch.status, .seeOther)
            XCTAssertEqual(early.status, .unprocessableEntity)
            XCTAssertTrue(early.body.string.contains("还不能发布：检查项 1 缺少评分方式"))
            XCTAssertEqual(leaf.status, .seeOther)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains("等级应写成「A=10；B=8；C=6；D=3」"))
            XCTAssertTrue(bad.body.string.contains(#"value="门卫""#), "what was typed comes back")
            XCTAssertEqual(published.status, .seeOther)
            let version = try await newest(app, id)
            XCTAssertEqual(version.state, .published)
            XCTAssertEqual(try version.system().leaves.map(\.code), ["1.1"])
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "indicator_system").filter(
                \.$entityID == id
            ).count()
            XCTAssertEqual(audit, 4, "created, two nodes saved, published")
        }
    }

    func testAPublishedVersionNeverChangesEditingMakesTheNextVersion() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let template = try await templates(app, district: district.id!)[0]
            let v1 = try await newest(app, template.id!)
            let original = v1.document
            let office = try await login(app, "office")
            try await office.get("/systems/\(template.id!)")

            let refused = try await office.post(
                "/systems/\(template.id!)/node",
                form: [("code", "9"), ("title", "新增"), ("form", "是否"), ("points", "1")])
            let drafted = try await office.post("/systems/\(template.id!)/draft", form: [])
            let again = try await office.post("/systems/\(template.id!)/draft", form: [])
            let removed = try await office.post("/systems/\(template.id!)/remove", form: [("code", "1")])

            XCTAssertEqual(refused.status, .conflict)
            XCTAssertEqual(drafted.status, .seeOther)
            XCTAssertEqual(again.status, .seeOther)
            let versions = try await IndicatorVersion.all(templateID: template.id!, on: app.db)
            XCTAssertEqual(versions.map(\.number), [2, 1], "a second 修改 opens the same draft")
            XCTAssertEqual(removed.status, .seeOther)
            let v1After = try await IndicatorVersion.find(v1.id, on: app.db)
            XCTAssertEqual(v1After?.document, original)
            let draft = try await newest(app, template.id!)
            XCTAssertNil(try draft.system().node("1"))
            XCTAssertNil(try draft.system().node("1.1"), "the subtree goes with it")
            let old = try await office.get("/systems/\(template.id!)?version=1")
            XCTAssertTrue(old.body.string.contains("第1版 已发布"))
        }
    }

    func testTheSpreadsheetAndJSONExportsImportBackToTheIdenticalTree() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let source = try await templates(app, district: district.id!)[1]
            let system = try await newest(app, source.id!).system()
            let office = try await login(app, "office")
            try await office.get("/systems/new")

            let xlsx = try await office.get("/systems/\(source.id!)/export.xlsx")
            let json = try await office.get("/systems/\(source.id!)/export.json")
            let fromSheet = try await office.upload(
                "/systems/import", fileName: "指标.xlsx", contentType: "application/octet-stream",
                data: Data(buffer: xlsx.body))
            let fromJSON = try await office.upload(
                "/systems/import", fileName: "指标.json", contentType: "application/json", data: Data(buffer: json.body))

            XCTAssertEqual(fromSheet.status, .seeOther)
            XCTAssertEqual(fromJSON.status, .seeOther)
            let all = try await templates(app, district: district.id!)
            XCTAssertEqual(all.count, 11)
            let imported = [try await newest(app, all[9].id!), try await newest(app, all[10].id!)]
            XCTAssertEqual(try imported.map { try $0.system() }, [system, system])
        }
    }

    func testABadFileListsEveryBadRowAndSavesNothing() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let source = try await newest(app, try await templates(app, district: district.id!)[0].id!).system()
            var table = IndicatorSheet.table(source)
            let header = table.rows.firstIndex { $0.first == "编码" }!
            table.rows[header + 2][5] = "打勾"
            table.rows[header + 4][6] = "十分"
            let office = try await login(app, "office")
            try await office.get("/systems/new")

            let res = try await office.upload(
                "/systems/import", fileName: "坏.xlsx", contentType: "application/octet-stream",
                data: try XLSX.write(table))
            let notJSON = try await office.upload(
                "/systems/import", fileName: "坏.json", contentType: "application/json", data: Data("{\"name\":1}".utf8))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("第\(header + 3)行：评分方式应为"))
            XCTAssertTrue(res.body.string.contains("第\(header + 5)行：「分值」应为数字：十分"))
            XCTAssertEqual(notJSON.status, .unprocessableEntity)
            XCTAssertTrue(notJSON.body.string.contains("JSON 文件不是本平台导出的指标体系格式"))
            let count = try await templates(app, district: district.id!).count
            XCTAssertEqual(count, 9)
        }
    }

    func testAnotherDistrictAndOtherRolesSeeNothing() async throws {
        try await withApp(history: false) { app in
            let ours = try await templates(app, district: try await app.demoDistrict().id!)[0]
            let second = try await Factory.secondDistrict(on: app.db)
            try await IndicatorLibrary.installBuiltIns(district: second.district, at: app.clock.now(), on: app.db)
            let theirs = try await templates(app, district: second.district.id!)[0]

            let office2 = try await login(app, "office2")
            let crossRead = try await office2.get("/systems/\(ours.id!)")
            let crossExport = try await office2.get("/systems/\(ours.id!)/export.json")
            let crossDraft = try await office2.post("/systems/\(ours.id!)/draft", form: [])
            let own = try await office2.get("/systems/\(theirs.id!)")
            let inspector = try await login(app, "inspector").get("/systems")
            let school = try await login(app, "school").get("/systems/\(ours.id!)")
            let leader = try await login(app, "leader")
            let leaderRead = try await leader.get("/systems/\(ours.id!)")
            let leaderDraft = try await leader.post("/systems/\(ours.id!)/draft", form: [])

            XCTAssertEqual(crossRead.status, .notFound)
            XCTAssertEqual(crossExport.status, .notFound)
            XCTAssertEqual(crossDraft.status, .notFound)
            XCTAssertEqual(own.status, .ok)
            XCTAssertEqual(inspector.status, .forbidden)
            XCTAssertEqual(school.status, .forbidden)
            XCTAssertEqual(leaderRead.status, .ok)
            XCTAssertFalse(leaderRead.body.string.contains("修改（生成新版本）"))
            XCTAssertEqual(leaderDraft.status, .forbidden)
            let versions = try await IndicatorVersion.all(templateID: ours.id!, on: app.db)
            XCTAssertEqual(versions.count, 1)
        }
    }
}
