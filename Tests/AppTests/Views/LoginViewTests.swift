import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class LoginViewTests: XCTestCase {
    func testTheLoginForm() {
        let view = LoginView(
            ctx: .fixture(nil, path: "/login"), model: Login(username: "", next: "/complaints", error: nil))

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 200)
    }

    func testARefusalKeepsTheUsernameAndTheDemoShowsItsAccounts() {
        var ctx = PageContext.fixture(nil, path: "/login")
        ctx.demo = true
        let model = Login(
            username: "office", next: "", error: "用户名或密码不正确", demoPassword: "demo-password",
            demoAccounts: [.init(username: "office", who: "督导室"), .init(username: "school", who: "城关街道中心小学")])

        let view = LoginView(ctx: ctx, model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 401)
    }
}
