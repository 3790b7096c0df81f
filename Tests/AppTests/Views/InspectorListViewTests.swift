import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class InspectorListViewTests: XCTestCase {
    func testTheListShowsEachInspectorsLoadAgainstTheLimitTermAndStatus() {
        let model = InspectorList(
            filter: .init(q: "中心", kind: "partTime", status: "all"), paging: Paging(page: 1, per: 50), total: 3,
            rows: [
                .init(
                    id: 1, name: "王建华", kind: .fullTime, phone: "13800000001", employer: "区教育督导室", post: "督学",
                    schools: 3,
                    termEnd: nil, isActive: true),
                .init(
                    id: 2, name: "李秀英", kind: .partTime, phone: "13800000002", employer: "区教师发展中心", post: "教研员",
                    schools: 6, termEnd: "2029-08-31", isActive: true),
                .init(
                    id: 4, name: "赵磊", kind: .partTime, phone: "13800000004", employer: "城关街道中心小学", post: "退休校长",
                    schools: 0, termEnd: "2026-08-31", isActive: false, roles: [.special]),
            ],
            limit: 5)

        let view = InspectorListView(ctx: .fixture(.office, path: "/inspectors"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testALeaderSeesNoNewButtonAndAnEmptyListSaysSo() {
        let model = InspectorList(filter: .init(), paging: Paging(page: 1, per: 50), total: 0, rows: [], limit: 5)

        let html = InspectorListView(ctx: .fixture(.leader, path: "/inspectors"), model: model).render().html

        XCTAssertTrue(html.contains("没有符合条件的督学"))
        XCTAssertFalse(html.contains("新建督学"))
        XCTAssertTrue(html.contains("共 0 条 · 第 1/1 页"))
    }
}
