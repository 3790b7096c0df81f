import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ComplaintListViewTests: XCTestCase {
    let rows: [ComplaintList.Row] = [
        .init(
            id: 5, trackingCode: "TS-AB12-CD34", school: "城关街道中心小学", category: "乱收费", state: .verifying,
            deadline: Day(year: 2026, month: 11, day: 13), overdue: true, escalation: .reminder),
        .init(
            id: 4, trackingCode: "TS-EF56-GH78", school: nil, category: "招生入学", state: .accepted,
            deadline: Day(year: 2026, month: 11, day: 20), overdue: false, escalation: nil),
    ]

    func testTheOfficeSeesTheComplaintsAndEachInspectorsFigures() {
        let model = ComplaintList(
            filter: .init(state: "open"), page: PageOf(items: rows, paging: Paging(page: 1, per: 50), total: 2),
            mayLogPhone: true,
            figures: [
                .init(name: "李敏", received: 3, handled: 1, onTime: 1, averageDays: 2.25),
                .init(name: "王建华", received: 2, handled: 0, onTime: 0, averageDays: nil),
            ])

        let view = ComplaintListView(ctx: .fixture(.office, path: "/complaints"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnInspectorSeesNeitherThePhoneButtonNorTheFigures() {
        let model = ComplaintList(
            filter: .init(state: "overdue"), page: PageOf(items: [rows[0]], paging: Paging(page: 1, per: 50), total: 1),
            mayLogPhone: false, figures: [])

        let html = ComplaintListView(ctx: .fixture(.inspector, path: "/complaints"), model: model).render().html

        XCTAssertFalse(html.contains("登记电话投诉"))
        XCTAssertFalse(html.contains("各督学办理情况"))
        XCTAssertTrue(html.contains(#"<span class="badge warn">超时 2026年11月13日</span>"#))
    }
}
