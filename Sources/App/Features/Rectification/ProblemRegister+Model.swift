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

        var searchText: String? {
            guard let t = q?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            return String(t.prefix(50))
        }

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
        let noticeID: Int?
    }

    let filter: Filter
    let paging: Paging
    let total: Int
    let rows: [Row]
    /// The district's problem categories, for the filter.
    let categories: [String]

    static let perPage = 50
}

extension ProblemRegister {
    /// The page of the register for `filter`, scoped by the account's access policy.
    static func query(_ filter: Filter, scope: Scope, on db: any Database) async throws -> ProblemRegister {
        guard let sql = db as? any SQLDatabase else { throw DatabaseUnavailable() }
        let paging = Paging(page: filter.page, per: perPage)
        let condition = whereClause(filter, scope: scope)
        struct Count: Decodable { let n: Int }
        // The count joins only what its filters need: the school name only when searching.
        let countFrom: SQLQueryString =
            filter.searchText != nil
            ? "FROM problems p LEFT JOIN visits v ON v.id = p.visit_id JOIN schools s ON s.id = p.school_id"
            : "FROM problems p LEFT JOIN visits v ON v.id = p.visit_id"
        let total =
            try await sql.raw("SELECT COUNT(*) AS n " + countFrom + " " + condition).first(decoding: Count.self)?.n ?? 0
        let district = try await scope.district(on: db)
        let categories = try await DistrictSettings.forDistrict(district.id!, on: db).categories
        return ProblemRegister(
            filter: filter, paging: paging, total: total,
            rows: try await rows(filter, scope: scope, limit: paging.per, offset: paging.offset, on: db),
            categories: categories)
    }

    /// Rows of the register in pages, for the page and the export alike.
    static func rows(_ filter: Filter, scope: Scope, limit: Int, offset: Int, on db: any Database) async throws -> [Row]
    {
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
        }
        let raw = try await sql.raw(
            """
            SELECT p.id, p.school_id, s.name AS school, i.name AS inspector, p.category, p.severity, p.disposition,
              p.state, p.description, p.created_at, p.notice_id
            FROM problems p LEFT JOIN visits v ON v.id = p.visit_id JOIN schools s ON s.id = p.school_id
            JOIN inspectors i ON i.id = p.inspector_id
            """ + " " + whereClause(filter, scope: scope)
                + " ORDER BY p.id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
        ).all(decoding: Raw.self)
        return raw.map {
            Row(
                id: $0.id, schoolID: $0.school_id, school: $0.school, inspector: $0.inspector, category: $0.category,
                severity: ProblemSeverity(rawValue: $0.severity),
                disposition: ProblemDisposition(rawValue: $0.disposition),
                isOpen: $0.state == ProblemState.open.rawValue, description: $0.description, foundAt: $0.created_at,
                noticeID: $0.notice_id)
        }
    }

    /// The scoped, filtered WHERE clause (`p` problems, `v` their visit, `s` the school).
    static func whereClause(_ filter: Filter, scope: Scope) -> SQLQueryString {
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
        case "closed": w = w + " AND p.state = 'closed'"
        default: w = w + " AND p.state = 'open'"
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
