import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class SchoolDetailViewTests: XCTestCase {
    static let facts = SchoolDetail.Facts(
        id: 5, name: "临江镇育才学校", code: "3115000005", type: .nineYear, ownership: .publicSchool, township: "临江镇",
        area: "第二责任区（临江片）", address: "临江镇滨江路18号", principal: "周明", phone: "0573-82101234", students: 980,
        sections: [.init(section: .primary, students: 620), .init(section: .junior, students: 360)], classes: 24,
        staff: 76,
        status: .open)

    func testTheOfficeSeesFactsInspectorHistoryVisitsProblemsActionsGrantAndAuditTrail() {
        let model = SchoolDetail(
            school: Self.facts,
            responsible: .init(
                id: 2, name: "李秀英", kind: .partTime, phone: "13800000002", employer: "区教师发展中心", post: "教研员", photo: nil),
            history: [
                .init(inspector: "李秀英", start: "2026-10-01", end: nil, note: "学期调整"),
                .init(inspector: "王建华", start: "2025-09-01", end: "2026-09-30", note: ""),
            ],
            visits: [.init(id: 31, date: "2026-11-10", kind: .routine, theme: "课后服务与作业管理")],
            openProblems: [
                .init(category: "安全", description: "消防通道堆放杂物", disposition: .rectify, noticeID: 7),
                .init(category: "教学", description: "作业公示不全", disposition: .suggest, noticeID: nil),
            ],
            mayVisit: false, mayEdit: true, grantable: [NamedID(id: 3, name: "吴晓梅")],
            audit: [
                .init(
                    time: fixtureTime, actor: "督导室 陈立新", action: "学校 · 修改", summary: "修改学校 临江镇育才学校",
                    changes: [FieldChange(field: "学校名称", before: "临江镇中学", after: "临江镇育才学校")])
            ])

        let view = SchoolDetailView(ctx: .fixture(.office, path: "/schools/5"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAClosedSchoolWithoutAnInspectorAsItsInspectorSeesIt() {
        let closed = SchoolDetail.Facts(
            id: 9, name: "临江镇江滨小学", code: "3115000009", type: .primary, ownership: .publicSchool, township: "临江镇",
            area: nil, address: "", principal: "", phone: "", students: 0, sections: [], classes: 0, staff: 0,
            status: .closed)
        let model = SchoolDetail(
            school: closed, responsible: nil, history: [], visits: [], openProblems: [], mayVisit: true, mayEdit: false,
            grantable: [], audit: nil)

        let view = SchoolDetailView(ctx: .fixture(.inspector, path: "/schools/9"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
