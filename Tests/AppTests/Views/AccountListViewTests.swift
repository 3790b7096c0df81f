import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AccountListViewTests: XCTestCase {
    func testEachAccountsStateAndItsButtons() {
        let model = AccountList(
            page: PageOf(
                items: [
                    .init(
                        id: 7, username: "admin", displayName: "平台管理员", role: .admin, active: true, locked: false,
                        lastLoginAt: fixtureTime, isSelf: true),
                    .init(
                        id: 8, username: "office", displayName: "督导室 陈立新", role: .office, active: true, locked: true,
                        lastLoginAt: nil, isSelf: false),
                    .init(
                        id: 9, username: "school", displayName: "城关街道中心小学", role: .school, active: true, locked: false,
                        lastLoginAt: fixtureTime, isSelf: false),
                    .init(
                        id: 10, username: "old", displayName: "旧账号", role: .inspector, active: false, locked: false,
                        lastLoginAt: nil, isSelf: false),
                ], paging: Paging(page: 1, per: 50), total: 4))

        let view = AccountListView(ctx: .fixture(.admin, path: "/accounts"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
