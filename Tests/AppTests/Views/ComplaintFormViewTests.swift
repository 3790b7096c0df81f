import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ComplaintFormViewTests: XCTestCase {
    let schools: [ComplaintForm.SchoolOption] = [.init(id: 1, name: "城关街道中心小学"), .init(id: 2, name: "城关第二小学")]

    func testThePublicFormOfADistrict() {
        let model = ComplaintForm(
            districtID: 2, districtName: "青川区", complaintPhone: "0816-3212345", schools: schools,
            categories: ComplaintIntake.categories,
            values: .init(school: "1"), errors: [])

        let view = ComplaintFormView(ctx: .fixture(nil, path: "/public/complaints/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 200)
    }

    func testMistakesKeepWhatWasTyped() {
        let model = ComplaintForm(
            districtID: 2, districtName: "青川区", complaintPhone: "", schools: schools,
            categories: ComplaintIntake.categories,
            values: .init(school: "district", category: "乱收费", content: "太短", name: "张三", phone: "12", anonymous: true),
            errors: [
                .init("content", "请至少写10个字，说明具体情况"),
                .init("phone", "电话格式不正确，手机号为11位数字，座机请写成“区号-号码”"),
                .init("files", "最多上传3个文件"),
            ])

        let view = ComplaintFormView(ctx: .fixture(nil, path: "/public/complaints/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 422)
    }
}
