import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class NewAccountViewTests: XCTestCase {
    func testTheEmptyForm() {
        let view = NewAccountView(
            ctx: .fixture(.admin, path: "/accounts/new"), model: NewAccount(form: .init(), errors: []))

        assertSnapshot(of: view.document(), as: .html)
    }

    func testMistakesKeepWhatWasTyped() {
        let model = NewAccount(
            form: .init(username: "a", displayName: "", role: "school", school: "123", inspector: ""),
            errors: [
                .init("username", "用户名应为3–32位字母、数字或下划线"), .init("displayName", "请填写姓名"),
                .init("school", "请填写本区学校的学校标识码"),
            ])

        let view = NewAccountView(ctx: .fixture(.admin, path: "/accounts"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 422)
    }
}
