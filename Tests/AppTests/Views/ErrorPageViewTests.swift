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

    func testAServerErrorGivesTheRequestsIdToQuote() {
        let view = ErrorPageView(
            ctx: .fixture(.office, path: "/dashboard"),
            model: ErrorPage(
                status: 500, title: "服务器出错", message: "服务器处理时出错，请稍后再试；如仍有问题请联系管理员。",
                requestID: "4F2A-REQ"))

        XCTAssertTrue(view.render().html.contains("错误编号：4F2A-REQ（联系管理员时请告知）"))
    }
}
