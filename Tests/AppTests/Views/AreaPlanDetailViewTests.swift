import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AreaPlanDetailViewTests: XCTestCase {
    func testTheOfficeReviewsASubmittedPlan() {
        let model = AreaPlanDetail(
            id: 3, semester: "2026-autumn", status: .submitted, inspector: "王建华", submittedAt: fixtureTime,
            officeComment: "",
            goals: "每校每月督导一次。", focus: "作业管理与课后服务", schedule: "9月：开学准备\n10月：安全", mayEdit: false, mayReview: true)

        let view = AreaPlanDetailView(ctx: .fixture(.office, path: "/plans/3"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testItsInspectorMayChangeAReturnedPlan() {
        let model = AreaPlanDetail(
            id: 2, semester: "2026-autumn", status: .returned, inspector: "王建华", submittedAt: fixtureTime,
            officeComment: "请补充",
            goals: "", focus: "", schedule: "", mayEdit: true, mayReview: false)

        let html = AreaPlanDetailView(ctx: .fixture(.inspector, path: "/plans/2"), model: model).render().html

        XCTAssertTrue(html.contains("href=\"/plans/new\""))
        XCTAssertFalse(html.contains("action=\"/plans/2/review\""))
    }
}
