import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class InspectorHomeViewTests: XCTestCase {
    func testTheInspectorSeesDraftsTheSixRulesTheCalendarProblemsAndSchools() {
        let model = InspectorHome(
            inspectorID: 1,
            schools: [
                .init(id: 2, name: "城关第二小学", type: .primary, students: 860, principal: "孙校长", phone: "0571-88000002"),
                .init(
                    id: 1, name: "城关街道中心小学", type: .primary, students: 1240, principal: "刘校长", phone: "0571-88000001"),
            ],
            maxSchools: 1, semester: VisitFixtures.semester, result: VisitFixtures.compliance(),
            calendarSchools: [.init(id: 2, name: "城关第二小学"), .init(id: 1, name: "城关街道中心小学")],
            drafts: [.init(id: 12, school: "城关街道中心小学", date: "2026-11-12")],
            problems: [
                .init(
                    school: "城关街道中心小学", category: "作业管理", source: "/visits/9", description: "四年级书面作业时长超过规定。",
                    disposition: .rectify),
                .init(
                    school: "城关第二小学", category: "收费", source: "/complaints/3", description: "违规收取资料费。",
                    disposition: .refer),
            ])

        let view = InspectorHomeView(ctx: .fixture(.inspector, path: "/"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
