import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ReportEditorViewTests: XCTestCase {
    func testANewCaseStudy() {
        let model = ReportEditor(semester: VisitFixtures.semester, kind: .caseStudy, title: "", body: "", errors: [])

        let view = ReportEditorView(ctx: .fixture(.inspector, path: "/reports/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASummarySentWithErrorsKeepsWhatWasSent() {
        let model = ReportEditor(
            semester: VisitFixtures.semester, kind: .summary, title: "", body: "本学期督导了六所学校。",
            errors: [.init("title", "请填写题目")])

        let view = ReportEditorView(ctx: .fixture(.inspector, path: "/reports"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
