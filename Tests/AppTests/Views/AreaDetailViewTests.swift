import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AreaDetailViewTests: XCTestCase {
    func testTheOfficeSeesTheAreasSchoolsTheirInspectorsActionsAndAuditTrail() {
        let model = AreaDetail(
            id: 2, name: "第二责任区（临江片）", active: true, lead: "李秀英", note: "临江镇全部中小学",
            schools: [
                .init(id: 5, name: "临江镇育才学校", type: .nineYear, inspector: "李秀英"),
                .init(id: 6, name: "临江镇中心幼儿园", type: .kindergarten, inspector: nil),
            ],
            mayEdit: true,
            audit: [
                .init(
                    time: fixtureTime, actor: "督导室 陈立新", action: "责任区 · 新建", summary: "新建责任区 第二责任区（临江片）",
                    changes: [FieldChange(field: "学校", before: nil, after: "临江镇育才学校、临江镇中心幼儿园")])
            ])

        let view = AreaDetailView(ctx: .fixture(.office, path: "/areas/2"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnInactiveAreaAsALeaderSeesIt() {
        let model = AreaDetail(
            id: 3, name: "原白沙片", active: false, lead: nil, note: "", schools: [], mayEdit: false, audit: nil)

        let view = AreaDetailView(ctx: .fixture(.leader, path: "/areas/3"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
