import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class EscalationListViewTests: XCTestCase {
    func testEachStepLinksItsNoticeOrComplaint() {
        let model = EscalationList(
            page: PageOf(
                items: [
                    .init(
                        target: .notice, targetID: 7, step: .interview, proposed: true, action: "propose:interview",
                        comment: "逾期8天，建议约谈（待督导室决定）",
                        createdAt: fixtureTime, ref: "青督整〔2026〕7号", school: "城关街道中心小学"),
                    .init(
                        target: .complaint, targetID: 5, step: .reminder, proposed: false, action: "escalate:reminder",
                        comment: "逾期1天，提醒办理", createdAt: fixtureTime, ref: "TS-AB12-CD34", school: nil),
                ], paging: Paging(page: 1, per: 50), total: 2))

        let view = EscalationListView(ctx: .fixture(.office, path: "/escalations"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
