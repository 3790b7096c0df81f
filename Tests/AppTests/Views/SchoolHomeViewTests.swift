import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class SchoolHomeViewTests: XCTestCase {
    func testTheSchoolSeesWhatToSignAndRectifyItsInspectorsAndItsRecords() {
        let model = SchoolHome(
            schoolID: 1, schoolName: "城关街道中心小学",
            inspectors: [.init(name: "王建华", phone: "0571-88001234")],
            todo: [
                TodoGroup(
                    title: "待签收的整改通知书", total: 1,
                    items: [
                        .init(
                            title: "城关街道中心小学 · 青督整〔2026〕4号", detail: "请签收", link: "/notices/4",
                            due: Day(year: 2026, month: 12, day: 16))
                    ]),
                TodoGroup(title: "未读消息", total: 0, items: []),
            ])

        let view = SchoolHomeView(ctx: .fixture(.school, path: "/"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASchoolWithNothingToDoIsToldSoCalmly() {
        let model = SchoolHome(schoolID: 1, schoolName: "城关街道中心小学", inspectors: [], todo: [])

        let html = SchoolHomeView(ctx: .fixture(.school, path: "/"), model: model).render().html

        XCTAssertTrue(html.contains("眼下没有待办事项。"))
        XCTAssertTrue(html.contains("本校目前没有挂牌督学"))
    }
}
