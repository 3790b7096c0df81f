import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ComplaintDetailViewTests: XCTestCase {
    func model(
        identity: ComplaintDetail.Identity?, actions: [ComplaintAction], mayMakeProblem: Bool,
        inspectors: [ComplaintDetail.InspectorOption]
    ) -> ComplaintDetail {
        ComplaintDetail(
            id: 5, trackingCode: "TS-AB12-CD34", byPhone: false, schoolID: 1, school: "城关街道中心小学", category: "乱收费",
            receivedOn: Day(year: 2026, month: 11, day: 2), state: .handling,
            deadline: Day(year: 2026, month: 11, day: 23),
            inspectorID: 1, inspector: "王建华", escalation: nil, content: "学校要求每位学生购买指定教辅材料，每人120元。", reply: "",
            fileCount: 1, identity: identity, isProblem: false, actions: actions, mayMakeProblem: mayMakeProblem,
            inspectors: inspectors,
            events: [
                .init(createdAt: fixtureTime, actorName: identity == nil ? "—" : "网上投诉", action: "create", comment: ""),
                .init(createdAt: fixtureTime, actorName: "王建华", action: "accept", comment: "已受理"),
            ])
    }

    func testTheOfficeSeesWhoComplainedTheAttachmentsAndReassignment() {
        let identity = ComplaintDetail.Identity(
            complainant: "张三 13800138000",
            files: [StoredFile(hash: String(repeating: "b", count: 64), name: "收据.jpg", type: "image/jpeg", size: 1000)]
        )
        let view = ComplaintDetailView(
            ctx: .fixture(.office, path: "/complaints/5"),
            model: model(
                identity: identity, actions: [.reply], mayMakeProblem: true,
                inspectors: [.init(id: 1, name: "王建华"), .init(id: 2, name: "李敏")]))

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnInspectorSeesNeitherWhoComplainedNorTheAttachments() {
        let view = ComplaintDetailView(
            ctx: .fixture(.inspector, path: "/complaints/5"),
            model: model(identity: nil, actions: [.reply], mayMakeProblem: true, inspectors: []))

        assertSnapshot(of: view.document(), as: .html)
        let html = view.render().html
        XCTAssertFalse(html.contains("<dt>反映人</dt>"))
        XCTAssertFalse(html.contains("张三"))
        XCTAssertFalse(html.contains("/complaints/5/files/"))
        XCTAssertTrue(html.contains("附件 1 个（仅督导室可查看）"))
    }
}
