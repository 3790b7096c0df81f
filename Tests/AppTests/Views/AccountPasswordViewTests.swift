import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AccountPasswordViewTests: XCTestCase {
    func testThePasswordFormAndTheTokens() {
        let model = AccountPassword(
            errors: [],
            tokens: [
                .init(
                    id: 3, createdAt: fixtureTime, lastUsedAt: nil,
                    expiresAt: Day(year: 2026, month: 12, day: 12)!.date(hour: 10))
            ])

        let view = AccountPasswordView(ctx: .fixture(.inspector, path: "/account/password"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testMistakesAreShownNextToTheirFields() {
        let model = AccountPassword(
            errors: [.init("current", "当前密码不正确"), .init("confirm", "两次输入的新密码不一致")], tokens: [])

        let view = AccountPasswordView(ctx: .fixture(.inspector, path: "/account/password"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 422)
    }
}
