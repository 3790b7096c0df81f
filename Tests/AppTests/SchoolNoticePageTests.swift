import DudaoCore
import Fluent
import XCTest

@testable import App

/// The notice as a school reads it: 签收 on its own at the top, words a school understands.
final class SchoolNoticePageTests: XCTestCase {
    func testSigningIsOneButtonAtTheTopApartFromTheReportFormWithoutOfficeWords() async throws {
        try await withApp { app in
            let notice = try await app.notice(number: "青督整〔2026〕1号")
            let school = try await login(app, "school")

            let html = try await school.get("/notices/\(notice.id!)").body.string

            let sign = try XCTUnwrap(html.range(of: "请签收本通知书"))
            let problems = try XCTUnwrap(html.range(of: "存在问题"))
            XCTAssertLessThan(sign.lowerBound, problems.lowerBound, "签收 comes before the notice's text")
            XCTAssertTrue(html.contains(#"value="acknowledge""#))
            XCTAssertFalse(html.contains("必填"), "no 退回、审批退回、撤回时必填 on a school's page")
            XCTAssertFalse(html.contains("意见 / 理由"))
        }
    }

    func testAReturnedReportAsksTheSchoolToReportAgain() async throws {
        try await withApp { app in
            let notice = try await app.notice(number: "青督整〔2026〕1号")
            let school = try await login(app, "school")
            try await school.act(onNotice: notice.id!, .acknowledge)
            try await school.report(onNotice: notice.id!, body: "已清理消防通道，更换灭火器。")
            let inspector = try await login(app, "inspector")
            let review = try await inspector.get("/notices/\(notice.id!)").body.string
            try await inspector.act(onNotice: notice.id!, .returnReport, comment: "请补充灭火器照片")

            let html = try await school.get("/notices/\(notice.id!)").body.string

            XCTAssertTrue(review.contains("退回重报时必填"), "the inspector is told when the comment is needed")
            XCTAssertTrue(html.contains("重新提交整改报告"))
            XCTAssertTrue(html.contains("请按复查意见补充后重新提交"))
        }
    }
}
