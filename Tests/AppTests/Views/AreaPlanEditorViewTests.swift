import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AreaPlanEditorViewTests: XCTestCase {
    func testAReturnedPlanShowsTheOfficesComment() {
        let model = AreaPlanEditor(
            semester: VisitFixtures.semester, status: .returned, officeComment: "请补充月度安排",
            form: .init(goals: "每校每月督导一次。", focus: "作业管理", schedule: "9月：开学准备\n10月：安全"), errors: [])

        let view = AreaPlanEditorView(ctx: .fixture(.inspector, path: "/plans/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAPlanSentWithErrorsKeepsWhatWasSent() {
        let model = AreaPlanEditor(
            semester: VisitFixtures.semester, status: nil, officeComment: "",
            form: .init(goals: "目标", focus: "", schedule: ""),
            errors: [.init("focus", "请填写督导重点"), .init("schedule", "请填写月度安排")])

        let view = AreaPlanEditorView(ctx: .fixture(.inspector, path: "/plans"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
