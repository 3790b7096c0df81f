import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class InspectorComplianceViewTests: XCTestCase {
    func testTheRulesTheCalendarAndTheShortfallsWithTheirVisits() {
        let model = InspectorCompliance(
            inspectorID: 1, inspectorName: "王建华", semester: VisitFixtures.semester, result: VisitFixtures.compliance(),
            schools: [.init(id: 2, name: "城关第二小学"), .init(id: 1, name: "城关街道中心小学")])

        let view = InspectorComplianceView(ctx: .fixture(.office, path: "/compliance/inspectors/1"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
