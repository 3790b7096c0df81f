import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class PickSchoolViewTests: XCTestCase {
    func testEachSchoolIsACardThatStartsAVisit() {
        let model = PickSchool(
            schools: [
                .init(id: 1, name: "城关街道中心小学", type: .primary, principal: "刘校长"),
                .init(id: 4, name: "城关幼儿园", type: .kindergarten, principal: "赵园长"),
            ], search: "", truncated: false)

        let view = PickSchoolView(ctx: .fixture(.inspector, path: "/visits/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnInspectorWithoutSchoolsIsTold() {
        let html = PickSchoolView(
            ctx: .fixture(.inspector, path: "/visits/new"), model: PickSchool(schools: [], search: "", truncated: false)
        )
        .render().html

        XCTAssertTrue(html.contains("您目前没有挂牌学校。"))
    }

    func testTheOfficeLooksASchoolUpByName() {
        let model = PickSchool(
            schools: [.init(id: 1, name: "城关街道中心小学", type: .primary, principal: "刘校长")], search: "城关",
            truncated: true)

        let html = PickSchoolView(ctx: .fixture(.office, path: "/visits/new"), model: model).render().html

        XCTAssertTrue(html.contains(#"name="q""#) && html.contains(#"value="城关""#))
        XCTAssertTrue(html.contains("只列出前60所，请输入校名查找。"))
    }
}
