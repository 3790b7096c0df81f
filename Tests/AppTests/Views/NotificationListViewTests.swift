import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class NotificationListViewTests: XCTestCase {
    func testUnreadOnesAreMarkedAndMayBeMarkedRead() {
        let model = NotificationList(items: [
            .init(
                title: "收到整改通知书 青督整〔2026〕7号，请于2026年11月20日前报送整改报告", link: "/notices/7", read: false,
                createdAt: fixtureTime),
            .init(title: "整改通知书 青督整〔2026〕6号：已复查销号", link: "/notices/6", read: true, createdAt: fixtureTime),
        ])

        let view = NotificationListView(ctx: .fixture(.school, path: "/notifications", unread: 1), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testNoNotificationsSaysSo() {
        let html = NotificationListView(
            ctx: .fixture(.school, path: "/notifications"), model: NotificationList(items: [])
        ).render().html

        XCTAssertTrue(html.contains(#"<p class="empty">暂无消息</p>"#))
        XCTAssertFalse(html.contains("全部标为已读"))
    }
}
