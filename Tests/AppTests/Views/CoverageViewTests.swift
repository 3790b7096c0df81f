import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class CoverageViewTests: XCTestCase {
    func testTheOfficeSeesTheCountsTheUncoveredSchoolsAndTheOverloadedInspectors() {
        let model = Coverage(
            paging: Paging(page: 1, per: 50), total: 2,
            rows: [
                .init(id: 9, name: "临江镇江滨小学", code: "3115000009", type: "primary", township: "临江镇"),
                .init(id: 12, name: "白沙镇教学点", code: "3115000012", type: "unknown", township: "白沙镇"),
            ],
            open: 16, overloaded: [.init(id: 2, name: "李秀英", kind: .partTime, schools: 6)], limit: 5)

        let view = CoverageView(ctx: .fixture(.office, path: "/coverage"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testFullCoverageAsALeaderSeesIt() {
        let model = Coverage(paging: Paging(page: 1, per: 50), total: 0, rows: [], open: 0, overloaded: [], limit: 5)

        let view = CoverageView(ctx: .fixture(.leader, path: "/coverage"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
