import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ReportListViewTests: XCTestCase {
    func testAnInspectorSeesTheReportsAndTheButtonsToWriteOne() {
        let model = ReportList(rows: [
            .init(
                id: 8, semester: "2026-autumn", kind: .caseStudy, title: "一次作业公示引发的改变", inspector: "王建华", selected: true
            ),
            .init(id: 7, semester: "2026-autumn", kind: .caseStudy, title: "课后服务", inspector: "王建华", selected: false),
            .init(id: 6, semester: "2026-spring", kind: .summary, title: "春季学期工作总结", inspector: "王建华", selected: false),
        ])

        let view = ReportListView(ctx: .fixture(.inspector, path: "/reports"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testTheOfficeGetsNoWriteButtons() {
        let html = ReportListView(ctx: .fixture(.office, path: "/reports"), model: ReportList(rows: [])).render().html

        XCTAssertFalse(html.contains("写工作总结"))
        XCTAssertTrue(html.contains("暂无总结或案例"))
    }
}
