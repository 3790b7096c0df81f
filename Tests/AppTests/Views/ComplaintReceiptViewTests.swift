import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ComplaintReceiptViewTests: XCTestCase {
    func testTheReceiptShowsTheTrackingCodeLargeWithACopyButtonAndTheDistrictsLimits() {
        let view = ComplaintReceiptView(
            ctx: .fixture(nil, path: "/public/complaints/new"),
            model: ComplaintReceipt(trackingCode: "TS-AB12-CD34", limits: ComplaintTimeLimits(accept: 3, reply: 7)))

        assertSnapshot(of: view.document(), as: .html)
        let html = view.render().html
        XCTAssertTrue(html.contains("我们将在3个工作日内受理"))
        XCTAssertTrue(html.contains("7个工作日内答复"))
        XCTAssertTrue(html.contains(#"data-copy="tracking-code""#))
    }
}
