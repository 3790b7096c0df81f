import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class SettingsFormViewTests: XCTestCase {
    static let saved = DistrictSettingsValues(
        officeName: "青川区人民政府教育督导室", maxSchoolsPerInspector: 6, complaintPhone: "0816-3212345", complaintChannel: "",
        responsiblePerson: "张主任", responsiblePhone: "13800138000", supervisionItems: "学校管理与制度执行；校园及周边安全。",
        compliance: ComplianceSettings(), rubric: .standard, problemCategories: ["安全", "教学", "食堂"], noticePrefix: "督整",
        noticeDays: 30, noticeRequiresApproval: true, escalation: EscalationPolicy(), holidays: "2026-10-01~2026-10-07",
        complaintLimits: ComplaintTimeLimits(), webhookURL: "")

    func testTheSavedSettings() {
        let model = SettingsForm(districtName: "青川区", input: DistrictSettingsInput(Self.saved), errors: [])

        let view = SettingsFormView(ctx: .fixture(.office, path: "/settings"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testMistakesAreShownNextToTheirFields() {
        var input = DistrictSettingsInput(Self.saved)
        input.maxSchools = "0"
        input.noticeRequiresApproval = false
        input.webhookURL = "http://127.0.0.1/"
        let model = SettingsForm(
            districtName: "青川区", input: input,
            errors: [.init("maxSchools", "请填写1到50之间的整数"), .init("webhookURL", "消息推送地址不能指向内部网络或本机")])

        let view = SettingsFormView(ctx: .fixture(.office, path: "/settings"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 422)
    }
}
