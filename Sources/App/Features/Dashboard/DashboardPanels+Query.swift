import DudaoCore
import Fluent
import SQLKit

/// The counts behind the township grid and the 六个一 panel, grouped by the database.
extension DashboardCounts {
    struct Keyed: Decodable {
        let key: Int
        let n: Int
    }

    struct InspectorMonth: Decodable, Sendable {
        let id: Int
        let name: String
        /// Open schools the inspector is responsible for now.
        let assigned: Int
        /// Of those, the schools with a submitted visit by the inspector in the month.
        let visited: Int
    }

    struct ByPath: Decodable {
        let key: String
        let n: Int
    }

    /// Per township: open schools (by township id), and by the township's path (a record's `org_path`, so no join)
    /// the schools with a submitted visit between two days and the open problems.
    func byTownship(_ from: Day, _ to: Day) async throws -> (
        schools: [Int: Int], visited: [String: Int], open: [String: Int]
    ) {
        var schools: SQLQueryString =
            "SELECT s.township_id AS key, COUNT(*) AS n FROM schools s WHERE s.status = 'open' AND "
        schools += filter.clause("s", school: "id") + " GROUP BY s.township_id"
        let visited: SQLQueryString =
            "SELECT v.org_path AS key, COUNT(DISTINCT v.school_id) AS n FROM visits v WHERE v.status = 'submitted' AND v.visit_date >= \(bind: from.description) AND v.visit_date <= \(bind: to.description) AND "
            + filter.clause("v") + " GROUP BY v.org_path"
        let open: SQLQueryString =
            "SELECT p.org_path AS key, COUNT(*) AS n FROM problems p WHERE p.state = 'open' AND " + filter.clause("p")
            + " GROUP BY p.org_path"
        func byPath(_ q: SQLQueryString) async throws -> [String: Int] {
            Dictionary(try await sql.raw(q).all(decoding: ByPath.self).map { ($0.key, $0.n) }, uniquingKeysWith: +)
        }
        let bySchool = Dictionary(
            try await sql.raw(schools).all(decoding: Keyed.self).map { ($0.key, $0.n) }, uniquingKeysWith: +)
        return (bySchool, try await byPath(visited), try await byPath(open))
    }

    /// Every current assignment of an active inspector to an open school under the filter, with the inspector's
    /// submitted visits to that school that meet `visits` (a condition on `v`).
    private func responsible(visits: SQLQueryString) -> SQLQueryString {
        "FROM assignments a JOIN inspectors i ON i.id = a.inspector_id JOIN schools s ON s.id = a.school_id LEFT JOIN visits v ON v.school_id = a.school_id AND v.inspector_id = a.inspector_id AND v.status = 'submitted' AND "
            + visits + " WHERE a.end_date IS NULL AND i.status = 'active' AND s.status = 'open' AND "
            + filter.clause("s", school: "id")
    }

    /// `v` visited within two days.
    private func within(_ from: String, _ to: String) -> SQLQueryString {
        "v.visit_date >= \(bind: from) AND v.visit_date <= \(bind: to)"
    }

    /// The responsible inspectors' month (六个一: every school visited every month), by assigned schools visited.
    private func inspectorMonths(_ from: Day, _ to: Day) -> SQLQueryString {
        "SELECT a.inspector_id AS id, i.name AS name, COUNT(DISTINCT a.school_id) AS assigned, COUNT(DISTINCT v.school_id) AS visited "
            + responsible(visits: within(from.description, to.description)) + " GROUP BY a.inspector_id, i.name"
    }

    /// Every responsible inspector's month, by name (a district's bulletin ranks them).
    func inspectorMonths(_ from: Day, _ to: Day, limit: Int) async throws -> [InspectorMonth] {
        try await sql.raw(inspectorMonths(from, to) + " ORDER BY i.name, a.inspector_id LIMIT \(bind: limit)")
            .all(decoding: InspectorMonth.self)
    }

    /// The `limit` inspectors furthest behind: the smallest share of their schools visited, then by name.
    func inspectorsBehind(_ from: Day, _ to: Day, limit: Int) async throws -> [InspectorMonth] {
        try await sql.raw(
            inspectorMonths(from, to)
                + " ORDER BY COUNT(DISTINCT v.school_id) * 1.0 / COUNT(DISTINCT a.school_id), i.name, a.inspector_id LIMIT \(bind: limit)"
        ).all(decoding: InspectorMonth.self)
    }

    /// Of the responsible inspectors, those who visited every school of theirs in each of two months: one pass.
    func inspectorsDone(_ first: YearMonth, _ second: YearMonth) async throws -> (Share, Share) {
        struct Done: Decodable {
            let whole: Int
            let first: Int?
            let second: Int?
        }
        let (a, b) = (first.firstDay.description, first.lastDay.description)
        let (c, d) = (second.firstDay.description, second.lastDay.description)
        let inner: SQLQueryString =
            "SELECT a.inspector_id, COUNT(DISTINCT a.school_id) AS assigned, COUNT(DISTINCT CASE WHEN "
            + within(a, b) + " THEN v.school_id END) AS first, COUNT(DISTINCT CASE WHEN " + within(c, d)
            + " THEN v.school_id END) AS second "
            + responsible(visits: "((" + within(a, b) + ") OR (" + within(c, d) + "))") + " GROUP BY a.inspector_id"
        let row = try await sql.raw(
            "SELECT COUNT(*) AS whole, SUM(CASE WHEN t.first >= t.assigned THEN 1 ELSE 0 END) AS first, SUM(CASE WHEN t.second >= t.assigned THEN 1 ELSE 0 END) AS second FROM ("
                + inner + ") t"
        ).first(decoding: Done.self)
        let whole = row?.whole ?? 0
        return (Share(row?.first ?? 0, of: whole), Share(row?.second ?? 0, of: whole))
    }
}
