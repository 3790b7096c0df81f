import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class PhoneLogViewTests: XCTestCase {
    let schools: [ComplaintForm.SchoolOption] = [.init(id: 1, name: "城关街道中心小学")]

    func testTheFormStartsWithToday() {
        let model = PhoneLog(
            schools: schools, categories: ComplaintIntake.categories, values: .init(receivedAt: "2026-11-16"),
            errors: [])

        let view = PhoneLogView(ctx: .fixture(.office, path: "/complaints/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testMistakesAreShownNextToTheirFields() {
        let model = PhoneLog(
            schools: schools, categories: ComplaintIntake.categories,
            values: .init(
                school: "1", category: "其他", content: "", name: "李四", phone: "", receivedAt: "2026-11-17",
                receivedTime: "9点"),
            errors: [
                .init("content", "请填写来电内容"), .init("receivedAt", "来电日期不能晚于今天"), .init("receivedTime", "时间格式应为 09:30"),
            ])

        let view = PhoneLogView(ctx: .fixture(.office, path: "/complaints"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 422)
    }
}
