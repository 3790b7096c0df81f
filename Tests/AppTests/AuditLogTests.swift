import DudaoCore
import XCTest

@testable import App

/// 操作记录 as the office reads it: every action, record and person in Chinese.
final class AuditLogTests: XCTestCase {
    func testTheTrailNamesNoticeStepsAndPeopleInChineseWithoutCodes() async throws {
        try await withApp { app in
            try await app.changeDistrictSettings { $0.noticeRequiresApproval = true }
            let inspector = try await login(app, "inspector")
            let (_, problem) = try await inspector.recordVisitWithProblem(school: 1)
            let notice = try await inspector.createNotice(school: 1, problems: [problem])
            try await inspector.act(onNotice: notice, .submitForApproval)
            let office = try await login(app, "office")
            try await office.act(onNotice: notice, .approve)

            let res = try await office.get("/audit")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains("整改通知书 · 提交审批"))
            XCTAssertTrue(html.contains("整改通知书 · 审批同意"))
            XCTAssertTrue(html.contains("督导记录 · 提交"))
            XCTAssertTrue(html.contains("王建华（督学）"))
            XCTAssertTrue(html.contains("状态：草稿 → 待审批"))
            for code in ["submitForApproval", "approve<", "（inspector）", "（office）", "{\""] {
                XCTAssertFalse(html.contains(code), code)
            }
        }
    }

    func testOnlyTheOfficeAndAdministratorReadTheTrail() async throws {
        try await withApp { app in
            for user in ["inspector", "school"] {
                let session = try await login(app, user)

                let res = try await session.get("/audit")

                XCTAssertEqual(res.status, .forbidden, user)
            }
        }
    }
}
