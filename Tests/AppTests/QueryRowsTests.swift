import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// `rows` and `rowCount` run a model query, the access policy's filters included, without building models: they
/// must return what Fluent's `all` and `count` return, for every role.
final class QueryRowsTests: XCTestCase {
    struct NoticeRow: Decodable, Sendable, Equatable {
        let id: Int
        let schoolId: Int
        let number: String
    }

    func testRowsAndCountsAgreeWithFluentForEveryRole() async throws {
        try await withApp { app in
            for username in ["office", "inspector", "school", "leader"] {
                let user = try await app.user(username)
                var ids: [Int] = []
                if let inspector = user.inspectorID {
                    ids = try await Assignment.currentSchoolIDs(inspectorID: inspector, on: app.db)
                }
                let scope = Scope(principal: Principal(user), assignedSchoolIDs: ids)
                let problems = scope.problemAccess.readable(Problem.query(on: app.db))
                let notices = scope.noticeAccess.readable(RectificationNotice.query(on: app.db))
                    .filter(\.$state ~~ [.issued, .closed]).sort(\.$id, .descending)

                let fluentProblems = try await problems.copy().count()
                let fluentNotices = try await notices.copy().limit(3).all()
                let sqlProblems = try await problems.copy().rowCount()
                let sqlNotices = try await notices.copy().limit(3).rows(
                    NoticeRow.self, columns: ["id", "school_id", "number"])
                let sqlNoticeCount = try await notices.copy().limit(3).rowCount()
                let fluentNoticeCount = try await notices.copy().count()

                XCTAssertEqual(sqlProblems, fluentProblems, username)
                XCTAssertEqual(
                    sqlNotices, fluentNotices.map { NoticeRow(id: $0.id!, schoolId: $0.schoolID, number: $0.number) },
                    username)
                XCTAssertEqual(sqlNoticeCount, fluentNoticeCount, "a count ignores the limit")
            }
            let anyProblems = try await Problem.query(on: app.db).count()
            XCTAssertGreaterThan(anyProblems, 0, "the demo history has problems to count")
        }
    }
}
