import DudaoCore
import Fluent
import Foundation
import SQLKit

/// What every panel of the dashboard is narrowed to: a subtree (the district or one of its townships) and
/// perhaps one school type. Counting is done by the database, a group at a time; no table is read whole.
struct DashboardFilter: Sendable {
    let path: String
    let type: SchoolType?

    /// `alias.org_path` in the subtree and, with a type, `alias.<schoolColumn>` a school of that type.
    func clause(_ alias: String, school schoolColumn: String = "school_id") -> SQLQueryString {
        var s = Subtree.sql("\(alias).org_path", path)
        if let type {
            s +=
                " AND \(unsafeRaw: alias).\(unsafeRaw: schoolColumn) IN (SELECT id FROM schools WHERE type = \(bind: type.rawValue))"
        }
        return s
    }
}

/// The database's counts behind each panel.
struct DashboardCounts {
    let sql: any SQLDatabase
    let filter: DashboardFilter

    struct Group: Decodable {
        let key: String
        let state: String
        let n: Int
    }

    func count(_ query: SQLQueryString) async throws -> Int { try await RecordCounts(sql: sql).count(query) }

    /// `alias` an open school; below the root the status chooses no index (`BroadCondition`).
    func openSchool(_ alias: String) -> SQLQueryString {
        BroadCondition.equals(alias + ".status", "open", narrowed: Subtree.isBelowRoot(filter.path), on: sql)
    }

    func groups(_ query: SQLQueryString) async throws -> [Group] {
        try await sql.raw(query).all(decoding: Group.self)
    }

    /// Open schools under the filter.
    func schools() async throws -> Int {
        var q: SQLQueryString = "SELECT COUNT(*) AS n FROM schools s WHERE " + openSchool("s") + " AND "
        q += Subtree.sql("s.org_path", filter.path)
        if let type = filter.type { q += " AND s.type = \(bind: type.rawValue)" }
        return try await count(q)
    }

    /// Schools with a submitted visit between two days.
    func visitedSchools(_ from: Day, _ to: Day) async throws -> Int {
        try await count(
            "SELECT COUNT(DISTINCT v.school_id) AS n FROM visits v WHERE v.status = 'submitted' AND v.visit_date >= \(bind: from.description) AND v.visit_date <= \(bind: to.description) AND "
                + filter.clause("v"))
    }

    /// Of the inspectors responsible for the filtered schools now, those with a submitted visit between two days.
    func inspectorsVisiting(_ from: Day, _ to: Day) async throws -> Share {
        var responsible: SQLQueryString =
            "SELECT a.inspector_id FROM assignments a JOIN schools s ON s.id = a.school_id WHERE a.end_date IS NULL AND "
        responsible += filter.clause("s", school: "id")
        let all = try await count("SELECT COUNT(DISTINCT r.inspector_id) AS n FROM (" + responsible + ") r")
        let visiting = try await count(
            "SELECT COUNT(DISTINCT v.inspector_id) AS n FROM visits v WHERE v.status = 'submitted' AND v.visit_date >= \(bind: from.description) AND v.visit_date <= \(bind: to.description) AND v.inspector_id IN ("
                + responsible + ")")
        return Share(visiting, of: all)
    }

    /// Problems found since the first of `bounds` (consecutive months' first moments, and the moment after the last
    /// month), by category, severity and state, and how many in each month: one pass over a province's year, grouped
    /// by the three and counting the months in columns (each column the problems found before a month's end).
    /// `schools`: the open schools under the filter (see `readsWholeGroupingIndex`).
    func problems(months bounds: [Date], schools: Int) async throws -> (
        byCategory: [Group], bySeverity: [Group], found: [Int]
    ) {
        var columns: SQLQueryString = ""
        for (k, end) in bounds.dropFirst().enumerated() {
            columns += ", SUM(CASE WHEN p.created_at < \(bind: end) THEN 1 ELSE 0 END) AS \(ident: "m\(k)")"
        }
        let rows = try await sql.raw(
            "SELECT p.category AS category, p.severity AS severity, p.state AS state, COUNT(*) AS n" + columns
                + " FROM problems p"
                + (try await readsWholeGroupingIndex(schools: schools) ? " INDEXED BY idx_problems_groups" : "")
                + " WHERE p.created_at >= \(bind: bounds[0]) AND " + filter.clause("p") + " GROUP BY 1, 2, 3"
        ).all()
        var found = Array(repeating: 0, count: bounds.count - 1)
        var byCategory: [Group] = []
        var bySeverity: [Group] = []
        for row in rows {
            let (category, severity) = (
                try row.decode(column: "category", as: String.self), try row.decode(column: "severity", as: String.self)
            )
            let (state, n) = (
                try row.decode(column: "state", as: String.self), try row.decode(column: "n", as: Int.self)
            )
            byCategory.append(Group(key: category, state: state, n: n))
            bySeverity.append(Group(key: severity, state: state, n: n))
            var before = 0
            for k in found.indices {
                let upToEnd = try row.decode(column: "m\(k)", as: Int?.self) ?? 0
                found[k] += upToEnd - before
                before = upToEnd
            }
        }
        return (byCategory, bySeverity, found)
    }

    /// SQLite sorts a subtree's problems to group them; past half the database's schools it is quicker to read the
    /// whole (category, severity, state, created_at, org_path) index in its order, which groups them as it goes
    /// (20 000 schools: a province's year 480 → 190 ms, Python sqlite3 timings). SQLite has no statistics to choose
    /// this itself; PostgreSQL does, and groups by hashing. A school type needs the school, which that index lacks.
    private func readsWholeGroupingIndex(schools: Int) async throws -> Bool {
        guard sql.isSQLite, filter.type == nil else { return false }
        let all = try await count("SELECT COUNT(*) AS n FROM schools s WHERE s.status = 'open'")
        return schools * 2 > all
    }

    /// Which month of `bounds` (consecutive months' first moments) `column` falls in: 0 for the first month, one
    /// more for each later one; `bounds.count - 1` at or after the last bound. Rows before the first are filtered out.
    static func bucket(_ column: String, _ bounds: [Date]) -> SQLQueryString {
        var s: SQLQueryString = "CASE"
        for (k, bound) in bounds.dropFirst().enumerated() {
            s += " WHEN \(unsafeRaw: column) < \(bind: bound) THEN \(unsafeRaw: String(k))"
        }
        return s + " ELSE \(unsafeRaw: String(bounds.count - 1)) END"
    }

    struct Bucket: Decodable {
        let bucket: Int
        let n: Int
    }

    /// Notices closed in each month of `bounds`, in one pass.
    func noticesClosed(months bounds: [Date]) async throws -> [Int] {
        let rows = try await sql.raw(
            "SELECT " + Self.bucket("r.closed_at", bounds)
                + " AS bucket, COUNT(*) AS n FROM rectification_notices r WHERE r.state = 'closed' AND r.closed_at >= \(bind: bounds[0]) AND r.closed_at < \(bind: bounds[bounds.count - 1]) AND "
                + filter.clause("r") + " GROUP BY 1"
        ).all(decoding: Bucket.self)
        var closed = Array(repeating: 0, count: bounds.count - 1)
        for r in rows where closed.indices.contains(r.bucket) { closed[r.bucket] += r.n }
        return closed
    }

    /// Notices issued since `since`, by state.
    func notices(since: Date) async throws -> [Group] {
        try await groups(
            "SELECT r.state AS key, r.state AS state, COUNT(*) AS n FROM rectification_notices r WHERE r.issued_at >= \(bind: since) AND "
                + filter.clause("r") + " GROUP BY r.state")
    }

    /// Open notices past their deadline.
    func overdueNotices(today: Day) async throws -> Int {
        try await count(
            "SELECT COUNT(*) AS n FROM rectification_notices r WHERE r.state IN (\(states: NoticeState.withSchool)) AND r.deadline < \(bind: today.description) AND "
                + filter.clause("r"))
    }

    /// Days from issue to closing (rounded, never below zero) of the notices closed since `since`, as how many
    /// notices took each number of days: counted by the database in groups, whatever the number of notices.
    func closingDays(since: Date) async throws -> [(value: Int, count: Int)] {
        struct Row: Decodable {
            let days: Int
            let n: Int
        }
        // SQLite keeps a moment as seconds since 1970; PostgreSQL as a timestamp.
        let seconds: SQLQueryString =
            sql.isSQLite
            ? "(r.closed_at - r.issued_at)" : "EXTRACT(EPOCH FROM (r.closed_at - r.issued_at))"
        let days: SQLQueryString = "CAST(ROUND(" + seconds + " / 86400.0) AS INTEGER)"
        let rows = try await sql.raw(
            "SELECT " + days
                + " AS days, COUNT(*) AS n FROM rectification_notices r WHERE r.state = 'closed' AND r.closed_at >= \(bind: since) AND r.issued_at IS NOT NULL AND "
                + filter.clause("r") + " GROUP BY 1"
        ).all(decoding: Row.self)
        return rows.map { (value: max(0, $0.days), count: $0.n) }
    }

    /// Complaints received since `since`, by category and state.
    func complaints(since: Day) async throws -> [Group] {
        try await groups(
            "SELECT c.category AS key, c.state AS state, COUNT(*) AS n FROM complaints c WHERE c.received_on >= \(bind: since.description) AND "
                + filter.clause("c") + " GROUP BY c.category, c.state")
    }

    /// Open complaints past the deadline of their stage.
    func overdueComplaints(today: Day) async throws -> Int {
        try await count(
            "SELECT COUNT(*) AS n FROM complaints c WHERE c.state IN (\(states: ComplaintState.timed)) AND c.deadline < \(bind: today.description) AND "
                + filter.clause("c"))
    }

    /// Accountability decisions since `since`, by measure.
    func accountability(since: Day) async throws -> [Group] {
        try await groups(
            "SELECT a.measure AS key, a.state AS state, COUNT(*) AS n FROM accountability_decisions a WHERE a.decided_on >= \(bind: since.description) AND "
                + Subtree.sql("a.org_path", filter.path) + " GROUP BY a.measure, a.state")
    }

    /// The targets of `campaigns` by phase ("" when finished).
    func campaignTargets(_ campaigns: [Int]) async throws -> [Group] {
        guard !campaigns.isEmpty else { return [] }
        var q: SQLQueryString =
            "SELECT CAST(t.campaign_id AS TEXT) AS key, COALESCE(t.phase, '') AS state, COUNT(*) AS n FROM campaign_targets t WHERE t.campaign_id IN (\(binds: campaigns)) AND "
        q += Subtree.sql("t.org_path", filter.path)
        if let type = filter.type { q += " AND t.school_type = \(bind: type.rawValue)" }
        return try await groups(q + " GROUP BY t.campaign_id, t.phase")
    }
}
