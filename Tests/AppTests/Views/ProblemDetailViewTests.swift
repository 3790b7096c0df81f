import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ProblemDetailViewTests: XCTestCase {
    func testAReferralShowsItsSourceAndTheReferralForm() {
        let model = ProblemDetail(
            id: 34, school: "城关街道中心小学", schoolID: 1, category: "校园环境", severity: .minor, disposition: .refer,
            state: .open,
            description: "校门口道路缺少减速带。", foundAt: fixtureTime, deadline: nil, referralDepartment: "安全科",
            referralReply: "",
            visitID: 12, complaintID: nil, noticeID: nil, mayRefer: true, mayIssueNotice: false)

        let view = ProblemDetailView(ctx: .fixture(.inspector, path: "/problems/34"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAClosedProblemFromAComplaintLinksItsNotice() {
        let model = ProblemDetail(
            id: 35, school: "城关街道中心小学", schoolID: 1, category: "其他", severity: .serious, disposition: .rectify,
            state: .closed,
            description: "（举报投诉 TS-AB12-CD34 经核实）违规收费。", foundAt: fixtureTime,
            deadline: Day(year: 2026, month: 12, day: 1),
            referralDepartment: "", referralReply: "", visitID: nil, complaintID: 5, noticeID: 7, mayRefer: false,
            mayIssueNotice: false)

        let html = ProblemDetailView(ctx: .fixture(.school, path: "/problems/35"), model: model).render().html

        XCTAssertTrue(html.contains(#"<a href="/complaints/5">来源：举报投诉</a> <a href="/notices/7">整改通知书</a>"#))
        XCTAssertTrue(html.contains(#"<span class="badge ok">已销号</span>"#))
        XCTAssertFalse(html.contains("协商办理"))
    }

    func testTheOfficeOpensANoticeOnAnOpenProblemHere() {
        let model = ProblemDetail(
            id: 36, school: "城关街道中心小学", schoolID: 1, category: "安全", severity: .serious, disposition: .rectify,
            state: .open,
            description: "消防通道堆放杂物。", foundAt: fixtureTime, deadline: nil, referralDepartment: "", referralReply: "",
            visitID: 12, complaintID: nil, noticeID: nil, mayRefer: false, mayIssueNotice: true)

        let html = ProblemDetailView(ctx: .fixture(.office, path: "/problems/36"), model: model).render().html

        XCTAssertTrue(
            html.contains(#"<a href="/notices/new?school=1&amp;problem=36" class="btn primary">下达整改通知</a>"#), html)
    }
}
