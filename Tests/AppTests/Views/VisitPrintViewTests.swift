import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class VisitPrintViewTests: XCTestCase {
    func testTheRecordIsLaidOutLikeThePaperForm() {
        let model = VisitPrint(officeName: "城关区人民政府教育督导室", record: VisitFixtures.record(isDraft: false))

        let view = VisitPrintView(ctx: .fixture(.office, path: "/visits/12/print"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
