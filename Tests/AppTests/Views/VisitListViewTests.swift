import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class VisitListViewTests: XCTestCase {
    func testAnInspectorSeesTheVisitsTheNewButtonAndAPagerThatKeepsTheFilter() {
        let model = VisitList(
            filter: .init(inspector: 1, month: "2026-11", status: "submitted", page: 2),
            paging: Paging(page: 2, per: 30), total: 62,
            rows: [
                .init(
                    id: 12, date: "2026-11-12", school: "城关街道中心小学", inspector: "王建华", kind: .routine, theme: "作业管理",
                    isDraft: false),
                .init(
                    id: 11, date: "2026-11-03", school: "城关第二小学", inspector: "王建华", kind: .followUp, theme: "<课后服务>",
                    isDraft: true),
            ])

        let view = VisitListView(ctx: .fixture(.inspector, path: "/visits"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASchoolWithoutVisitsSeesNoNewButton() {
        let model = VisitList(filter: .init(), paging: Paging(page: 1, per: 30), total: 0, rows: [])

        let html = VisitListView(ctx: .fixture(.school, path: "/visits"), model: model).render().html

        XCTAssertTrue(html.contains("暂无督导记录"))
        XCTAssertFalse(html.contains("新建督导记录"))
    }
}
