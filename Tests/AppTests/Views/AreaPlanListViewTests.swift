import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AreaPlanListViewTests: XCTestCase {
    func testTheOfficeSeesEachPlanWithItsStateAndComment() {
        let model = AreaPlanList(
            current: VisitFixtures.semester,
            rows: [
                .init(
                    id: 3, semester: "2026-autumn", inspector: "王建华", status: .submitted, submittedAt: fixtureTime,
                    officeComment: ""),
                .init(
                    id: 2, semester: "2026-autumn", inspector: "李敏", status: .returned, submittedAt: fixtureTime,
                    officeComment: "请补充月度安排"),
                .init(
                    id: 1, semester: "2026-spring", inspector: "王建华", status: .filed, submittedAt: nil,
                    officeComment: "同意"),
            ])

        let view = AreaPlanListView(ctx: .fixture(.office, path: "/plans"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnInspectorIsOfferedThisSemestersPlan() {
        let html = AreaPlanListView(
            ctx: .fixture(.inspector, path: "/plans"), model: AreaPlanList(current: VisitFixtures.semester, rows: [])
        )
        .render().html

        XCTAssertTrue(html.contains("编写2026年秋季学期计划"))
        XCTAssertTrue(html.contains("暂无计划"))
    }
}
