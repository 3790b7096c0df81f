import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class NewNoticeViewTests: XCTestCase {
    let candidates: [NewNotice.Candidate] = [
        .init(id: 31, category: "安全", severity: .serious, description: "教学楼消防通道堆放杂物。"),
        .init(id: 32, category: "食堂卫生", severity: .minor, description: "食堂留样记录不全。"),
    ]

    func testTheFormListsTheCandidatesWithTheChosenOneChecked() {
        let model = NewNotice(
            schoolID: 1, school: "城关街道中心小学", form: .init(problems: [31], requirements: "", deadline: "2026-12-16"),
            candidates: candidates, errors: [])

        let view = NewNoticeView(ctx: .fixture(.inspector, path: "/notices/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 200)
    }

    func testMistakesAreShownNextToTheirFields() {
        let model = NewNotice(
            schoolID: 1, school: "城关街道中心小学", form: .init(problems: [], requirements: "", deadline: "2026-11-01"),
            candidates: [],
            errors: [.init("problems", "请至少选择一个问题"), .init("requirements", "请填写整改要求"), .init("deadline", "整改期限应晚于今天")])

        let view = NewNoticeView(ctx: .fixture(.inspector, path: "/notices"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 422)
    }
}
