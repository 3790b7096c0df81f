import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 问题台账: one page of the problems the account may see, filtered. Plain values; `query` builds it.
struct ProblemRegister: Sendable {
    /// What the register is filtered by (the query string).
    struct Filter: Codable, Sendable, Equatable {
        var q: String?
        var category: String?
        var severity: String?
        var disposition: String?
        var state: String?
        @RecordID var school: Int? = nil
        @PageNumber var page: Int? = nil

        var searchText: String? { SearchText.of(q).map { String($0.prefix(50)) } }

        /// The filter as query items, for links that keep it (pager, export).
        var queryItems: [(String, String)] {
            [
                ("q", q ?? ""), ("category", category ?? ""), ("severity", severity ?? ""),
                ("disposition", disposition ?? ""),
                ("state", state ?? ""), ("school", school.map(String.init) ?? ""),
            ]
        }
    }

    struct Row: Sendable, Equatable {
        let id: Int
        let schoolID: Int
        let school: String
        let inspector: String
        let category: String
        let severity: ProblemSeverity?
        let disposition: ProblemDisposition?
        let isOpen: Bool
        let description: String
        let foundAt: Date?
        /// The 整改通知书 of the problem, when the account may see it.
        let notice: NoticeRef?
    }

    struct NoticeRef: Sendable, Equatable {
        let id: Int
        let number: String
        let deadline: Day?
        let state: NoticeState
    }

    let filter: Filter
    let paging: Paging
    let total: Int
    /// When a province's total was counted, when it is kept for a while (see `ListTotals`); nil: just now.
    var countedAt: Date? = nil
    let rows: [Row]
    /// The district's problem categories, for the filter.
    let categories: [String]

    static let perPage = 50
}

extension ProblemRegister {
    /// The page of the register for `filter`, scoped by the account's access policy.
    /// The total is counted by `totals` (a root account's is kept for a while, see `ListTotals`).
    static func query(_ filter: Filter, scope: Scope, totals: ListTotals, on db: any Database) async throws
        -> ProblemRegister
    {
        guard let sql = db as? any SQLDatabase else { throw DatabaseUnavailable() }
        let paging = Paging(page: filter.page, per: perPage)
        let count: SQLQueryString =
            "SELECT COUNT(*) AS n " + from(filter) + " " + whereClause(filter, scope: scope, on: sql)
        let total = try await totals.total(
            of: count, column: "n", scope: scope, searching: filter.searchText != nil, on: sql)
        let district = try await scope.district(on: db)
        let categories = try await DistrictSettings.forDistrict(district.id!, on: db).categories
        return ProblemRegister(
            filter: filter, paging: paging, total: total.count, countedAt: total.countedAt,
            rows: try await rows(filter, scope: scope, limit: paging.per, offset: paging.offset, on: db),
            categories: categories)
    }

    /// Rows of the register in pages, for the page and the export alike.
    /// A page of the register, newest first: by `offset` for the page, or below the id `before` for an export
    /// (a key, so the thousandth page costs what the first does).
    static func rows(
        _ filter: Filter, scope: Scope, limit: Int, offset: Int = 0, before: Int? = nil, on db: any Database
    ) async throws -> [Row] {
        guard let sql = db as? any SQLDatabase else { throw DatabaseUnavailable() }
        struct Raw: Decodable {
            let id: Int
            let school_id: Int
            let school: String
            let inspector: String
            let category: String
            let severity: String
            let disposition: String
            let state: String
            let description: String
            let created_at: Date?
            let notice_id: Int?
            let notice_number: String?
            let notice_deadline: String?
            let notice_state: String?
        }
        // The page's ids first (`pageIDs`); then the names and notices of those rows alone (joining before the sort
        // joined every matching problem of a province).
        let page = pageIDs(filter, scope: scope, limit: limit, offset: offset, before: before, on: sql)
        let raw = try await sql.raw(
            """
            SELECT p.id, p.school_id, s.name AS school, i.name AS inspector, p.category, p.severity, p.disposition,
              p.state, p.description, p.created_at, p.notice_id, n.number AS notice_number, n.deadline AS notice_deadline,
              n.state AS notice_state
            FROM problems p JOIN schools s ON s.id = p.school_id
            LEFT JOIN rectification_notices n ON n.id = p.notice_id
            JOIN inspectors i ON i.id = p.inspector_id
            WHERE p.id IN (
            """ + page + ") ORDER BY p.id DESC"
        ).all(decoding: Raw.self)
        let access = scope.noticeAccess
        return raw.map { r in
            let notice: NoticeRef? = r.notice_id.flatMap { id in
                guard let state = r.notice_state.flatMap(NoticeState.init(rawValue:)), access.sees(state) else {
                    return nil
                }
                return NoticeRef(
                    id: id, number: r.notice_number ?? "", deadline: r.notice_deadline.flatMap(Day.init(parsing:)),
                    state: state)
            }
            return Row(
                id: r.id, schoolID: r.school_id, school: r.school, inspector: r.inspector, category: r.category,
                severity: ProblemSeverity(rawValue: r.severity),
                disposition: ProblemDisposition(rawValue: r.disposition),
                isOpen: r.state == ProblemState.open.rawValue, description: r.description, foundAt: r.created_at,
                notice: notice)
        }
    }

    /// The ids of a page of the register, newest first, from the problems' own indexes or by walking their ids.
    /// An export's next rows below `before` walk the problems by id: SQLite would otherwise read them through the
    /// subtree's covering index and sort every remaining id for each thousand (a province's export 6 → 26 s).
    /// PostgreSQL walks its primary key backwards by itself.
    static func pageIDs(
        _ filter: Filter, scope: Scope, limit: Int, offset: Int, before: Int?, on sql: any SQLDatabase
    ) -> SQLQueryString {
        let walk = sql.isSQLite && (before != nil || walksByID(filter, scope: scope))
        return "SELECT p.id " + from(filter, byID: walk) + " " + whereClause(filter, scope: scope, on: sql)
            + (before.map { " AND p.id < \(bind: $0)" } ?? "")
            + " ORDER BY p.id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
    }

    /// Whether a page is read by walking the problems newest first (`from(byID:)`) rather than through an index. At the
    /// tree's root every filter but a school's matches much of a province's problems (a severity a fifth, a state an
    /// eighth or more): SQLite chose the filter's index, read every match and sorted them all for fifty rows (11–61
    /// ms at 217 748 problems); the walk finds the first page in well under a millisecond. A school's few problems
    /// and a search are read as before, and a subtree below the root is a range of its own index.
    static func walksByID(_ filter: Filter, scope: Scope) -> Bool {
        !scope.readsPartOfSchools && filter.school == nil && filter.searchText == nil
    }

    /// The problems the filter reads: with their school's name only when searching; `byID`: in id order, through no
    /// index (SQLite's `NOT INDEXED`, which still reads a range of ids).
    static func from(_ filter: Filter, byID: Bool = false) -> SQLQueryString {
        let problems: SQLQueryString = byID ? "FROM problems p NOT INDEXED" : "FROM problems p"
        return filter.searchText != nil ? problems + " JOIN schools s ON s.id = p.school_id" : problems
    }

    /// The scoped, filtered WHERE clause (`p` problems, `s` the school when searching). An inspector's problems are
    /// read by their own and their schools' ids, so the state chooses no index (`BroadCondition`).
    static func whereClause(_ filter: Filter, scope: Scope, on sql: any SQLDatabase) -> SQLQueryString {
        let state = { (value: ProblemState) in
            BroadCondition.equals("p.state", value.rawValue, narrowed: scope.principal.role == .inspector, on: sql)
        }
        var w: SQLQueryString = "WHERE " + scope.problemAccess.registerWhere()
        if let c = filter.category, !c.isEmpty { w = w + " AND p.category = \(bind: c)" }
        if let s = filter.severity.flatMap(ProblemSeverity.init(rawValue:)) {
            w = w + " AND p.severity = \(bind: s.rawValue)"
        }
        if let d = filter.disposition.flatMap(ProblemDisposition.init(rawValue:)) {
            w = w + " AND p.disposition = \(bind: d.rawValue)"
        }
        switch filter.state {
        case "all": break
        case "closed": w = w + " AND " + state(.closed)
        default: w = w + " AND " + state(.open)
        }
        if let s = filter.school { w = w + " AND p.school_id = \(bind: s)" }
        if let text = filter.searchText {
            w = w + " AND (s.name LIKE \(bind: "%" + text + "%") OR p.description LIKE \(bind: "%" + text + "%"))"
        }
        return w
    }
}

/// The SQL interface is missing: a wiring mistake, never bad input.
struct DatabaseUnavailable: Error {}
