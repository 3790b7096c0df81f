import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class NoticePrintViewTests: XCTestCase {
    func testThePrintoutHasTheKeptCopyAndTheSchoolsCopyWithItsReceipt() {
        let view = NoticePrintView(ctx: .fixture(.inspector, path: "/notices/7/print"), model: noticeFixture)

        assertSnapshot(of: view.document(), as: .html)
    }
}
