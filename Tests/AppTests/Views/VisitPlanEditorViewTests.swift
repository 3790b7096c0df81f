import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class VisitPlanEditorViewTests: XCTestCase {
    static let schools: [VisitPlanEditor.SchoolOption] = [.init(id: 1, name: "城关街道中心小学"), .init(id: 2, name: "城关第二小学")]

    func testTheFormStartsWithTheMonthsThemeAndTheUsualMethods() {
        let model = VisitPlanEditor(
            schools: Self.schools,
            form: .init(
                school: "1", date: "2026-11-16", tasks: "", methods: VisitPlanEditor.defaultMethods, focus: "作业管理"),
            errors: [])

        let view = VisitPlanEditorView(ctx: .fixture(.inspector, path: "/visit-plans/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAPlanSentWithErrorsKeepsWhatWasSent() {
        let model = VisitPlanEditor(
            schools: Self.schools, form: .init(school: "9", date: "12月3日", tasks: "", methods: "听课", focus: "作业"),
            errors: [
                .init("school", "请选择您负责的学校"), .init("date", "请填写计划日期，如 2026-12-03"), .init("tasks", "请填写督导任务"),
            ])

        let view = VisitPlanEditorView(ctx: .fixture(.inspector, path: "/visit-plans"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
