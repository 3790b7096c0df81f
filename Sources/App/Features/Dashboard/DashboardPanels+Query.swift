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
            "SELECT s.township_id AS key, COUNT(*) AS n FROM schools s WHERE " + openSchool("s") + " AND "
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
            + visits + " WHERE a.end_date IS NULL AND i.status = 'active' AND " + openSchool("s") + " AND "
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

    /// 六个一 for two months in one pass over the responsible inspectors: of them, those who visited every school of
    /// theirs in each month, and the `limit` furthest behind in the first (the smallest share of their schools
    /// visited, then by name). The shares ride on every row the window functions number, so one statement does both.
    func sixOnes(_ first: YearMonth, _ second: YearMonth, behind limit: Int) async throws -> SixOnes {
        struct Row: Decodable {
            let id: Int
            let name: String
            let assigned: Int
            let first: Int
            let second: Int
            let whole: Int
            let done_first: Int
            let done_second: Int
        }
        let (a, b) = (first.firstDay.description, first.lastDay.description)
        let (c, d) = (second.firstDay.description, second.lastDay.description)
        let months: SQLQueryString =
            "WITH m AS (SELECT a.inspector_id AS id, i.name AS name, COUNT(DISTINCT a.school_id) AS assigned, "
            + "COUNT(DISTINCT CASE WHEN " + within(a, b) + " THEN v.school_id END) AS first, "
            + "COUNT(DISTINCT CASE WHEN " + within(c, d) + " THEN v.school_id END) AS second "
            + responsible(visits: "((" + within(a, b) + ") OR (" + within(c, d) + "))")
            + " GROUP BY a.inspector_id, i.name) "
        let rows = try await sql.raw(
            months
                + "SELECT id, name, assigned, first, second, COUNT(*) OVER () AS whole, "
                + "SUM(CASE WHEN first >= assigned THEN 1 ELSE 0 END) OVER () AS done_first, "
                + "SUM(CASE WHEN second >= assigned THEN 1 ELSE 0 END) OVER () AS done_second "
                + "FROM m ORDER BY first * 1.0 / assigned, name, id LIMIT \(bind: limit)"
        ).all(decoding: Row.self)
        let whole = rows.first?.whole ?? 0
        return SixOnes(
            doneFirst: Share(rows.first?.done_first ?? 0, of: whole),
            doneSecond: Share(rows.first?.done_second ?? 0, of: whole),
            behind: rows.map { InspectorMonth(id: $0.id, name: $0.name, assigned: $0.assigned, visited: $0.first) })
    }

    struct SixOnes {
        let doneFirst: Share
        let doneSecond: Share
        /// In the first month.
        let behind: [InspectorMonth]
    }
}
