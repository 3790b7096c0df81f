import DudaoCore
import Fluent
import SQLKit

extension MonthlyReportFigures {
    /// Counts an inspector's month from their records: submitted visits in the month and what they hold, the
    /// notices they issued closed in the month, the complaints assigned to them answered in the month.
    static func count(inspector: Int, month: YearMonth, on db: any Database) async throws -> MonthlyReportFigures {
        guard let counts = RecordCounts(db) else { return MonthlyReportFigures() }
        let count = counts.count
        let from = month.firstDay.description
        let to = month.lastDay.description
        let visits: SQLQueryString =
            "SELECT v.id FROM visits v WHERE v.inspector_id = \(bind: inspector) AND v.status = 'submitted' AND v.visit_date >= \(bind: from) AND v.visit_date <= \(bind: to)"
        var f = MonthlyReportFigures()
        let tally = try await counts.tally(visits)
        (f.visits, f.schools, f.observations, f.interviews, f.problemsFound) = (
            tally.visits, tally.schools, tally.observations, tally.interviews, tally.problems
        )
        f.noticesClosed = try await count(
            "SELECT COUNT(*) AS n FROM rectification_notices r WHERE r.inspector_id = \(bind: inspector) AND r.state = 'closed' AND r.closed_at >= \(bind: month.firstDay.date()) AND r.closed_at < \(bind: month.next.firstDay.date())"
        )
        f.complaintsHandled = try await count(
            "SELECT COUNT(*) AS n FROM complaints c WHERE c.inspector_id = \(bind: inspector) AND c.replied_on >= \(bind: from) AND c.replied_on <= \(bind: to)"
        )
        let mine = Visit.query(on: db).filter(\.$inspectorID == inspector).filter(\.$status == .submitted)
            .filter(\.$visitDate >= from).filter(\.$visitDate <= to)
        f.highlights = try await RecordCounts.highlights(mine, limit: 5, on: db).map {
            .init(school: $0.school, day: $0.day, text: String($0.text.prefix(300)))
        }
        return f
    }
}
