import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// A stray draft can be deleted; a 督导方案 can be linked, changed or unlinked until submit (issue 10, item 2).
final class DraftHousekeepingTests: XCTestCase {
    func testTheAuthorDeletesADraftWithEverythingInItAndTheDeletionIsAudited() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            _ = try await inspector.post("/visits/\(id)/observations", form: VisitFormTests.lesson())
            _ = try await inspector.post("/visits/\(id)/interviews", form: [("group", "teachers"), ("people", "2")])
            let page = try await inspector.get("/visits/\(id)")
            let office = try await login(app, "office")
            let submitted = try await inspector.recordSubmittedVisit(school: 1)

            let byOffice = try await office.post("/visits/\(id)/delete")
            let deleted = try await inspector.post("/visits/\(id)/delete")
            let again = try await inspector.post("/visits/\(id)/delete")
            let lockedRecord = try await inspector.post("/visits/\(submitted)/delete")

            XCTAssertTrue(page.body.string.contains("删除草稿"))
            XCTAssertEqual(byOffice.status, .forbidden, "only the author deletes a draft")
            XCTAssertEqual(deleted.status, .seeOther)
            XCTAssertEqual(again.status, .notFound)
            XCTAssertEqual(lockedRecord.status, .forbidden, "a submitted record is corrected, never deleted")
            let visit = try await Visit.find(id, on: app.db)
            XCTAssertNil(visit)
            let left =
                try await ClassObservation.query(on: app.db).filter(\.$visitID == id).count()
                + Interview.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(left, 0)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "delete").filter(
                \.$entity == "visit"
            )
            .all()
            XCTAssertEqual(audit.map(\.entityID), [id])
        }
    }

    func testAPlanIsLinkedChangedAndUnlinkedWhileDraftingButNeverAnotherInspectorsPlan() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            try await inspector.get("/visit-plans/new?school=1")
            let saved = try await inspector.post(
                "/visit-plans",
                form: [
                    ("school", "1"), ("date", TestClock.today.description), ("tasks", "查看食堂"), ("methods", "巡查"),
                    ("focus", "食堂安全"),
                ])
            let planID = try XCTUnwrap(redirectID(saved, under: "/visit-plans"))
            let id = try await inspector.createVisit(school: 1)
            let draft = try await app.visit(id)
            let stranger = VisitPlan()
            stranger.inspectorID = 2
            stranger.schoolID = 1
            stranger.orgPath = draft.orgPath
            stranger.plannedDate = TestClock.today.description
            stranger.tasks = "别人的方案"
            stranger.methods = ""
            stranger.focus = "别人的"
            try await stranger.save(on: app.db)

            let before = try await inspector.get("/visits/\(id)")
            let linked = try await inspector.post("/visits/\(id)", form: Self.basic(draft, plan: String(planID)))
            let afterLink = try await inspector.get("/visits/\(id)")
            let refused = try await inspector.post("/visits/\(id)", form: Self.basic(draft, plan: String(stranger.id!)))
            let stillLinked = try await app.visit(id).visitPlanID
            let unlinked = try await inspector.post("/visits/\(id)", form: Self.basic(draft, plan: ""))

            XCTAssertTrue(before.body.string.contains("未关联督导方案"))
            XCTAssertEqual(linked.status, .seeOther)
            XCTAssertFalse(afterLink.body.string.contains("未关联督导方案"))
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("所选督导方案不存在"))
            XCTAssertEqual(stillLinked, planID)
            XCTAssertEqual(unlinked.status, .seeOther)
            let finally = try await app.visit(id).visitPlanID
            XCTAssertNil(finally)
        }
    }

    static func basic(_ v: Visit, plan: String) -> [(String, String)] {
        [
            ("date", v.visitDate), ("kind", v.kind.rawValue), ("start", v.startTime), ("end", v.endTime),
            ("theme", v.theme), ("summary", v.summary), ("highlights", v.highlights), ("plan", plan),
        ]
    }
}
