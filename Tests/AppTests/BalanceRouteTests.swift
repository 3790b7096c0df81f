import DudaoCore
import Fluent
import Foundation
import Spreadsheet
import XCTVapor

@testable import App

/// 办学条件年报 and the balance pages: a school fills in and submits its own return, the office locks it, another
/// school sees nothing, bad figures are refused whole, the import is all or nothing, the pages show the
/// coefficients computed by hand.
final class BalanceRouteTests: XCTestCase {
    /// A primary school's return: `students`, every resource 10 per student, multimedia classrooms as given.
    func figures(students: Int, classrooms: Int, action: String = "save") -> [(String, String)] {
        var form = [("students_primary", String(students)), ("action", action)]
        for r in BalanceResource.allCases where r != .multimediaClassrooms {
            form.append((r.rawValue, String(students * 10)))
        }
        form.append(("multimedia_classrooms", String(classrooms)))
        return form
    }

    func testThePageOpensOnTheNewestYearWithReturnsAndListsEachYearOnce() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.post("/balance/returns/1/2024", form: figures(students: 100, classrooms: 8))
            try await office.post("/balance/returns/2/2024", form: figures(students: 100, classrooms: 2))
            try await office.post("/balance/returns/1/2025", form: figures(students: 100, classrooms: 8))

            let html = try await office.get("/balance").body.string

            XCTAssertTrue(html.contains(#"<option value="2025" selected>2025 年度</option>"#), "the newest year")
            XCTAssertEqual(html.components(separatedBy: "2024 年度</option>").count, 2, "2024 listed once")
            let newest = try XCTUnwrap(html.range(of: "2025 年度</option>"))
            let older = try XCTUnwrap(html.range(of: "2024 年度</option>"))
            XCTAssertLessThan(newest.lowerBound, older.lowerBound, "newest first")
        }
    }

    func stored(_ app: Application, school: Int, year: Int = 2026) async throws -> BalanceReturn? {
        try await BalanceReturn.find(school: school, year: year, on: app.db)
    }

    func testASchoolSubmitsItsReturnAndTheOfficeLocksIt() async throws {
        try await withApp(history: false) { app in
            let school = try await login(app, "school")
            let office = try await login(app, "office")
            try await school.get("/balance/returns/1/2026")

            let submitted = try await school.post(
                "/balance/returns/1/2026", form: figures(students: 100, classrooms: 8, action: "submit"))
            try await office.get("/balance/returns/1/2026")
            let locked = try await office.post("/balance/returns/1/2026/state", form: [("action", "lock")])
            let page = try await school.get("/balance/returns/1/2026")
            let refused = try await school.post("/balance/returns/1/2026", form: figures(students: 120, classrooms: 8))

            XCTAssertEqual(submitted.status, .seeOther)
            XCTAssertEqual(locked.status, .seeOther)
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertFalse(page.body.string.contains(#"name="students_primary""#), "a locked return is read only")
            let found = try await stored(app, school: 1)
            let r = try XCTUnwrap(found)
            XCTAssertEqual(r.state, .locked)
            XCTAssertEqual(r.studentsPrimary, 100)
            XCTAssertEqual(r.multimediaClassrooms, 8)

            try await office.post("/balance/returns/1/2026/state", form: [("action", "unlock")])
            let again = try await school.post("/balance/returns/1/2026", form: figures(students: 120, classrooms: 8))
            XCTAssertEqual(again.status, .seeOther)
            let changed = try await stored(app, school: 1)
            XCTAssertEqual(changed?.studentsPrimary, 120)
            XCTAssertEqual(changed?.state, .submitted, "a submitted return saved again stays submitted")

            // The returns list as a file keeps its filter: only the school that has submitted.
            let me = try await app.school(1)
            let submittedOnly = try await office.exportRows("/balance/returns/export.csv?year=2026&state=submitted")
            XCTAssertEqual(submittedOnly.dropFirst().map { [$0[1], $0[3]] }, [[me.name, "已报送"]])
            let every = try await office.exportRows("/balance/returns/export.xlsx?year=2026")
            let filing = try await School.query(on: app.db).filter(\.$status == .open)
                .filter(\.$type ~~ SchoolType.allCases.filter(BalanceFigures.files)).count()
            XCTAssertEqual(every.count - 1, filing)
            XCTAssertEqual(every.filter { $0.count > 3 && $0[3] == "未填报" }.count, filing - 1)
        }
    }

    func testAnotherSchoolNeitherSeesNorChangesTheReturn() async throws {
        try await withApp(history: false) { app in
            let second = try await School.find(2, on: app.db)
            try await Factory.schoolAccount("school-b", for: try XCTUnwrap(second), on: app.db)
            _ = try await Factory.secondDistrict(on: app.db)
            let school = try await login(app, "school")
            try await school.post("/balance/returns/1/2026", form: figures(students: 100, classrooms: 8))
            let b = try await login(app, "school-b")
            let far = try await login(app, "school2")
            try await b.get("/")

            let seen = try await b.get("/balance/returns/1/2026")
            let changed = try await b.post("/balance/returns/1/2026", form: figures(students: 1, classrooms: 1))
            let farSeen = try await far.get("/balance/returns/1/2026")
            let statistics = try await b.get("/balance")

            XCTAssertEqual(seen.status, .notFound)
            XCTAssertEqual(changed.status, .notFound)
            XCTAssertEqual(farSeen.status, .notFound)
            XCTAssertEqual(statistics.status, .forbidden)
            let r = try await stored(app, school: 1)
            XCTAssertEqual(r?.studentsPrimary, 100)
        }
    }

    func testBadFiguresAreShownAgainWithTheirReasonsAndNothingIsSaved() async throws {
        try await withApp(history: false) { app in
            let school = try await login(app, "school")
            try await school.get("/balance/returns/1/2026")
            var form = figures(students: 100, classrooms: 8).filter {
                !["books", "computers", "floor_area"].contains($0.0)
            }
            form += [
                ("books", "9223372036854775807999"), ("computers", "1.5"), ("floor_area", #""><script>x</script>"#),
            ]

            let res = try await school.post("/balance/returns/1/2026", form: form)

            XCTAssertEqual(res.status, .unprocessableEntity)
            let html = res.body.string
            XCTAssertTrue(html.contains("图书册数数值过大"))
            XCTAssertTrue(html.contains("计算机台数须为整数"))
            XCTAssertTrue(html.contains("教学及辅助用房面积“"))
            XCTAssertFalse(html.contains("<script>x"))
            XCTAssertTrue(html.contains(#"value="100""#), "what was typed is kept")
            let none = try await stored(app, school: 1)
            XCTAssertNil(none)
        }
    }

    func testTheStatisticsPageShowsTheCoefficientComputedByHand() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/balance/returns/1/2026")
            // Schools 1 and 2 (both primary): 100 students each, 8 and 2 multimedia classrooms.
            // County value 5 per 100, S = 3, CV = 0.600 > 0.500; every other resource equal: CV 0.
            try await office.post("/balance/returns/1/2026", form: figures(students: 100, classrooms: 8))
            try await office.post("/balance/returns/2/2026", form: figures(students: 100, classrooms: 2))

            let page = try await office.get("/balance?year=2026&standard=2017")
            let whatIf = try await office.get(
                "/balance/what-if?year=2026&standard=2017&school=2&try=1&multimedia_classrooms=8")
            let wild = try await office.get(
                "/balance/what-if?year=2026&standard=2017&school=2&try=1&multimedia_classrooms=-9223372036854775808")

            XCTAssertEqual(page.status, .ok)
            let html = page.body.string
            XCTAssertTrue(html.contains("小学（2 所，在校生 200 人）"))
            XCTAssertTrue(html.contains("0.600"))
            XCTAssertTrue(html.contains("5 间/百生"))
            XCTAssertTrue(html.contains("未达标"))
            XCTAssertTrue(html.contains("6 / 7 项差异系数 ≤ 0.500"))
            XCTAssertEqual(whatIf.status, .ok)
            XCTAssertTrue(whatIf.body.string.contains("调整前 未达标，调整后 达标"))
            XCTAssertEqual(wild.status, .unprocessableEntity)
            XCTAssertTrue(wild.body.string.contains("不能为负数"))
            let unchanged = try await stored(app, school: 2)
            XCTAssertEqual(unchanged?.multimediaClassrooms, 2, "the what-if saves nothing")
            let csv = try await office.get("/balance/export.csv?year=2026&standard=2017")
            let sheet = try CSV.parse(Data(buffer: csv.body))
            XCTAssertEqual(sheet.rows.first { $0.count > 1 && $0[1] == "小学差异系数" }?.last, "0.6")
            XCTAssertEqual(sheet.rows.filter { $0.first?.isEmpty == false }.count, 3, "the header and two schools")
        }
    }

    /// The app with figures kept for a minute on a clock the test moves, and the office signed in.
    func withKeptFigures(_ body: (Application, ManualClock, TestSession) async throws -> Void) async throws {
        try await withApp(history: false) { app in
            let clock = ManualClock(TestClock.now)
            app.clock = clock.clock
            app.figuresCaches = FiguresCaches(lifetime: 60)
            try await body(app, clock, try await login(app, "office"))
        }
    }

    func testTheStatisticsAreKeptUntilAChangeIsSavedThroughThePages() async throws {
        try await withKeptFigures { app, _, office in
            try await office.get("/balance/returns/1/2026")
            try await office.post("/balance/returns/1/2026", form: figures(students: 100, classrooms: 8))
            try await office.post("/balance/returns/2/2026", form: figures(students: 100, classrooms: 2))
            let page = "/balance?year=2026&standard=2017"

            let before = try await office.get(page).body.string
            // Another instance's change: this one shows its kept figures, with when they were counted.
            try await BalanceReturn.query(on: app.db).filter(\.$school.$id == 2).set(\.$multimediaClassrooms, to: 8)
                .update()
            let kept = try await office.get(page).body.string
            // A change through this instance's pages is shown at once.
            try await office.post("/balance/returns/1/2026", form: figures(students: 100, classrooms: 6))
            let changed = try await office.get(page).body.string
            try await office.post("/balance/returns/1/2026/state", form: [("action", "lock")])
            let locked = try await office.get(page).body.string

            XCTAssertTrue(before.contains("0.600"), "CV of 8 and 2 classrooms per 100")
            XCTAssertTrue(before.contains("数据统计于 2026-11-30 10:00"))
            XCTAssertTrue(kept.contains("0.600"), "kept within the lifetime")
            XCTAssertTrue(changed.contains("7 / 7 项差异系数 ≤ 0.500"), "6 and 8 classrooms per 100")
            XCTAssertTrue(changed.contains("0.143"), "S = 1 over a county value of 7")
            XCTAssertTrue(locked.contains(#"<span class="stat-value">1</span><span class="stat-label">已审核锁定"#))
        }
    }

    func testTheYearsAreKeptWithTheStatisticsAndARecordSavedHereOpensItsYearAtOnce() async throws {
        try await withKeptFigures { app, clock, office in
            try await office.post("/balance/returns/1/2025", form: figures(students: 100, classrooms: 8))
            let first = try await office.get("/balance").body.string

            // A return saved through this instance's pages: its year is listed and opened at once.
            try await office.post("/balance/returns/1/2026", form: figures(students: 100, classrooms: 8))
            let saved = try await office.get("/balance").body.string
            // Another instance's return: listed once the kept years have had their two lifetimes.
            let stored2026 = try await stored(app, school: 1, year: 2026)
            let saved2026 = try XCTUnwrap(stored2026)
            let elsewhere = BalanceReturn()
            (elsewhere.$school.id, elsewhere.districtID, elsewhere.orgPath) = (
                1, saved2026.districtID, saved2026.orgPath
            )
            (elsewhere.year, elsewhere.figures, elsewhere.state) = (2027, saved2026.figures, .submitted)
            (elsewhere.updatedBy, elsewhere.lockedBy) = ("", "")
            try await elsewhere.create(on: app.db)
            let kept = try await office.get("/balance").body.string
            clock.advance(by: 121)
            _ = try await office.get("/balance")
            await app.figuresCaches.settled()
            let later = try await office.get("/balance").body.string

            XCTAssertTrue(first.contains(#"<option value="2025" selected>2025 年度</option>"#))
            XCTAssertTrue(saved.contains(#"<option value="2026" selected>2026 年度</option>"#), "its year at once")
            XCTAssertFalse(kept.contains("2027 年度</option>"), "kept within the lifetime")
            XCTAssertTrue(later.contains(#"<option value="2027" selected>2027 年度</option>"#), "then counted again")
        }
    }

    func testThePageDrawnOnceWritesEachAccountsOwnTokenAndShowsTheFormOnlyToThoseWhoMayEdit() async throws {
        try await withKeptFigures { app, _, office in
            let drawing = try await office.get("/balance").body.string
            let anotherOffice = try await login(app, "office")
            let leader = try await login(app, "leader")

            let kept = try await anotherOffice.get("/balance").body.string
            let read = try await leader.get("/balance").body.string
            let weightsForm = try XCTUnwrap(kept.range(of: #"action="/balance/weights""#))
            let token = try XCTUnwrap(HTML.csrfToken(in: String(kept[weightsForm.upperBound...])))
            let saved = try await anotherOffice.post(
                "/balance/weights", form: [("weights", "小学:1；初中:1.2；高中:1.5")], csrf: .value(token))

            XCTAssertTrue(drawing.contains(#"action="/balance/weights""#))
            XCTAssertNotEqual(anotherOffice.csrf, office.csrf, "two sessions, two tokens")
            XCTAssertEqual(token, anotherOffice.csrf, "the form carries the token of the session that asked")
            XCTAssertEqual(saved.status, .seeOther, "and it is accepted")
            XCTAssertTrue(kept.contains("导入数据"))
            XCTAssertFalse(read.contains("/balance/weights"), "a leader reads the figures only")
            XCTAssertFalse(read.contains("导入数据"))
            XCTAssertTrue(read.contains("导出 Excel"))
        }
    }

    func testASchoolNamedWithTheKeptContentsMarkersIsShownAsTextAndHidesNothing() async throws {
        try await withKeptFigures { app, _, office in
            let name = "城关\u{E000}editors\u{E001}小学"
            try await School.query(on: app.db).filter(\.$id == 1).set(\.$name, to: name).update()
            try await office.get("/balance/returns/1/2026")
            try await office.post("/balance/returns/1/2026", form: figures(students: 100, classrooms: 8))
            try await office.post("/balance/returns/2/2026", form: figures(students: 100, classrooms: 2))
            let leader = try await login(app, "leader")

            let read = try await leader.get("/balance?year=2026")
            let edit = try await office.get("/balance?year=2026").body.string

            XCTAssertEqual(read.status, .ok)
            XCTAssertTrue(read.body.string.contains(name), "the name, drawn whole")
            XCTAssertFalse(read.body.string.contains("/balance/weights"), "a leader still gets no form")
            XCTAssertTrue(read.body.string.contains("导出 CSV"), "and loses nothing after the name")
            XCTAssertTrue(edit.contains(#"action="/balance/weights""#))
            XCTAssertEqual(
                HTML.csrfToken(in: String(edit[edit.range(of: "/balance/weights")!.upperBound...])), office.csrf)
        }
    }

    func testAnImportWithABadRowSavesNothingAndNamesEveryBadRow() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/balance/import")
            let code1 = try await School.find(1, on: app.db)!.code
            let code2 = try await School.find(2, on: app.db)!.code
            let header = BalanceSheet.headers.joined(separator: ",")
            let resources = BalanceResource.allCases.map { _ in "100" }.joined(separator: ",")
            let bad = [
                header, "\(code1),甲,300,,,\(resources),,", "\(code2),乙,abc,,,\(resources),,",
                "9999999999,丙,300,,,\(resources),,",
            ].joined(separator: "\n")

            let refused = try await office.upload(
                "/balance/import", fileName: "b.csv", contentType: "text/csv", data: Data(bad.utf8),
                fields: [("year", "2026")])
            let nothing = try await BalanceReturn.query(on: app.db).count()
            let good = [header, "\(code1),甲,300,,,\(resources),,", "\(code2),乙,200,,,\(resources),,"]
                .joined(separator: "\n")
            let accepted = try await office.upload(
                "/balance/import", fileName: "b.csv", contentType: "text/csv", data: Data(good.utf8),
                fields: [("year", "2026")])

            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("第 3 行"))
            XCTAssertTrue(refused.body.string.contains("第 4 行：本区没有学校标识码为 9999999999 的学校"))
            XCTAssertFalse(refused.body.string.contains("第 2 行"))
            XCTAssertEqual(nothing, 0)
            XCTAssertEqual(accepted.status, .seeOther)
            let saved = try await stored(app, school: 2)
            XCTAssertEqual(saved?.studentsPrimary, 200)
            XCTAssertEqual(saved?.state, .submitted)
        }
    }

    func testTheWrongFileOrNoYearIsRefusedClearly() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/balance/import")

            let picture = try await office.upload(
                "/balance/import", fileName: "数据.xlsx", contentType: "image/png",
                data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), fields: [("year", "2026")])
            let noYear = try await office.upload(
                "/balance/import", fileName: "b.csv", contentType: "text/csv", data: Data("学校标识码\n1".utf8),
                fields: [("year", "9223372036854775807")])

            XCTAssertEqual(picture.status, .unprocessableEntity)
            XCTAssertTrue(picture.body.string.contains("Excel"), "the message names what the file should be")
            XCTAssertEqual(noYear.status, .unprocessableEntity)
            XCTAssertTrue(noYear.body.string.contains("年度应为 1900–2100 之间的整数"))
            let none = try await BalanceReturn.query(on: app.db).count()
            XCTAssertEqual(none, 0)
        }
    }

    func testPreschoolFiguresComeFromKindergartensAndTheTownshipsChildren() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let kindergartens = try await School.query(on: app.db).filter(\.$type == .kindergarten).sort(\.$id).all()
            let publicOne = try XCTUnwrap(kindergartens.first { $0.ownership == .publicSchool })
            let township = publicOne.townshipID
            try await office.get("/balance/preschool?year=2026")
            try await office.post("/balance/returns/\(publicOne.id!)/2026", form: [("children", "300")])
            let bad = try await office.post(
                "/balance/preschool", form: [("year", "2026"), ("t\(township)", "很多")])
            try await office.post("/balance/preschool", form: [("year", "2026"), ("t\(township)", "400")])

            let page = try await office.get("/balance/preschool?year=2026")

            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains("适龄幼儿数“很多”不是数字"))
            // 300 of 400 children of age: 75.0 %, under 85 %; all of them in a public kindergarten.
            XCTAssertTrue(page.body.string.contains("75.0%"))
            XCTAssertTrue(page.body.string.contains("100.0%"))
            let sheet = try await office.exportRows("/balance/preschool/export.csv?year=2026")
            let name = try await OrgUnit.find(township, on: app.db)!.name
            let row = try XCTUnwrap(sheet.first { $0.first == name })
            XCTAssertEqual(Array(row.prefix(4)), [name, "400", "300", "75.0%"])
            XCTAssertEqual(row.last, "100.0%", "every child of the township in a public kindergarten")
            XCTAssertEqual(sheet.last?.first, "全区")
        }
    }

    func testTheWeightsSettingIsRefusedWhenNotUnderstood() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/balance")

            let bad = try await office.post("/balance/weights", form: [("weights", "初中:很多")])
            let good = try await office.post("/balance/weights", form: [("weights", "小学:1；初中:1.2；高中:1.5")])

            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains("请写成"))
            XCTAssertEqual(good.status, .seeOther)
            let settings = try await DistrictSettings.forDistrict(try await app.demoDistrict().id!, on: app.db)
            XCTAssertEqual(settings.balanceWeights.junior, 1.2)
        }
    }
}
