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

    /// Per township: open schools, those with a submitted visit between two days, and open problems.
    func byTownship(_ from: Day, _ to: Day) async throws -> (schools: [Int: Int], visited: [Int: Int], open: [Int: Int])
    {
        var schools: SQLQueryString =
            "SELECT s.township_id AS key, COUNT(*) AS n FROM schools s WHERE s.status = 'open' AND "
        schools += filter.clause("s", school: "id") + " GROUP BY s.township_id"
        let visited: SQLQueryString =
            "SELECT s.township_id AS key, COUNT(DISTINCT v.school_id) AS n FROM visits v JOIN schools s ON s.id = v.school_id WHERE v.status = 'submitted' AND v.visit_date >= \(bind: from.description) AND v.visit_date <= \(bind: to.description) AND "
            + filter.clause("v") + " GROUP BY s.township_id"
        let open: SQLQueryString =
            "SELECT s.township_id AS key, COUNT(*) AS n FROM problems p JOIN schools s ON s.id = p.school_id WHERE p.state = 'open' AND "
            + filter.clause("p") + " GROUP BY s.township_id"
        func map(_ q: SQLQueryString) async throws -> [Int: Int] {
            Dictionary(try await sql.raw(q).all(decoding: Keyed.self).map { ($0.key, $0.n) }, uniquingKeysWith: +)
        }
        return (try await map(schools), try await map(visited), try await map(open))
    }

    /// The responsible inspectors' month (六个一: every school visited every month), by assigned schools visited.
    private func inspectorMonths(_ from: Day, _ to: Day) -> SQLQueryString {
        "SELECT a.inspector_id AS id, i.name AS name, COUNT(DISTINCT a.school_id) AS assigned, COUNT(DISTINCT v.school_id) AS visited FROM assignments a JOIN inspectors i ON i.id = a.inspector_id JOIN schools s ON s.id = a.school_id LEFT JOIN visits v ON v.school_id = a.school_id AND v.inspector_id = a.inspector_id AND v.status = 'submitted' AND v.visit_date >= \(bind: from.description) AND v.visit_date <= \(bind: to.description) WHERE a.end_date IS NULL AND i.status = 'active' AND s.status = 'open' AND "
            + filter.clause("s", school: "id") + " GROUP BY a.inspector_id, i.name"
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

    /// How many responsible inspectors there are, and how many have visited every school of theirs.
    func inspectorsDone(_ from: Day, _ to: Day) async throws -> Share {
        let all = try await count("SELECT COUNT(*) AS n FROM (" + inspectorMonths(from, to) + ") t")
        let done = try await count(
            "SELECT COUNT(*) AS n FROM (" + inspectorMonths(from, to)
                + " HAVING COUNT(DISTINCT v.school_id) >= COUNT(DISTINCT a.school_id)) t")
        return Share(done, of: all)
    }
}
