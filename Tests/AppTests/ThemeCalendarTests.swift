import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 一月一主题 is the district's own calendar: the office edits it year by year (from a copy of last year or the
/// example), and what it saves is what inspectors see; a district without one sees no theme.
final class ThemeCalendarTests: XCTestCase {
    func form(year: Int, _ themes: [Int: String]) -> [(String, String)] {
        [("year", String(year))] + (1...12).flatMap { [("theme\($0)", themes[$0] ?? ""), ("focus\($0)", "")] }
    }

    func testTheOfficesThemeIsWhatTheVisitFormProposes() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/settings/themes?year=2026")

            let saved = try await office.post("/settings/themes", form: form(year: 2026, [11: "冬季消防与用电安全"]))
            let inspector = try await login(app, "inspector")
            let visitForm = try await inspector.get("/visits/new?school=1")
            let visit = try await inspector.createVisit(school: 1)

            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertTrue(visitForm.body.string.contains("区督导室本月主题：冬季消防与用电安全"), "TestClock is in November")
            let draft = try await app.visit(visit)
            XCTAssertEqual(draft.theme, "冬季消防与用电安全")
            let december = try await ThemeMonth.theme(
                districtID: try await app.demoDistrict().id!, on: Day(year: 2026, month: 12, day: 1)!, db: app.db)
            XCTAssertNil(december, "saving replaces the year: only November is left")
        }
    }

    func testADistrictWithoutACalendarShowsNoTheme() async throws {
        try await withApp(history: false) { app in
            try await ThemeMonth.query(on: app.db).delete()
            let inspector = try await login(app, "inspector")

            let visitForm = try await inspector.get("/visits/new?school=1")

            XCTAssertFalse(visitForm.body.string.contains("区督导室本月主题"))
        }
    }

    func testNextYearStartsFromACopyOfThisYearOrTheExample() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")

            let empty = try await office.get("/settings/themes?year=2027")
            let copy = try await office.get("/settings/themes?year=2027&from=copy")
            let example = try await office.get("/settings/themes?year=2027&from=example")

            XCTAssertTrue(empty.body.string.contains("2027年尚未填写行事历"))
            XCTAssertTrue(copy.body.string.contains("以下内容复制自2026年"))
            XCTAssertTrue(copy.body.string.contains(#"name="theme11" value="食堂、食品、饮水及宿舍卫生和劳动教育""#))
            XCTAssertTrue(example.body.string.contains(#"name="theme9" value="招生、收费、择校""#))
            let saved2027 = try await ThemeMonth.query(on: app.db).filter(\.$year == 2027).count()
            XCTAssertEqual(saved2027, 0, "nothing is saved until the office saves")
        }
    }

    func testARefusedCalendarKeepsWhatWasTypedAndSavesNothing() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/settings/themes?year=2026")
            let before = try await ThemeMonth.query(on: app.db).filter(\.$year == 2026).count()

            var fields = form(year: 2026, [3: "安全", 5: String(repeating: "长", count: 101)])
            fields = replacing(fields, "focus4", with: "只有重点")
            let res = try await office.post("/settings/themes", form: fields)

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("5月主题不能超过100个字"))
            XCTAssertTrue(res.body.string.contains("请填写4月的主题（已填写工作重点）"))
            XCTAssertTrue(res.body.string.contains(#"name="theme3" value="安全""#))
            let after = try await ThemeMonth.query(on: app.db).filter(\.$year == 2026).count()
            XCTAssertEqual(after, before)
        }
    }

    func testAnotherDistrictsCalendarIsItsOwn() async throws {
        try await withApp(history: false) { app in
            let second = try await Factory.secondDistrict(on: app.db)
            let office = try await login(app, "office")
            try await office.get("/settings/themes?year=2026")

            _ = try await office.post("/settings/themes", form: form(year: 2026, [11: "只属于青川区"]))

            let theirs = try await ThemeMonth.calendar(districtID: second.district.id!, year: 2026, on: app.db)
            XCTAssertTrue(theirs.isEmpty)
        }
    }
}
