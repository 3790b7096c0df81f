import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class InspectorHomeViewTests: XCTestCase {
    func testTheInspectorSeesTheirToDoListTheSixRulesTheCalendarProblemsAndSchools() {
        let model = InspectorHome(
            inspectorID: 1,
            schools: [
                .init(id: 2, name: "城关第二小学", type: .primary, students: 860, principal: "孙校长", phone: "0571-88000002"),
                .init(
                    id: 1, name: "城关街道中心小学", type: .primary, students: 1240, principal: "刘校长", phone: "0571-88000001"),
            ],
            maxSchools: 1, semester: VisitFixtures.semester, result: VisitFixtures.compliance(),
            calendarSchools: [.init(id: 2, name: "城关第二小学"), .init(id: 1, name: "城关街道中心小学")],
            todo: [
                TodoGroup(
                    title: "本月待督导学校", total: 1,
                    items: [
                        .init(
                            title: "城关第二小学", detail: "本月尚未督导", link: "/visits/new?school=2",
                            due: Day(year: 2026, month: 11, day: 30))
                    ]),
                TodoGroup(
                    title: "未提交的督导记录", total: 8,
                    items: [.init(title: "城关街道中心小学", detail: "草稿 · 2026年11月12日", link: "/visits/12")],
                    more: "/visits?status=draft"),
                TodoGroup(title: "待复查的整改", total: 0, items: []),
            ],
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
