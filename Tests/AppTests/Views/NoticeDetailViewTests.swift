import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

let noticeFixture = NoticeDetail(
    id: 7, number: "青督整〔2026〕7号", state: .returned, deadline: Day(year: 2026, month: 11, day: 20),
    requirements: "一、立即清理消防通道；\n二、更换过期灭火器。", needsVisit: true, escalation: .reminder,
    issuedOn: Day(year: 2026, month: 10, day: 21), school: "城关街道中心小学", inspector: "王建华", inspectorPhone: "13800138000",
    officeName: "青川区人民政府教育督导室",
    problems: [.init(category: "安全", description: "教学楼消防通道堆放杂物，灭火器过期未更换。")],
    reports: [
        .init(
            createdAt: fixtureTime, outcome: "returned", body: "已清理通道。",
            files: [
                StoredFile(hash: String(repeating: "a", count: 64), name: "通道.jpg", type: "image/jpeg", size: 204_800)
            ],
            reviewComment: "灭火器尚未更换，请补充。")
    ],
    events: [
        .init(createdAt: fixtureTime, actorName: "王建华", action: "create", comment: "生成整改通知书（1个问题）"),
        .init(createdAt: fixtureTime, actorName: "王建华", action: "issue", comment: ""),
        .init(createdAt: fixtureTime, actorName: "系统", action: "escalate:reminder", comment: "逾期1天，自动提醒"),
        .init(createdAt: fixtureTime, actorName: "王建华", action: "returnReport", comment: "灭火器尚未更换，请补充。"),
    ],
    actions: [], mayReport: true, errors: [])

final class NoticeDetailViewTests: XCTestCase {
    func testASchoolSeesTheReportsAndTheReportForm() {
        let view = NoticeDetailView(ctx: .fixture(.school, path: "/notices/7"), model: noticeFixture)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testTheInspectorSeesTheButtonsOfTheStepsTheyMayTake() {
        let f = noticeFixture
        let model = NoticeDetail(
            id: f.id, number: f.number, state: .reported, deadline: f.deadline, requirements: f.requirements,
            needsVisit: false,
            escalation: nil, issuedOn: f.issuedOn, school: f.school, inspector: f.inspector,
            inspectorPhone: f.inspectorPhone,
            officeName: f.officeName, problems: f.problems, reports: [], events: [], actions: [.close, .returnReport],
            mayReport: false,
            errors: [])

        let view = NoticeDetailView(ctx: .fixture(.inspector, path: "/notices/7"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAReportWithMistakesIsShownAgainWithThem() {
        let model = NoticeDetail(
            id: 7, number: noticeFixture.number, state: .issued, deadline: noticeFixture.deadline, requirements: "",
            needsVisit: false, escalation: nil, issuedOn: nil, school: "城关街道中心小学", inspector: nil, inspectorPhone: nil,
            officeName: "", problems: [], reports: [], events: [], actions: [.acknowledge], mayReport: true,
            errors: [.init("body", "请填写整改情况"), .init("files", "“a.txt”不是图片或 PDF 文件（仅支持 JPG、PNG、WebP 和 PDF）")])

        let view = NoticeDetailView(ctx: .fixture(.school, path: "/notices/7/report"), model: model)

        assertSnapshot(of: view.document(), as: .html)
        XCTAssertEqual(view.render().status, 422)
    }
}
