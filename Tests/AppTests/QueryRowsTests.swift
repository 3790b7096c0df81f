import DudaoCore
import Fluent
import SQLKit
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
                let scope = try await app.scope(of: username)
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

    /// A count names no column: PostgreSQL then counts from an index holding the filtered columns, without the table.
    func testACountNamesNoColumnSoAnIndexAloneCanAnswerIt() async throws {
        try await withApp { app in
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            let awaiting = RectificationNotice.query(on: app.db).filter(\.$state == .pendingApproval)

            let statement = sql.serialize(awaiting.countQuery.sql).sql

            XCTAssertTrue(statement.hasPrefix("SELECT COUNT(*) AS \"aggregate\" FROM"), statement)
        }
    }

    func testAPageReadByItsIDsFirstIsThePlainPageForEveryRole() async throws {
        try await withApp { app in
            for username in ["office", "inspector", "school", "leader"] {
                let scope = try await app.scope(of: username)
                let notices = scope.noticeAccess.readable(RectificationNotice.query(on: app.db))
                    .sort(\.$deadline).sort(\.$id)
                let total = try await notices.copy().count()
                for page in [1, 2, 3] {
                    let paging = Paging(page: page, per: 2)
                    let columns = ["id", "school_id", "number"]

                    let plain = try await notices.copy().paginate(
                        paging, total: total, as: NoticeRow.self, columns: columns)
                    let byIDs = try await notices.copy().paginateByIDs(
                        paging, total: total, as: NoticeRow.self, columns: columns)

                    XCTAssertEqual(byIDs.items, plain.items, "\(username), page \(page)")
                    XCTAssertEqual(byIDs.total, total)
                }
            }
        }
    }

    func testFirstRowsReadTheFirstRowsAndTheTotalInOneStatementForEveryRole() async throws {
        try await withApp { app in
            var groupsSeen = 0
            for username in ["office", "inspector", "school", "leader"] {
                let scope = try await app.scope(of: username)
                let notices = scope.noticeAccess.readable(RectificationNotice.query(on: app.db))
                    .sort(\.$deadline).sort(\.$id)

                let first = try await notices.copy().firstRows(
                    2, NoticeRow.self, columns: ["id", "school_id", "number"])
                let grouped = try await notices.copy().firstRows(
                    1, per: "state", as: NoticeState.self, NoticeRow.self, columns: ["id", "school_id", "number"])

                let all = try await notices.copy().all()
                XCTAssertEqual(first.total, all.count, username)
                XCTAssertEqual(first.rows, all.prefix(2).map(NoticeRow.init), username)
                for state in NoticeState.allCases {
                    let inState = all.filter { $0.state == state }
                    XCTAssertEqual(grouped[state]?.total ?? 0, inState.count, "\(username) \(state)")
                    XCTAssertEqual(
                        grouped[state]?.rows ?? [], inState.prefix(1).map(NoticeRow.init), "\(username) \(state)")
                }
                XCTAssertEqual(Set(grouped.keys), Set(all.map(\.state)), "a state without notices is absent")
                groupsSeen += grouped.values.filter { $0.total > 1 }.count
            }
            XCTAssertGreaterThan(
                groupsSeen, 0, "the demo has a state with more notices than shown, so the limit is tested")
        }
    }
}

extension QueryRowsTests.NoticeRow {
    init(_ notice: RectificationNotice) {
        self.init(id: notice.id!, schoolId: notice.schoolID, number: notice.number)
    }
}
