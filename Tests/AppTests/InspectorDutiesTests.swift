import DudaoCore
import Fluent
import SQLKit
import XCTVapor

@testable import App

/// Appointment (专职/兼职) is separate from duties (督学, 责任督学, 特约督学, which combine); the three-terms check
/// applies to every appointed inspector; whether a 特约督学 may be responsible for a school is the district's choice.
final class InspectorDutiesTests: XCTestCase {
    static func form(_ i: Inspector, roles: [String], termStart: String, termEnd: String) -> [(String, String)] {
        [
            ("name", i.name), ("kind", "partTime"), ("gender", i.gender.rawValue), ("phone", i.phone),
            ("employer", i.employer), ("post", i.post), ("termStart", termStart), ("termEnd", termEnd),
            ("duties", i.duties),
        ] + roles.map { ("roles[]", $0) }
    }

    func testAPartTimeResponsibleInspectorIsHeldToThreeTermsInARow() async throws {
        try await withApp(history: false) { app in
            let liu = try await app.inspector(named: "刘芳")
            try await InspectorTerm.query(on: app.db).filter(\.$inspectorID == liu.id!).delete()
            for (start, end) in [
                ("2017-03-01", "2020-02-29"), ("2020-03-01", "2023-02-28"), ("2023-03-01", "2026-02-28"),
            ] {
                let t = InspectorTerm()
                t.inspectorID = liu.id!
                t.startDate = start
                t.endDate = end
                try await t.save(on: app.db)
            }
            let office = try await login(app, "office")
            try await office.get("/inspectors/\(liu.id!)/edit")

            let saved = try await office.post(
                "/inspectors/\(liu.id!)",
                form: Self.form(liu, roles: ["responsible"], termStart: "2026-03-01", termEnd: "2029-02-28"))
            let page = try await office.get("/inspectors/\(liu.id!)")

            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertTrue(page.body.string.contains("兼职督学连续聘任将达4个聘期，超过连续3个聘期的规定"))
            XCTAssertTrue(page.body.string.contains("<dd>责任督学</dd>"))
            let fresh = try await app.inspector(named: "刘芳")
            XCTAssertEqual(fresh.kind, .partTime)
            XCTAssertEqual(fresh.dutyList, [.responsible])
        }
    }

    func testDutiesCombineOnTheFormAndAnUnknownDutyIsRefused() async throws {
        try await withApp(history: false) { app in
            let zhou = try await app.inspector(named: "周明")
            let office = try await login(app, "office")
            try await office.get("/inspectors/\(zhou.id!)/edit")

            let both = try await office.post(
                "/inspectors/\(zhou.id!)",
                form: Self.form(zhou, roles: ["special", "inspector"], termStart: "", termEnd: ""))
            let bad = try await office.post(
                "/inspectors/\(zhou.id!)", form: Self.form(zhou, roles: ["principal"], termStart: "", termEnd: ""))

            XCTAssertEqual(both.status, .seeOther)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains("督学类别应为：督学、责任督学、特约督学，可多选"))
            let fresh = try await app.inspector(named: "周明")
            XCTAssertEqual(fresh.dutyList, [.inspector, .special])
        }
    }

    func testAssigningASpecialInspectorWarnsUnlessTheDistrictAllowsIt() async throws {
        try await withApp(history: false) { app in
            let huang = try await app.inspector(named: "黄海燕")
            let held = try await Assignment.query(on: app.db).filter(\.$inspectorID == huang.id!).count()
            let office = try await login(app, "office")
            try await office.get("/schools/2/assign")

            _ = try await office.post(
                "/schools/2/assign", form: [("inspector", String(huang.id!)), ("start", "2026-10-01")])
            let warned = try await office.get("/schools/2")
            let district = try await app.demoDistrict()
            let settings = try await DistrictSettings.forDistrict(district.id!, on: app.db)
            settings.specialMayBeResponsible = true
            try await settings.save(on: app.db)
            _ = try await office.post(
                "/schools/3/assign", form: [("inspector", String(huang.id!)), ("start", "2026-10-01")])
            let allowed = try await office.get("/schools/3")

            XCTAssertEqual(held, 0, "the demo's 特约督学 holds no school")
            XCTAssertTrue(warned.body.string.contains("黄海燕是特约督学，本区设置特约督学一般不担任学校责任督学"))
            XCTAssertFalse(allowed.body.string.contains("是特约督学"))
        }
    }

    func testTheOldSingleChoiceIsSplitIntoAppointmentAndDutiesByTheMigration() async throws {
        try await withApp(history: false) { app in
            guard let sql = app.db as? any SQLDatabase else { return }
            try await M015_InspectorDuties().revert(on: app.db)
            try await sql.raw("UPDATE inspectors SET kind = 'responsible' WHERE name = '刘芳'").run()
            try await sql.raw("UPDATE inspectors SET kind = 'special' WHERE name = '黄海燕'").run()

            try await M015_InspectorDuties().prepare(on: app.db)

            let liu = try await app.inspector(named: "刘芳")
            let huang = try await app.inspector(named: "黄海燕")
            let wang = try await app.inspector(named: "王建华")
            XCTAssertEqual(liu.kind, .partTime)
            XCTAssertEqual(liu.dutyList, [.responsible])
            XCTAssertEqual(huang.kind, .partTime)
            XCTAssertEqual(huang.dutyList, [.special])
            XCTAssertEqual(wang.kind, .fullTime)
            XCTAssertEqual(wang.dutyList, [.inspector, .responsible], "a 督学 who holds schools is their 责任督学")
        }
    }
}
