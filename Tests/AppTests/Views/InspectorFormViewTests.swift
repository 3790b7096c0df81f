import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class InspectorFormViewTests: XCTestCase {
    func testANewInspectorsFormIsEmpty() {
        let model = InspectorForm(values: .init(), inspectorID: nil, errors: [])

        let view = InspectorFormView(ctx: .fixture(.office, path: "/inspectors/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testARefusedEditKeepsWhatWasTypedAndShowsEachErrorByItsField() {
        let values = InspectorForm.Values(
            name: "李秀英", kind: "partTime", gender: "female", phone: "1380000", employer: "区教师发展中心", post: "教研员",
            termStart: "2026-09-01", termEnd: "2030-08-31", duties: "<b>职责</b> & 公示")
        let model = InspectorForm(
            values: values, inspectorID: 2,
            errors: [FieldError("phone", "手机号应为11位数字"), FieldError("termEnd", "一个聘期不超过3年")])

        let view = InspectorFormView(ctx: .fixture(.office, path: "/inspectors/2"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
