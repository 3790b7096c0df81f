import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AreaListViewTests: XCTestCase {
    func testTheListShowsLeadsSchoolCountsOverTheSuggestionAndInactiveAreas() {
        let model = AreaList(rows: [
            .init(id: 1, name: "第一责任区（城区片）", lead: "王建华", schools: 12, active: true),
            .init(id: 2, name: "第二责任区（临江片）", lead: nil, schools: 23, active: true),
            .init(id: 3, name: "原白沙片", lead: "李秀英", schools: 0, active: false),
        ])

        let view = AreaListView(ctx: .fixture(.office, path: "/areas"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testALeaderSeesNoNewButtonAndAnEmptyListSaysSo() {
        let html = AreaListView(ctx: .fixture(.leader, path: "/areas"), model: AreaList(rows: [])).render().html

        XCTAssertTrue(html.contains("尚未设立责任区"))
        XCTAssertFalse(html.contains("新建责任区"))
    }
}
