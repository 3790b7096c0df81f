import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class SchoolSignViewTests: XCTestCase {
    func testTheSignOfASchoolWithItsInspector() {
        let model = SchoolSign(
            school: "城关街道中心小学", districtName: "青川区",
            inspector: .init(name: "王建华", phone: "13800138000", employer: "青川区教育局", photo: nil),
            duties: "监督学校依法规范办学。", supervisionItems: "学校管理与制度执行；校园及周边安全。", complaintPhone: "0816-3212345",
            complaintChannel: "", officeName: "青川区人民政府教育督导室")

        let view = SchoolSignView(ctx: .fixture(nil, path: "/public/schools/1/sign"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASchoolWithoutAnInspectorSaysSo() {
        let model = SchoolSign(
            school: "城关第二小学", districtName: "青川区", inspector: nil, duties: "监督学校依法规范办学。", supervisionItems: "",
            complaintPhone: "", complaintChannel: "qcdd@example.cn", officeName: "青川区人民政府教育督导室")

        let html = SchoolSignView(ctx: .fixture(nil), model: model).render().html

        XCTAssertTrue(html.contains(#"<p class="big">责任督学：待安排</p>"#))
        XCTAssertTrue(html.contains("<p>举报投诉电话：—</p>"))
        XCTAssertTrue(html.contains("<p>投诉渠道：qcdd@example.cn</p>"))
    }
}
