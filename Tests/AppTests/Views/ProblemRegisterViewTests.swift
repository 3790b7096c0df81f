import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ProblemRegisterViewTests: XCTestCase {
    func testTheRegisterShowsEachProblemWithItsStateNoticeAndThePager() {
        let model = ProblemRegister(
            filter: .init(q: "消防", category: "安全", state: "open"), paging: Paging(page: 2, per: 50), total: 51,
            rows: [
                .init(
                    id: 34, schoolID: 1, school: "城关街道中心小学", inspector: "王建华", category: "安全", severity: .serious,
                    disposition: .rectify, isOpen: true, description: "教学楼消防通道堆放杂物，灭火器过期未更换。",
                    foundAt: fixtureTime,
                    notice: .init(
                        id: 7, number: "青督整〔2026〕7号", deadline: Day(year: 2026, month: 12, day: 1), state: .acknowledged
                    )),
                .init(
                    id: 33, schoolID: 2, school: "城关第二小学", inspector: "李敏", category: "安全", severity: .minor,
                    disposition: .suggest, isOpen: true, description: "消防演练记录不全。", foundAt: fixtureTime, notice: nil),
            ],
            categories: ["安全", "教学", "食堂"])

        let view = ProblemRegisterView(ctx: .fixture(.office, path: "/problems"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnEmptyRegisterSaysSo() {
        let model = ProblemRegister(
            filter: .init(), paging: Paging(page: 1, per: 50), total: 0, rows: [], categories: [])

        let html = ProblemRegisterView(ctx: .fixture(.school, path: "/problems"), model: model).render().html

        XCTAssertTrue(html.contains("没有符合条件的问题"))
        XCTAssertTrue(html.contains("共 0 条 · 第 1/1 页"))
    }
}
