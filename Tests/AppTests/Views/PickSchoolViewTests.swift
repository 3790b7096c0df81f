import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class PickSchoolViewTests: XCTestCase {
    func testEachSchoolIsACardThatStartsAVisit() {
        let model = PickSchool(schools: [
            .init(id: 1, name: "城关街道中心小学", type: .primary, principal: "刘校长"),
            .init(id: 4, name: "城关幼儿园", type: .kindergarten, principal: "赵园长"),
        ])

        let view = PickSchoolView(ctx: .fixture(.inspector, path: "/visits/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnInspectorWithoutSchoolsIsTold() {
        let html = PickSchoolView(ctx: .fixture(.inspector, path: "/visits/new"), model: PickSchool(schools: []))
            .render().html

        XCTAssertTrue(html.contains("您目前没有挂牌学校。"))
    }
}
