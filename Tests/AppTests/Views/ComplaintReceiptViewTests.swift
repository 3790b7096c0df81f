import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ComplaintReceiptViewTests: XCTestCase {
    func testTheReceiptShowsTheTrackingCode() {
        let view = ComplaintReceiptView(
            ctx: .fixture(nil, path: "/public/complaints/new"),
            model: ComplaintReceipt(trackingCode: "TS-AB12-CD34", acceptDays: 3))

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertTrue(view.render().html.contains("我们将在3个工作日内受理"))
    }
}
