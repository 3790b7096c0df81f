import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class AuditLogViewTests: XCTestCase {
    func testEachChangeWithItsFields() {
        let model = AuditLog(
            filter: .init(entity: "settings"),
            page: PageOf(
                items: [
                    .init(
                        time: fixtureTime, actor: "督导室 陈立新", action: "修改", summary: "修改青川区督导设置",
                        changes: [
                            .init(field: "文号前缀", before: "督整", after: "青督"),
                            .init(field: "推送地址", before: nil, after: "https://x.cn"),
                        ]),
                    .init(
                        time: fixtureTime, actor: "平台管理员", action: "新建", summary: "新建账号 office（督导室）",
                        changes: []),
                ], paging: Paging(page: 1, per: 50), total: 60))

        let view = AuditLogView(ctx: .fixture(.office, path: "/audit"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
