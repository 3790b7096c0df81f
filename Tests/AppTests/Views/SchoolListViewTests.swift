import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class SchoolListViewTests: XCTestCase {
    static let townships = [NamedID(id: 3, name: "城关街道"), NamedID(id: 4, name: "临江镇")]

    static let rows: [SchoolList.Row] = [
        .init(
            id: 1, name: "城关街道中心小学", code: "3115000001", type: .primary, ownership: .publicSchool, township: "城关街道",
            students: 1260, inspector: "王建华", isOpen: true),
        .init(
            id: 5, name: "临江镇育才学校", code: "3115000005", type: .nineYear, ownership: .privateSchool, township: "临江镇",
            students: 980, inspector: nil, isOpen: true),
        .init(
            id: 9, name: "临江镇江滨小学", code: "3115000009", type: .primary, ownership: .publicSchool, township: "临江镇",
            students: 0, inspector: nil, isOpen: false),
    ]

    func testTheOfficeSeesFiltersExportsEachSchoolsInspectorOrItsLackAndThePager() {
        let model = SchoolList(
            filter: .init(q: "临江", township: 4, status: "all", page: 2, per: 3), paging: Paging(page: 2, per: 3),
            total: 9,
            rows: Self.rows, townships: Self.townships, areas: [NamedID(id: 1, name: "第一责任区（城区片）")])

        let view = SchoolListView(ctx: .fixture(.office, path: "/schools"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnInspectorSeesTheirSchoolsWithoutFiltersOrExports() {
        let model = SchoolList(
            filter: .init(), paging: Paging(page: 1, per: 50), total: 1, rows: [Self.rows[0]],
            townships: Self.townships, areas: [])

        let view = SchoolListView(ctx: .fixture(.inspector, path: "/schools"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
