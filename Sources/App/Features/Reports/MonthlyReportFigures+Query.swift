import DudaoCore
import Fluent
import SQLKit

extension MonthlyReportFigures {
    /// Counts an inspector's month from their records: submitted visits in the month and what they hold, the
    /// notices they issued closed in the month, the complaints assigned to them answered in the month.
    static func count(inspector: Int, month: YearMonth, on db: any Database) async throws -> MonthlyReportFigures {
        guard let sql = db as? any SQLDatabase else { return MonthlyReportFigures() }
        struct N: Decodable { let n: Int }
        func count(_ q: SQLQueryString) async throws -> Int { try await sql.raw(q).first(decoding: N.self)?.n ?? 0 }
        let from = month.firstDay.description
        let to = month.lastDay.description
        let visits: SQLQueryString =
            "SELECT v.id FROM visits v WHERE v.inspector_id = \(bind: inspector) AND v.status = 'submitted' AND v.visit_date >= \(bind: from) AND v.visit_date <= \(bind: to)"
        var f = MonthlyReportFigures()
        f.visits = try await count("SELECT COUNT(*) AS n FROM (" + visits + ") x")
        f.schools = try await count(
            "SELECT COUNT(DISTINCT v.school_id) AS n FROM visits v WHERE v.id IN (" + visits + ")")
        f.observations = try await count(
            "SELECT COUNT(*) AS n FROM class_observations o WHERE o.visit_id IN (" + visits + ")")
        f.interviews = try await count("SELECT COUNT(*) AS n FROM interviews i WHERE i.visit_id IN (" + visits + ")")
        f.problemsFound = try await count("SELECT COUNT(*) AS n FROM problems p WHERE p.visit_id IN (" + visits + ")")
        f.noticesClosed = try await count(
            "SELECT COUNT(*) AS n FROM rectification_notices r WHERE r.inspector_id = \(bind: inspector) AND r.state = 'closed' AND r.closed_at >= \(bind: month.firstDay.date()) AND r.closed_at < \(bind: month.next.firstDay.date())"
        )
        f.complaintsHandled = try await count(
            "SELECT COUNT(*) AS n FROM complaints c WHERE c.inspector_id = \(bind: inspector) AND c.replied_on >= \(bind: from) AND c.replied_on <= \(bind: to)"
        )
        let highlighted = try await Visit.query(on: db).filter(\.$inspectorID == inspector)
            .filter(\.$status == .submitted).filter(\.$visitDate >= from).filter(\.$visitDate <= to)
            .filter(\.$highlights != "").sort(\.$visitDate).limit(5).all()
        let names = try await School.query(on: db).filter(\.$id ~~ highlighted.map(\.schoolID)).all()
        f.highlights = highlighted.map { v in
            .init(
                school: names.first { $0.id == v.schoolID }?.name ?? "", day: v.visitDate,
                text: String(v.highlights.prefix(300)))
        }
        return f
    }
}
