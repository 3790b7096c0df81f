import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class SchoolFormViewTests: XCTestCase {
    static let townships = ["城关街道", "临江镇"]
    static let areas = [NamedID(id: 1, name: "第一责任区（城区片）")]

    func testANewSchoolsFormIsEmpty() {
        let model = SchoolForm(values: .init(), schoolID: nil, townships: Self.townships, areas: Self.areas, errors: [])

        let view = SchoolFormView(ctx: .fixture(.office, path: "/schools/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testARefusedEditKeepsWhatWasTypedAndShowsEachErrorByItsField() {
        let values = SchoolForm.Values(
            code: "12345", name: "临江镇育才学校", type: "nineYear", ownership: "public", township: "松岭镇", students: "980",
            students_primary: "六百", students_junior: "360", classes: "24", staff: "76", area: "1")
        let model = SchoolForm(
            values: values, schoolID: 5, townships: Self.townships, areas: Self.areas,
            errors: [
                FieldError("code", "学校标识码应为10位数字"), FieldError("students_primary", "小学在校生数应为整数"),
                FieldError("township", "镇街“松岭镇”不在本区范围内"),
            ])

        let view = SchoolFormView(ctx: .fixture(.office, path: "/schools/5"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
