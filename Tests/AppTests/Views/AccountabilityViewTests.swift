import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AccountabilityViewTests: XCTestCase {
    func decision(state: AccountabilityState = .decided, earlier: Int = 0, role: Role) -> AccountabilityDetail {
        let decided = Day(year: 2026, month: 11, day: 20)!
        return AccountabilityDetail(
            id: 3, documentNumber: "城督问〔2026〕3号", decidedOn: decided, measure: .unitInterview, target: .unit,
            targetName: "城关街道中心小学", reason: "整改通知书 城督整〔2026〕7号逾期十六天未报送整改报告，经提醒仍未整改。",
            state: state, appealUntil: Accountability.appealDeadline(notifiedOn: decided),
            sourceLabel: "整改通知书 城督整〔2026〕7号",
            sourcePath: "/notices/7", response: state == .responded ? "已于次日完成整改并报送。" : "",
            responseFiles: state == .responded ? [.init(name: "报送截图.png", path: "/accountability/3/files/abc")] : [],
            respondedAt: state == .responded ? fixtureTime : nil, outcomeComment: "", earlierThisYear: earlier,
            officeName: "城关区人民政府教育督导室", mayRespond: role == .school && state == .decided, responseRefusal: nil,
            outcomes: role == .office ? (state == .responded ? [.upheld, .changed, .withdrawn] : [.withdrawn]) : [],
            errors: [])
    }

    func testTheSchoolSeesTheDecisionItsWindowAndTheResponseForm() {
        let view = AccountabilityDetailView(
            ctx: .fixture(.school, path: "/accountability/3"), model: decision(role: .school))

        assertSnapshot(of: view.document(), as: .html)
    }

    func testTheOfficeSeesTheAnswerAggravationAndTheOutcomeForm() {
        let html = AccountabilityDetailView(
            ctx: .fixture(.office, path: "/accountability/3"),
            model: decision(state: .responded, earlier: 1, role: .office)
        ).render().html

        XCTAssertTrue(html.contains("本年度已对该对象问责1次，依问责办法属从重情节。"))
        XCTAssertTrue(html.contains(#"<a href="/accountability/3/files/abc">报送截图.png</a>"#))
        XCTAssertTrue(html.contains(#"action="/accountability/3/outcome""#))
        XCTAssertFalse(html.contains(#"action="/accountability/3/respond""#))
    }

    func testThePrintedDecisionNamesTheMeasureAndTheRightToAnswer() {
        let view = AccountabilityPrintView(
            ctx: .fixture(.office, path: "/accountability/3/print"), model: decision(role: .office))

        assertSnapshot(of: view.document(), as: .html)
    }
}
