import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class VisitPlanListViewTests: XCTestCase {
    func testEachPlanLinksToItself() {
        let model = VisitPlanList(rows: [
            .init(id: 5, plannedDate: "2026-11-10", school: "城关街道中心小学", focus: "作业布置与批改、课后服务的落实情况，以及学生睡眠时间和手机管理的执行情况"),
            .init(id: 4, plannedDate: "2026-10-12", school: "城关第二小学", focus: "安全"),
        ])

        let view = VisitPlanListView(ctx: .fixture(.inspector, path: "/visit-plans"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
