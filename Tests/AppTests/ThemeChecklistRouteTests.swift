import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 主题检查表: a month of the theme calendar names one of the district's published indicator systems; routine
/// visits of that month offer its items, the inspector fills them in, and the record keeps the version it used.
final class ThemeChecklistRouteTests: XCTestCase {
    func calendar(year: Int, theme11: String, template11: String) -> [(String, String)] {
        var form: [(String, String)] = [("year", String(year))]
        for m in 1...12 {
            form.append(("theme\(m)", m == 11 ? theme11 : ""))
            form.append(("focus\(m)", ""))
            form.append(("template\(m)", m == 11 ? template11 : ""))
        }
        return form
    }

    /// A published system of the demo district, named by November's theme.
    func nameNovembersChecklist(_ app: Application, _ office: TestSession) async throws -> (
        IndicatorTemplate, [ChecklistItem]
    ) {
        let district = try await app.demoDistrict()
        let choices = try await ThemeCalendar.checklists(districtID: district.id!, on: app.db)
        let templates = try await IndicatorTemplate.query(on: app.db).filter(\.$id ~~ choices.map(\.id)).all()
        let template = try XCTUnwrap(templates.first { $0.kind == .school }, "a system for schools")
        XCTAssertFalse(choices.contains { c in templates.contains { $0.id == c.id && $0.kind == .township } })
        let version = try await IndicatorVersion.query(on: app.db).filter(\.$templateID == template.id!)
            .filter(\.$state == .published).sort(\.$number, .descending).first()!
        let page = try await office.get("/settings/themes?year=2026")
        XCTAssertTrue(page.body.string.contains("主题检查表（可选）"))
        let saved = try await office.post(
            "/settings/themes", form: calendar(year: 2026, theme11: "课后服务", template11: String(template.id!)))
        XCTAssertEqual(saved.status, .seeOther)
        return (template, ThemeChecklist.items(of: try version.system()))
    }

    func testARoutineVisitOfTheMonthOffersTheChecklistKeepsWhatWasTypedAndPrintsIt() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let (template, items) = try await nameNovembersChecklist(app, office)
            let (first, second) = (items[0], items[1])
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            let followUp = try await inspector.createVisit(school: 1, kind: "followUp")

            let page = try await inspector.get("/visits/\(id)")
            let other = try await inspector.get("/visits/\(followUp)")
            let refused = try await inspector.post(
                "/visits/\(id)/checklist",
                form: [("v_\(first.code)", "no"), ("n_\(first.code)", ""), ("v_\(second.code)", "na")])
            let saved = try await inspector.post(
                "/visits/\(id)/checklist",
                form: [("v_\(first.code)", "yes"), ("v_\(second.code)", "no"), ("n_\(second.code)", "课后服务未公示收费标准")])

            XCTAssertTrue(page.body.string.contains("主题检查表：\(template.name)"))
            XCTAssertTrue(page.body.string.contains(#"name="v_\#(first.code)""#))
            XCTAssertFalse(other.body.string.contains("主题检查表"), "only routine visits offer it")
            let kindergarten = try await School.query(on: app.db).filter(\.$type == .kindergarten).first()!
            let kindergartenVisit = try await office.createVisit(school: kindergarten.id!)
            let notForKindergartens = try await office.get("/visits/\(kindergartenVisit)")
            XCTAssertFalse(notForKindergartens.body.string.contains("主题检查表"), "a school system is not a kindergarten's")
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("\(first.code) \(first.title)：不符合时请写明发现的情况"))
            XCTAssertTrue(
                refused.body.string.contains(#"name="v_\#(second.code)" value="na" checked="checked""#),
                "what was ticked stays")
            XCTAssertEqual(saved.status, .seeOther)
            let visit = try await app.visit(id)
            let record = try XCTUnwrap(visit.checklistRecord)
            XCTAssertEqual(record.entries[first.code], ChecklistEntry(verdict: .met))
            XCTAssertEqual(record.entries[second.code], ChecklistEntry(verdict: .notMet, note: "课后服务未公示收费标准"))

            // A new version of the system changes nothing in a list already begun.
            var changed = try await IndicatorVersion.find(record.versionID, on: app.db)!.system()
            changed.nodes = [IndicatorNode(code: "X1", title: "新的检查项", form: .yesNo(points: 1))]
            let newer = try IndicatorVersion(
                templateID: template.id!, number: 999, system: changed, createdBy: nil, at: TestClock.now)
            newer.state = .published
            try await newer.create(on: app.db)
            try await inspector.post("/visits/\(id)", form: [("summary", "检查课后服务。")])
            let submitted = try await inspector.post("/visits/\(id)/submit")
            XCTAssertEqual(submitted.status, .seeOther)
            let read = try await office.get("/visits/\(id)")
            let print = try await office.get("/visits/\(id)/print")
            XCTAssertTrue(read.body.string.contains("不符合 1"))
            XCTAssertFalse(read.body.string.contains("新的检查项"), "the record reads on the version it was filled in")
            XCTAssertTrue(print.body.string.contains("\(second.code) \(second.title)：不符合（课后服务未公示收费标准）"))
            let late = try await inspector.post("/visits/\(id)/checklist", form: [("v_\(first.code)", "no")])
            XCTAssertNotEqual(late.status, .seeOther, "a submitted record is not changed through the checklist")
        }
    }

    func testTheCalendarRefusesAnotherDistrictsSystemOrOneWithoutATheme() async throws {
        try await withApp(history: false) { app in
            let second = try await Factory.secondDistrict(on: app.db)
            let sample = IndicatorSystem(
                name: "松岭区检查表", kind: .school, nodes: [IndicatorNode(code: "1", title: "安全", form: .yesNo(points: 1))])
            let theirs = IndicatorTemplate(districtID: second.district.id!, system: sample, at: TestClock.now)
            try await theirs.create(on: app.db)
            let version = try IndicatorVersion(
                templateID: theirs.id!, number: 1, system: sample, createdBy: nil, at: TestClock.now)
            version.state = .published
            try await version.create(on: app.db)
            let ours = try await ThemeCalendar.checklists(districtID: try await app.demoDistrict().id!, on: app.db)
            let office = try await login(app, "office")
            try await office.get("/settings/themes?year=2026")
            let before = try await ThemeMonth.query(on: app.db).count()

            let foreign = try await office.post(
                "/settings/themes", form: calendar(year: 2026, theme11: "课后服务", template11: String(theirs.id!)))
            let themeless = try await office.post(
                "/settings/themes", form: calendar(year: 2026, theme11: "", template11: String(ours[0].id)))

            XCTAssertEqual(foreign.status, .unprocessableEntity)
            XCTAssertTrue(foreign.body.string.contains("11月的检查表请从本区已发布的指标体系中选择"))
            XCTAssertFalse(foreign.body.string.contains("松岭区检查表"), "another district's systems are not offered")
            XCTAssertEqual(themeless.status, .unprocessableEntity)
            XCTAssertTrue(themeless.body.string.contains("请填写11月的主题（已选择检查表）"))
            let after = try await ThemeMonth.query(on: app.db).count()
            XCTAssertEqual(after, before, "nothing saved")
        }
    }
}
