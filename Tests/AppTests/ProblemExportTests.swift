import DudaoCore
import Foundation
import Spreadsheet
import XCTest

@testable import App

/// 问题台账 export: a problem's notice by its 文号, deadline and state, as far as the account may see the notice.
final class ProblemExportTests: XCTestCase {
    func rows(_ session: TestSession) async throws -> [[String]] {
        try await session.exportRows("/problems/export.xlsx?state=all")
    }

    func testTheExportNamesTheNoticeByNumberWithItsDeadlineAndState() async throws {
        try await withApp { app in
            let notice = try await app.notice(number: "青督整〔2026〕1号")
            let office = try await login(app, "office")

            let table = try await rows(office)

            XCTAssertEqual(Array(table[0].suffix(3)), ["整改通知书文号", "整改期限", "通知书状态"])
            let row = try XCTUnwrap(table.first { $0.contains("青督整〔2026〕1号") })
            XCTAssertTrue(row.contains(notice.deadlineDay!.description), "a typed date, read back as the day")
            XCTAssertTrue(row.contains("已下达"))
            XCTAssertFalse(table.joined().contains { $0.hasPrefix("#") }, "no bare notice ids")
        }
    }

    func testASchoolDoesNotSeeTheNumberOfANoticeNotYetIssuedToIt() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let (_, problem) = try await inspector.recordVisitWithProblem(school: 1, description: "食堂留样记录缺失")
            let draft = try await inspector.createNotice(school: 1, problems: [problem])
            let number = try await app.notice(draft).number
            let school = try await login(app, "school")

            let table = try await rows(school)

            let row = try XCTUnwrap(table.first { $0.contains("食堂留样记录缺失") })
            XCTAssertFalse(row.contains(number))
            XCTAssertFalse(row.contains(NoticeState.draft.label))
        }
    }
}
