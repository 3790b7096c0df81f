import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// The district's own lists and lines (issue 9, item 4): complaint categories, the public time limits, the
/// document checklist and the rubric's grade lines come from its settings, with today's values as defaults.
final class DistrictListsTests: XCTestCase {
    static func settings(_ app: Application, _ change: (DistrictSettings) -> Void) async throws {
        let district = try await app.demoDistrict()
        let s = try await DistrictSettings.forDistrict(district.id!, on: app.db)
        change(s)
        try await s.save(on: app.db)
    }

    func testTheComplaintFormOffersTheDistrictsCategoriesAndPromisesItsTimeLimits() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            try await Self.settings(app) {
                $0.complaintCategories = "乱收费、食品安全、其他"
                $0.complaintLimits =
                    (try? JSONColumn.encode(ComplaintTimeLimits(accept: 2, verify: 4, handle: 6, reply: 3))) ?? "{}"
            }
            let visitor = TestSession(app: app)

            let form = try await visitor.get("/public/complaints/new")
            let refused = try await submitPublicComplaint(
                app, PublicComplaint(district: district.id!, category: "违规补课"), session: visitor)
            let accepted = try await submitPublicComplaint(
                app, PublicComplaint(district: district.id!, category: "食品安全"), session: visitor)

            XCTAssertTrue(form.body.string.contains(#"<option value="食品安全">食品安全</option>"#))
            XCTAssertFalse(form.body.string.contains(#"<option value="违规补课">"#))
            XCTAssertTrue(form.body.string.contains("收到后2个工作日内受理，受理后4个工作日内核实、6个工作日内处理、3个工作日内答复"))
            XCTAssertEqual(refused.status, .unprocessableEntity, "a category the district does not use")
            XCTAssertEqual(accepted.status, .ok)
            XCTAssertTrue(accepted.body.string.contains("我们将在2个工作日内受理"))
        }
    }

    func testAnOfficeThatTicksNoUrgentCategoryGetsNoneNotTheDefaults() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let s = try await DistrictSettings.forDistrict(district.id!, on: app.db)
            var values = s.values
            values.urgentCategories = []

            try s.apply(values)

            XCTAssertEqual(s.urgentCategoryList, [])
            XCTAssertEqual(s.values.urgentCategories, [])
            s.urgentCategories = ""
            XCTAssertEqual(s.urgentCategoryList, ComplaintIntake.urgentCategories, "never set: the defaults")
        }
    }

    func testTheVisitPageTicksTheDistrictsDocumentsAndGradesByItsLines() async throws {
        try await withApp(history: false) { app in
            try await Self.settings(app) {
                $0.documentChecklist = "作业布置与批改、信息化教学、课后服务台账"
                $0.rubricBands = "78,70,60"
            }
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            _ = try await inspector.post("/visits/\(id)/observations", form: VisitFormTests.lesson())  // 79 of 100

            let saved = try await inspector.post(
                "/visits/\(id)/checks", form: [("documents[]", "课后服务台账"), ("documents[]", "教师备课（教案）")])
            let page = try await inspector.get("/visits/\(id)")

            XCTAssertEqual(saved.status, .seeOther)
            let record = try await app.visit(id).checkRecord
            XCTAssertEqual(record.documents, ["课后服务台账"], "only the district's items are kept")
            XCTAssertTrue(page.body.string.contains(#"value="课后服务台账""#))
            XCTAssertFalse(page.body.string.contains(#"value="教师备课（教案）""#))
            XCTAssertTrue(page.body.string.contains("评定：优秀（79分）"), "79 is 优秀 with the line at 78 (良好 by default)")
        }
    }
}
