import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class VisitPlanDetailViewTests: XCTestCase {
    func testItsInspectorCanStartTheVisitFromIt() {
        let model = VisitPlanDetail(
            id: 5, schoolID: 1, school: "城关街道中心小学", plannedDate: "2026-11-10", tasks: "常规督导", methods: "推门听课；查阅资料",
            focus: "作业管理", isMine: true)

        let view = VisitPlanDetailView(ctx: .fixture(.inspector, path: "/visit-plans/5"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testTheOfficeReadsIt() {
        let model = VisitPlanDetail(
            id: 5, schoolID: 1, school: "城关街道中心小学", plannedDate: "2026-11-10", tasks: "", methods: "", focus: "",
            isMine: false)

        let html = VisitPlanDetailView(ctx: .fixture(.office, path: "/visit-plans/5"), model: model).render().html

        XCTAssertFalse(html.contains("按此方案开始督导"))
    }
}
