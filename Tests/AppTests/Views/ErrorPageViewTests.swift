import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ErrorPageViewTests: XCTestCase {
    func testAnErrorSaysWhatWentWrongAndTheWayHome() {
        let view = ErrorPageView(
            ctx: .fixture(.school, path: "/notices/99"),
            model: ErrorPage(status: 404, title: "页面不存在", message: "未找到该整改通知书，或您无权查看"))

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 404)
    }
}
