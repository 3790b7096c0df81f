import Fluent
import Foundation
import SQLKit
import Vapor

/// The totals of a province's lists, kept for a while like the figures (`FiguresCache`).
///
/// A list's pager says how many rows the filter matches. For an account at the tree's root that count reads every
/// matching row of the province (20 000 schools, up to 217 748 problems): 4–37 ms a request, more than the page's
/// own rows cost. A root account's total is therefore counted once per lifetime and the pager says when; a district,
/// an inspector or a school reads a range or a few ids and is counted on every request, as is any search (each
/// search is typed once). The rows themselves are always read now.
struct ListTotals: Sendable {
    struct Total: Sendable {
        let count: Int
        /// When a kept total was counted; nil: counted now.
        let countedAt: Date?
    }

    let cache: FiguresCache<String, Int>
    let now: Date

    /// The total of `count`, a statement of one row whose column `column` is the count, as `scope` reads the list;
    /// `searching`: the filter has a search text. The statement's text and values are the key: two accounts that see
    /// the same rows share it.
    func total(
        of count: any SQLExpression, column: String, scope: Scope, searching: Bool, on sql: any SQLDatabase
    ) async throws -> Total {
        guard Self.keeps(scope: scope, searching: searching) else {
            return Total(count: try await Self.run(count, column: column, on: sql), countedAt: nil)
        }
        let entry = try await cache.value(for: Self.key(count, on: sql), now: now) {
            try await Self.run(count, column: column, on: sql)
        }
        return Total(count: entry.value, countedAt: entry.countedAt)
    }

    /// A total is kept only for an account at the tree's root, and not for a search.
    static func keeps(scope: Scope, searching: Bool) -> Bool { !scope.readsPartOfSchools && !searching }

    private static func run(_ count: any SQLExpression, column: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("\(count)").first()?.decode(column: column, as: Int.self) ?? 0
    }

    private static func key(_ count: any SQLExpression, on sql: any SQLDatabase) -> String {
        let serialized = sql.serialize(count)
        return ([serialized.sql] + serialized.binds.map { String(describing: $0) }).joined(separator: "\u{1F}")
    }
}

extension QueryBuilder {
    /// The query's row count for a list's pager: by `totals` when given (a root account's total is kept), else now.
    /// `searching`: the list's filter has a search text.
    func total(by totals: ListTotals?, scope: Scope, searching: Bool) async throws -> ListTotals.Total {
        guard let totals, let sql = database as? any SQLDatabase else {
            return ListTotals.Total(count: try await rowCount(), countedAt: nil)
        }
        return try await totals.total(
            of: countQuery.sql, column: "aggregate", scope: scope, searching: searching, on: sql)
    }
}

extension Request {
    /// The list totals of this request (see `ListTotals`).
    var listTotals: ListTotals { ListTotals(cache: application.figuresCaches.listTotals, now: now) }
}
