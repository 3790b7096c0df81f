import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ReportDetailViewTests: XCTestCase {
    func testTheOfficeMayWithdrawARecommendedCase() {
        let model = ReportDetail(
            id: 8, title: "一次作业公示引发的改变", kind: .caseStudy, inspector: "王建华", semester: "2026-autumn",
            createdAt: fixtureTime,
            body: "九月，城关街道中心小学开始每周公示作业量。\n家长反映……", selected: true, maySelect: true)

        let view = ReportDetailView(ctx: .fixture(.office, path: "/reports/8"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASummaryHasNoRecommendButton() {
        let model = ReportDetail(
            id: 6, title: "工作总结", kind: .summary, inspector: "王建华", semester: "2026-spring", createdAt: fixtureTime,
            body: "正文",
            selected: false, maySelect: false)

        let html = ReportDetailView(ctx: .fixture(.office, path: "/reports/6"), model: model).render().html

        XCTAssertFalse(html.contains("推荐参加全区案例评选"))
    }
}
