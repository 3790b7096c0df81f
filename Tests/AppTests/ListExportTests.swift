import DudaoCore
import Fluent
import XCTVapor

@testable import App
@testable import Spreadsheet

/// Every list exports to .xlsx and CSV with the list's own scope and filter; long lists stream page by page with
/// no row left out.
final class ListExportTests: XCTestCase {
    /// `count` more open problems at the demo's first school, inserted 50 to a statement.
    func addProblems(_ app: Application, count: Int) async throws {
        let school = try await app.school(1)
        let inspector = try await Inspector.query(on: app.db).filter(\.$status == .active).first()
        for start in stride(from: 0, to: count, by: 50) {
            let batch = (start..<min(count, start + 50)).map { n in
                let p = Problem()
                p.schoolID = school.id!
                p.orgPath = school.orgPath
                p.inspectorID = inspector!.id!
                p.category = "校园安全"
                p.severity = .minor
                p.disposition = .rectify
                p.description = "导出测试问题 \(n)"
                p.state = .open
                p.draft = false
                p.referralDepartment = ""
                p.referralReply = ""
                return p
            }
            try await batch.create(on: app.db)
        }
    }

    func testTheProblemExportStreamsEveryRowPastOnePageInBothFormats() async throws {
        try await withApp { app in
            try await self.addProblems(app, count: Download.pageSize + 150)
            let inDistrict = try await Problem.query(on: app.db).count()
            let office = try await login(app, "office")

            let csv = try await office.exportRows("/problems/export.csv?state=all")
            let xlsx = try await office.exportRows("/problems/export.xlsx?state=all")

            XCTAssertEqual(csv.count, inDistrict + 1, "every problem, and the header row")
            XCTAssertEqual(csv[0].first, "编号")
            let ids = csv.dropFirst().compactMap { Int($0[0]) }
            XCTAssertEqual(ids.count, inDistrict)
            XCTAssertEqual(ids, ids.sorted(by: >), "newest first, none twice across pages")
            XCTAssertEqual(Set(ids).count, ids.count)
            // A sheet leaves out empty cells at the end of a row; a CSV writes them.
            func trimmed(_ rows: [[String]]) -> [[String]] {
                rows.map { Array($0.reversed().drop(while: \.isEmpty).reversed()) }
            }
            XCTAssertTrue(trimmed(xlsx) == trimmed(csv), "the two formats carry the same cells")
        }
    }

    func testTheProblemExportKeepsTheFilterOfTheRegister() async throws {
        try await withApp { app in
            try await self.addProblems(app, count: 3)
            let office = try await login(app, "office")

            let rows = try await office.exportRows("/problems/export.csv?state=open&category=校园安全")

            let expected = try await Problem.query(on: app.db).filter(\.$state == .open)
                .filter(\.$category == "校园安全").count()
            XCTAssertEqual(rows.count - 1, expected)
            XCTAssertTrue(rows.dropFirst().allSatisfy { $0[3] == "校园安全" && $0[6] == ProblemState.open.label })
        }
    }

    func testAnotherDistrictsOfficeExportsNoneOfOurVisitsProblemsOrNotices() async throws {
        try await withApp { app in
            _ = try await Factory.secondDistrict(on: app.db)
            let office2 = try await login(app, "office2")
            let visits = try await Visit.query(on: app.db).count()
            XCTAssertGreaterThan(visits, 0, "precondition: the demo has visits")

            for list in ["visits", "problems", "notices", "complaints"] {
                let rows = try await office2.exportRows("/\(list)/export.csv?state=all")
                XCTAssertEqual(rows.count, 1, "\(list): the header row alone")
            }
        }
    }

    func testASchoolExportsOnlyItsOwnSubmittedVisits() async throws {
        try await withApp { app in
            let school = try await app.school(1)
            let session = try await login(app, "school")

            let rows = try await session.exportRows("/visits/export.xlsx")

            let own = try await Visit.query(on: app.db).filter(\.$schoolID == school.id!)
                .filter(\.$status == .submitted).count()
            XCTAssertGreaterThan(own, 0, "precondition: the demo school has visits")
            XCTAssertEqual(rows.count - 1, own)
            XCTAssertTrue(rows.dropFirst().allSatisfy { $0[2] == school.name && $0[6] == "已提交" })
        }
    }

    func testTheVisitExportTypesItsDatesAndIds() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            let res = try await office.get("/visits/export.xlsx")
            let part = try XCTUnwrap(try XLSX.unzip("xl/worksheets/sheet1.xml", from: Data(buffer: res.body)))
            let sheet = String(decoding: part, as: UTF8.self)

            XCTAssertTrue(sheet.contains("<c r=\"A2\" s=\"2\"><v>"), "the id is a number")
            XCTAssertTrue(sheet.contains("<c r=\"B2\" s=\"4\"><v>"), "the day is a date")
        }
    }

    func testAnInspectorExportsOnlyTheComplaintsAssignedToThemWithoutTheComplainant() async throws {
        try await withApp { app in
            let me = try await Inspector.query(on: app.db).filter(\.$name == "王建华").first()
            let inspector = try await login(app, "inspector")

            let rows = try await inspector.exportRows("/complaints/export.csv?state=all")

            let mine = try await Complaint.query(on: app.db).filter(\.$inspectorID == me?.id).all()
            XCTAssertEqual(rows.count - 1, mine.count)
            XCTAssertEqual(Set(rows.dropFirst().map { $0[0] }), Set(mine.map(\.trackingCode)))
            let names = mine.map(\.complainantName).filter { !$0.isEmpty }
            XCTAssertFalse(rows.joined().contains { cell in names.contains(cell) })
        }
    }

    func testTheNoticeExportFollowsTheTab() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let closed = try await office.exportRows("/notices/export.csv?state=closed")

            let count = try await RectificationNotice.query(on: app.db).filter(\.$state == .closed).count()
            XCTAssertEqual(closed.count - 1, count)
            XCTAssertTrue(closed.dropFirst().allSatisfy { $0[2] == NoticeState.closed.label })
        }
    }

    func testTheDashboardExportCarriesThePagesFigures() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let rows = try await office.exportRows("/dashboard/export.xlsx")

            XCTAssertEqual(rows[0], ["板块", "项目", "数值", "说明"])
            let schools = try await School.query(on: app.db).filter(\.$status == .open).count()
            let row = try XCTUnwrap(rows.first { $0[0] == "督导覆盖" && $0[1] == "学校" })
            XCTAssertEqual(row[2], String(schools))
            let issued = try XCTUnwrap(rows.first { $0[1] == "已下达" })
            XCTAssertEqual(Int(issued[2]).map { $0 > 0 }, true)
        }
    }

    func testTheMonthlyReportExportListsEveryActiveInspectorForTheMonth() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let rows = try await office.exportRows("/monthly-reports/export.csv?month=2026-10")

            let active = try await Inspector.query(on: app.db).filter(\.$status == .active).count()
            XCTAssertEqual(rows.count - 1, active)
            XCTAssertTrue(rows.dropFirst().allSatisfy { $0[1] == "2026年10月" })
        }
    }

    func testAnExportLinkSitsOnEveryListPage() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            for (page, export) in [
                ("/visits", "/visits/export.csv"), ("/problems", "/problems/export.csv"),
                ("/notices", "/notices/export.csv"), ("/complaints", "/complaints/export.csv"),
                ("/dashboard", "/dashboard/export.csv"), ("/monthly-reports", "/monthly-reports/export.csv"),
                ("/compliance", "/compliance/export.csv"), ("/accountability", "/accountability/export.csv"),
                ("/audit", "/audit/export.csv"), ("/escalations", "/escalations/export.csv"),
                ("/areas", "/areas/export.csv"),
            ] {
                let html = try await office.get(page).body.string
                XCTAssertTrue(html.contains(export), page)
            }
        }
    }

    func testTheAuditTrailExportsEveryEventOfTheFilterAndASchoolSeesOnlyDecisionsAgainstIt() async throws {
        try await withApp { app in
            let office = try await login(app, "office")

            let audit = try await office.exportRows("/audit/export.csv?entity=schools")

            let events = try await AuditEvent.query(on: app.db).filter(\.$entity == "schools").count()
            XCTAssertEqual(audit.count - 1, events)
            XCTAssertEqual(audit[0], ["时间", "操作人", "操作", "内容", "改动"])

            let decisions = try await office.exportRows("/accountability/export.csv")
            let all = try await AccountabilityDecision.query(on: app.db).count()
            XCTAssertEqual(decisions.count - 1, all)
            let school = try await login(app, "school")
            let own = try await school.exportRows("/accountability/export.csv")
            let me = try await app.school(1)
            let against = try await AccountabilityDecision.query(on: app.db).filter(\.$targetSchoolID == me.id!).count()
            XCTAssertLessThanOrEqual(own.count - 1, against)
            XCTAssertTrue(own.dropFirst().allSatisfy { $0[2] == me.name }, "only decisions against the school")
        }
    }

    func testTheEscalationListAndTheAreasExportWhatTheirPagesList() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            let scope = Scope(principal: Principal(try await app.user("office")), assignedSchoolIDs: [])

            let escalations = try await office.exportRows("/escalations/export.csv")
            let areas = try await office.exportRows("/areas/export.xlsx")

            let page = try await EscalationList.query(page: 1, per: Paging.maxPer, scope: scope, on: app.db)
            XCTAssertEqual(escalations.count - 1, page.page.total)
            XCTAssertEqual(escalations.dropFirst().map { $0[2] }, page.page.items.map(\.ref))
            let list = try await AreaList.query(scope: scope, on: app.db)
            XCTAssertEqual(areas.dropFirst().map { $0[0] }, list.rows.map(\.name))
        }
    }
}
