import DudaoCore
import Fluent
import SQLKit

extension BulletinFacts {
    /// Counts a district's month from its records. Every figure the draft's words carry comes from here.
    /// A district's ranking holds at most this many inspectors (a district has tens).
    static let rankingLimit = 1000

    static func count(
        district: OrgUnit, month: YearMonth, today: Day, ranking: Bool = false, on db: any Database
    ) async throws -> BulletinFacts {
        var f = BulletinFacts(period: month.label)
        guard let counts = RecordCounts(db) else { return f }
        // The dashboard's counts over the district: the ranking, the overdue cases and the campaigns read the same.
        let dashboard = DashboardCounts(sql: counts.sql, filter: DashboardFilter(path: district.path, type: nil))
        if ranking {
            f.inspectors = try await dashboard.inspectorMonths(month.firstDay, month.lastDay, limit: rankingLimit).map {
                .init(name: $0.name, assigned: $0.assigned, visited: $0.visited)
            }
        }
        let sql = counts.sql
        let count = counts.count
        struct Group: Decodable {
            let key: String
            let n: Int
        }
        let inDistrict = { (alias: String) in Subtree.sql("\(alias).org_path", district.path) }
        let from = month.firstDay.description
        let to = month.lastDay.description
        let start = month.firstDay.date()
        let end = month.next.firstDay.date()
        let visits: SQLQueryString =
            "SELECT v.id FROM visits v WHERE v.status = 'submitted' AND v.visit_date >= \(bind: from) AND v.visit_date <= \(bind: to) AND "
            + inDistrict("v")

        f.schools = try await count(
            "SELECT COUNT(*) AS n FROM schools s WHERE s.status = 'open' AND " + inDistrict("s"))
        let tally = try await counts.tally(visits)
        (f.visits, f.schoolsVisited, f.observations, f.interviews) = (
            tally.visits, tally.schools, tally.observations, tally.interviews
        )
        f.problems = try await sql.raw(
            "SELECT p.category AS key, COUNT(*) AS n FROM problems p WHERE p.created_at >= \(bind: start) AND p.created_at < \(bind: end) AND "
                + inDistrict("p") + " GROUP BY p.category ORDER BY n DESC, p.category"
        ).all(decoding: Group.self).map { ($0.key, $0.n) }

        let inMonth = Visit.query(on: db).inSubtree(\.$orgPath, district.path).filter(\.$status == .submitted)
            .filter(\.$visitDate >= from).filter(\.$visitDate <= to)
        f.highlights = try await RecordCounts.highlights(inMonth, limit: 5, on: db).map {
            .init(school: $0.school, text: String($0.text.prefix(200)))
        }
        f.cases = try await WorkReport.query(on: db).inSubtree(\.$orgPath, district.path)
            .filter(\.$kind == .caseStudy).filter(\.$selected == true).sort(\.$id, .descending).limit(3).all()
            .map(\.title)

        f.noticesIssued = try await count(
            "SELECT COUNT(*) AS n FROM rectification_notices r WHERE r.issued_at >= \(bind: start) AND r.issued_at < \(bind: end) AND "
                + inDistrict("r"))
        f.noticesClosed = try await count(
            "SELECT COUNT(*) AS n FROM rectification_notices r WHERE r.state = 'closed' AND r.closed_at >= \(bind: start) AND r.closed_at < \(bind: end) AND "
                + inDistrict("r"))
        f.noticesOverdue = try await dashboard.overdueNotices(today: today)
        f.complaintsReceived = try await count(
            "SELECT COUNT(*) AS n FROM complaints c WHERE c.received_on >= \(bind: from) AND c.received_on <= \(bind: to) AND "
                + inDistrict("c"))
        f.complaintsReplied = try await count(
            "SELECT COUNT(*) AS n FROM complaints c WHERE c.replied_on >= \(bind: from) AND c.replied_on <= \(bind: to) AND "
                + inDistrict("c"))
        f.complaintsOverdue = try await dashboard.overdueComplaints(today: today)

        let campaigns = try await Campaign.query(on: db).filter(\.$districtID == district.id!)
            .filter(\.$startsOn <= to).filter(\.$endsOn >= from).sort(\.$startsOn).limit(10).all()
        let ids = campaigns.compactMap(\.id)
        let phases = try await dashboard.campaignTargets(ids)
        struct Mean: Decodable {
            let campaign_id: Int
            let m: Double?
        }
        let means =
            ids.isEmpty
            ? []
            : try await sql.raw(
                "SELECT t.campaign_id, AVG(t.total) AS m FROM campaign_targets t WHERE t.campaign_id IN (\(binds: ids)) AND t.total IS NOT NULL GROUP BY t.campaign_id"
            ).all(decoding: Mean.self)
        for c in campaigns {
            let rows = phases.filter { $0.key == String(c.id!) }
            f.campaigns.append(
                .init(
                    title: c.title, targets: rows.reduce(0) { $0 + $1.n },
                    finished: rows.filter { $0.state.isEmpty }.reduce(0) { $0 + $1.n },
                    mean: means.first { $0.campaign_id == c.id }?.m))
        }
        return f
    }
}
