import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class PublicHomeViewTests: XCTestCase {
    func testTheDisclosureOfADistrictWithItsSchools() {
        let model = PublicHome(
            district: .init(id: 2, name: "青川区"), districts: [.init(id: 2, name: "青川区"), .init(id: 9, name: "白水区")],
            supervisionItems: ["学校管理与制度执行", "校园及周边安全"], officeName: "青川区人民政府教育督导室",
            complaintPhone: "0816-3212345", complaintChannel: "", responsiblePerson: "张主任",
            responsiblePhone: "13800138000", q: "城关",
            page: PageOf(
                items: [
                    .init(
                        schoolID: 1, school: "城关街道中心小学", township: "城关街道",
                        inspector: .init(name: "王建华", phone: "13800138000", photo: String(repeating: "c", count: 64))),
                    .init(schoolID: 2, school: "城关第二小学", township: "城关街道", inspector: nil),
                ], paging: Paging(page: 1, per: 100), total: 2))

        let view = PublicHomeView(ctx: .fixture(nil, path: "/public"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testWithoutADistrictThereIsNothingToDisclose() {
        let html = PublicHomeView(ctx: .fixture(nil, path: "/public"), model: nil).render().html

        XCTAssertTrue(html.contains("<title>公开信息 · 督导</title>"))
        XCTAssertTrue(html.contains("<h1>暂无公开信息</h1>"))
    }
}
