import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class NewVisitViewTests: XCTestCase {
    static func model(form: NewVisit.Form, errors: [FieldError] = []) -> NewVisit {
        NewVisit(
            schoolID: 1, schoolName: "城关街道中心小学", form: form, errors: errors, monthlyTheme: "作业管理",
            plans: [.init(id: 5, plannedDate: "2026-11-10", focus: "作业布置与批改、课后服务的落实情况")],
            colleagues: [.init(id: 2, name: "李敏", kind: .partTime), .init(id: 3, name: "周强", kind: .fullTime)],
            followUp: VisitFixtures.followUp)
    }

    func testTheFormStartsFromTodayWithThePlansColleaguesAndWhatToFollowUp() {
        let model = Self.model(form: .init(date: "2026-11-16", kind: VisitKind.routine.rawValue, plan: "5"))

        let view = NewVisitView(ctx: .fixture(.inspector, path: "/visits/new"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testTheFormWithErrorsKeepsWhatWasSent() {
        let model = Self.model(
            form: .init(date: "2026-12-01", start: "8点", kind: "routine", theme: "作业", plan: "", members: [2]),
            errors: [.init("date", "督导日期不能晚于今天"), .init("start", "时间格式应为 08:30"), .init("members", "同行督学须为本区督学")])

        let view = NewVisitView(ctx: .fixture(.inspector, path: "/visits"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
