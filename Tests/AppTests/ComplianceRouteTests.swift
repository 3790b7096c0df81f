import DudaoCore
import Fluent
import Spreadsheet
import XCTVapor

@testable import App

/// The 六个一 pages: the office's matrix and export, an inspector's detail, the inspector's own view and home.
final class ComplianceRouteTests: XCTestCase {
    func testTheOfficeSeesTheMatrixOfTheSixOnes() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.get("/compliance")
            let autumn = try await office.get("/compliance?semester=2026-autumn")

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("六个一"))
            XCTAssertTrue(res.body.string.contains(Semester.containing(TestClock.today).label))
            XCTAssertEqual(autumn.status, .ok)
            let html = autumn.body.string
            XCTAssertTrue(html.contains("2026年秋季学期"))
            XCTAssertTrue(html.contains("href=\"/compliance/inspectors/1?semester=2026-autumn\""))
            for rule in ComplianceRule.allCases {
                XCTAssertTrue(html.contains("\(rule.number). \(rule.label)"), "column \(rule.label)")
            }
            XCTAssertTrue(html.contains("王建华"))
        }
    }

    func testTheOfficeExportsTheSixOnesAsAnXLSX() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let res = try await office.get("/compliance/export.xlsx?semester=2026-autumn")

            XCTAssertEqual(res.status, .ok)
            let bytes = Data(buffer: res.body)
            XCTAssertEqual(Array(bytes.prefix(2)), Array("PK".utf8), "an xlsx is a zip")
            XCTAssertGreaterThan(bytes.count, 500)
            let disposition = res.headers.first(name: .contentDisposition) ?? ""
            XCTAssertTrue(disposition.contains("attachment"), disposition)
            let table = try XLSX.read(bytes)
            let header = try XCTUnwrap(table.rows.first)
            XCTAssertEqual(header.first, "督学")
            XCTAssertEqual(table.rows.count, 1 + 10, "a row for each active inspector")
            let wang = try XCTUnwrap(table.rows.first { $0.first == "王建华" })
            let october = try XCTUnwrap(header.firstIndex(of: "2026年10月"))
            XCTAssertEqual(wang[october], "3/4", "school 3 was missed in October")
            let plan = try XCTUnwrap(header.firstIndex(of: "1. 学期片区计划"))
            XCTAssertEqual(wang[plan], "达标")
            let li = try XCTUnwrap(table.rows.first { $0.first == "李秀英" })
            XCTAssertEqual(li[plan], "不足1项", "her plan is still waiting for the office")
        }
    }

    func testAnInspectorCannotOpenTheMatrixButSeesTheirOwnDetail() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")

            let matrix = try await inspector.get("/compliance")
            let someoneElse = try await inspector.get("/compliance/inspectors/2")
            let export = try await inspector.get("/compliance/export.xlsx")
            let mine = try await inspector.get("/compliance/mine?semester=2026-autumn")

            XCTAssertEqual(matrix.status, .forbidden)
            XCTAssertEqual(someoneElse.status, .forbidden)
            XCTAssertEqual(export.status, .forbidden)
            XCTAssertEqual(mine.status, .ok)
            let html = mine.body.string
            XCTAssertTrue(html.contains("王建华 · 2026年秋季学期“六个一”明细"))
            XCTAssertTrue(html.contains("只访谈了1名学生"))
            XCTAssertTrue(html.contains("2026年10月未到校督导"))
        }
    }

    /// The detail links to “all of this inspector's visits”; paging through them must keep to that inspector.
    func testPagingThroughAnInspectorsVisitsKeepsToThatInspector() async throws {
        try await withApp { app in
            let school = try await app.school(1)
            for n in 1...30 {
                let v = Visit()
                v.schoolID = 1
                v.orgPath = school.orgPath
                v.inspectorID = 1
                v.visitDate = TestClock.today.adding(days: -n).description
                v.startTime = "08:30"
                v.endTime = ""
                v.kind = .followUp
                v.theme = ""
                v.summary = "随访\(n)"
                v.highlights = ""
                v.checks = "{}"
                v.status = .submitted
                try await v.save(on: app.db)
            }
            let wangs = Set(try await Visit.query(on: app.db).filter(\.$inspectorID == 1).all().compactMap(\.id))
            XCTAssertGreaterThan(wangs.count, 30)
            let office = try await login(app, "office")
            let detail = try await office.get("/compliance/inspectors/1")
            XCTAssertTrue(detail.body.string.contains("href=\"/visits?inspector=1\""))

            let first = try await office.get("/visits?inspector=1")

            XCTAssertEqual(HTML.listTotal(in: first.body.string), wangs.count)
            XCTAssertTrue(visitLinks(in: first.body.string).isSubset(of: wangs))
            let next = try XCTUnwrap(HTML.first(#"<a href="([^"]*)" rel="next">"#, in: first.body.string))
                .replacingOccurrences(of: "&amp;", with: "&")
            XCTAssertTrue(next.contains("inspector=1"), "the next-page link keeps the filter: \(next)")
            let second = try await office.get(next)
            XCTAssertEqual(HTML.listTotal(in: second.body.string), wangs.count)
            XCTAssertTrue(
                visitLinks(in: second.body.string).isSubset(of: wangs), "page 2 lists other inspectors' visits")
        }
    }

    func testTheSchoolAccountSeesNoComplianceAtAll() async throws {
        try await withApp { app in
            let school = try await login(app, "school")

            let matrix = try await school.get("/compliance")
            let mine = try await school.get("/compliance/mine")
            let detail = try await school.get("/compliance/inspectors/1")

            XCTAssertEqual(matrix.status, .forbidden)
            XCTAssertEqual(mine.status, .forbidden)
            XCTAssertEqual(detail.status, .forbidden)
        }
    }

    func testTheDemosDeliberateShortfallsShowOnWangsDetail() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            let school3 = try await app.school(3)
            let school2 = try await app.school(2)

            let res = try await office.get("/compliance/inspectors/1?semester=2026-autumn")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains("王建华 · 2026年秋季学期“六个一”明细"))
            XCTAssertTrue(html.contains("只访谈了1名学生"), "the October visit with one student")
            XCTAssertTrue(html.contains("2026年10月未到校督导"), "the missed October at school 3")
            XCTAssertTrue(html.contains(school3.name))
            XCTAssertTrue(html.contains(school2.name))
            XCTAssertTrue(html.contains("事先没有制定督导方案"), "the November visit without a plan")
            // The engine agrees with the page.
            let result = try await app.compliance(inspector: 1, semester: try XCTUnwrap(Semester(code: "2026-autumn")))
            let october = YearMonth(year: 2026, month: 10)
            XCTAssertEqual(result.monthStates[.init(inspectorID: 1, schoolID: 3, month: october)], .overdue)
            let oneStudent = result.shortfalls.filter {
                $0.rule == .interviews && $0.schoolID == 2 && $0.month == october
            }
            XCTAssertEqual(oneStudent.count, 1)
            XCTAssertTrue(
                html.contains("href=\"/visits/\(oneStudent.first?.visitID ?? -1)\""), "the shortfall links its visit")
        }
    }

    func testTheOfficeCannotOpenTheDetailOfAnInspectorOfAnotherDistrict() async throws {
        try await withApp { app in
            let second = try await Factory.secondDistrict(on: app.db)
            let stranger = Inspector()
            stranger.districtID = second.district.id!
            stranger.orgPath = second.district.path
            stranger.name = "外区督学"
            stranger.kind = .partTime
            stranger.gender = .female
            stranger.phone = "13900000000"
            stranger.employer = "松岭区教育局"
            stranger.post = "督学"
            stranger.duties = Inspector.defaultDuties
            stranger.status = .active
            try await stranger.save(on: app.db)
            let office = try await login(app, "office")

            let res = try await office.get("/compliance/inspectors/\(stranger.id!)")
            let matrix = try await office.get("/compliance")

            XCTAssertEqual(res.status, .notFound)
            XCTAssertEqual(matrix.status, .ok)
            XCTAssertFalse(matrix.body.string.contains("外区督学"))
        }
    }

    func testTheInspectorsHomeShowsTheSixOnesAndTheirDraft() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 2)

            let res = try await inspector.get("/")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains("本学期“六个一”"))
            for rule in ComplianceRule.allCases {
                XCTAssertTrue(html.contains(rule.label), "rule \(rule.label) on the home page")
            }
            XCTAssertTrue(html.contains("未提交的督导记录"))
            XCTAssertTrue(html.contains("href=\"/visits/\(id)\""))
            XCTAssertTrue(html.contains("href=\"/compliance/mine\""))
        }
    }

    func testTheHomeCalendarMarksASchoolVisitedOnceThisMonthsVisitIsSubmitted() async throws {
        try await withApp(history: false) { app in
            let day = TestClock.today
            let semester = Semester.containing(day)
            let settings = try await app.complianceSettings()
            XCTAssertTrue(
                semester.contains(day) && !settings.vacationMonths.contains(day.month), "the test day is a school month"
            )
            let inspector = try await login(app, "inspector")
            let before = try await inspector.get("/")
            XCTAssertFalse(before.body.string.contains("title=\"已督导\""), "nothing visited yet on a clean slate")
            XCTAssertTrue(before.body.string.contains("title=\"本月待督导\""))

            try await inspector.recordSubmittedVisit(school: 1)
            let after = try await inspector.get("/")

            XCTAssertEqual(after.status, .ok)
            XCTAssertTrue(after.body.string.contains("title=\"已督导\""))
        }
    }
}
