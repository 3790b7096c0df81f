import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class SchoolAssignFormViewTests: XCTestCase {
    static let inspectors: [SchoolAssignForm.InspectorChoice] = [
        .init(id: 1, name: "王建华", kind: .fullTime, schools: 3), .init(id: 2, name: "李秀英", kind: .partTime, schools: 5),
    ]

    func testTheFormShowsTheCurrentInspectorAndEachInspectorsLoad() {
        let model = SchoolAssignForm(
            schoolID: 2, schoolName: "城关第二小学", current: "王建华", inspectors: Self.inspectors, limit: 5,
            values: .init(start: "2026-11-16"), errors: [])

        let view = SchoolAssignFormView(ctx: .fixture(.office, path: "/schools/2/assign"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testARefusedAssignmentShowsEachErrorByItsField() {
        let model = SchoolAssignForm(
            schoolID: 9, schoolName: "临江镇江滨小学", current: nil, inspectors: Self.inspectors, limit: 5,
            values: .init(inspector: "1", start: "2026-08-01", note: "学年调整"),
            errors: [
                FieldError("start", "开始日期不能早于现任督学的挂牌开始日期（2026年9月1日）"), FieldError("inspector", "该督学已是本校责任督学"),
            ])

        let view = SchoolAssignFormView(ctx: .fixture(.office, path: "/schools/9/assign"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
