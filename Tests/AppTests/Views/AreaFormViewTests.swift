import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AreaFormViewTests: XCTestCase {
    static let inspectors: [AreaForm.InspectorChoice] = [
        .init(id: 1, name: "王建华", kind: .fullTime), .init(id: 2, name: "李秀英", kind: .partTime),
    ]
    static let schools = [NamedID(id: 5, name: "临江镇育才学校"), NamedID(id: 6, name: "临江镇中心幼儿园")]

    func testEditingAnAreaTicksItsSchools() {
        let model = AreaForm(
            values: .init(name: "第二责任区（临江片）", lead: "2", note: "临江镇全部中小学", schools: [5]), areaID: 2,
            inspectors: Self.inspectors, schools: Self.schools, errors: [])

        let view = AreaFormView(ctx: .fixture(.office, path: "/areas/2/edit"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testARefusedNewAreaShowsEachErrorByItsField() {
        let model = AreaForm(
            values: .init(name: "", lead: "9", schools: [5, 99]), areaID: nil, inspectors: Self.inspectors,
            schools: Self.schools,
            errors: [
                FieldError("name", "请填写责任区名称"), FieldError("lead", "请选择本区在岗的督学"),
                FieldError("schools", "所选学校中有不属于本区或已划入其他责任区的学校"),
            ])

        let view = AreaFormView(ctx: .fixture(.office, path: "/areas"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
