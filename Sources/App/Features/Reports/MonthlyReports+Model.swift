import DudaoCore
import Fluent

/// 督导月报 of a month: every active inspector of the subtree, a page at a time, with where their report stands
/// and how late it is; for an inspector, their own last six months.
struct MonthlyReportList: Sendable {
    struct Row: Sendable {
        let inspectorID: Int
        let inspectorName: String
        let month: YearMonth
        let state: MonthlyReportState
        let submittedOn: String?
        let due: Day
        let daysLate: Int?
    }
    let month: YearMonth
    let rows: [Row]
    let paging: Paging?
    let total: Int
    /// Of the whole month (not only this page): reports submitted, and late ones.
    let submitted: Int
    let late: Int
    let isInspector: Bool

    /// The month the office opens on: the last one, once it is over.
    static func defaultMonth(today: Day) -> YearMonth { YearMonth(today).previous }

    static func office(
        scope: Scope, month: YearMonth, paging: Paging, today: Day, calendar: WorkingCalendar, on db: any Database
    ) async throws -> MonthlyReportList {
        let due = MonthlyReportRules.due(month, calendar: calendar)
        let inspectors = scope.inspectorAccess.readable(Inspector.query(on: db)).filter(\.$status == .active)
        let total = try await inspectors.rowCount()
        let page = try await inspectors.sort(\.$name).sort(\.$id)
            .paginate(paging, total: total, as: NamedID.self, columns: ["id", "name"])
        let reports = try await ReportStatus.of(inspectors: page.items.map(\.id), months: [month], on: db)
        let submitted = submitted(in: month, scope: scope, on: db)
        let submittedCount = try await submitted.copy().rowCount()
        // Days are ISO text: later text is a later day.
        let lateSubmitted = try await submitted.copy().filter(\.$submittedOn > due.description).rowCount()
        let missingLate = today > due ? max(0, total - submittedCount) : 0
        return MonthlyReportList(
            month: month,
            rows: page.items.map { i in
                let r = reports.first { $0.inspectorId == i.id }
                return row(i.id, i.name, month: month, report: r, due: due, today: today)
            }, paging: paging, total: total, submitted: submittedCount, late: lateSubmitted + missingLate,
            isInspector: false)
    }

    /// The subtree's reports submitted for `month`, read from M046's (month, org_path, submitted_on).
    static func submitted(in month: YearMonth, scope: Scope, on db: any Database) -> QueryBuilder<MonthlyReport> {
        MonthlyReport.query(on: db).filter(\.$month == month.description).inSubtree(\.$orgPath, scope.principal.orgPath)
            .filter(\.$submittedOn != nil)
    }

    static func inspector(_ inspector: Inspector, today: Day, calendar: WorkingCalendar, on db: any Database)
        async throws -> MonthlyReportList
    {
        let months = DashboardFigures.months(endingAt: today, count: 6).reversed()
        let reports = try await ReportStatus.of(inspectors: [inspector.id!], months: Array(months), on: db)
        let rows = months.map { m in
            row(
                inspector.id!, inspector.name, month: m, report: reports.first { $0.month == m.description },
                due: MonthlyReportRules.due(m, calendar: calendar), today: today)
        }
        return MonthlyReportList(
            month: YearMonth(today), rows: rows, paging: nil, total: rows.count,
            submitted: rows.filter { $0.submittedOn != nil }.count, late: rows.filter { $0.daysLate != nil }.count,
            isInspector: true)
    }

    static func row(_ id: Int, _ name: String, month: YearMonth, report: ReportStatus?, due: Day, today: Day) -> Row {
        let submitted = report?.submittedOn.flatMap(Day.init(parsing:))
        return Row(
            inspectorID: id, inspectorName: name, month: month, state: report?.state ?? .draft,
            submittedOn: report?.submittedOn, due: due,
            daysLate: MonthlyReportRules.daysLate(due: due, submitted: submitted, today: today))
    }
}

/// Where one inspector's report of one month stands: the columns a list shows, read without building the model.
struct ReportStatus: Decodable, Sendable {
    let inspectorId: Int
    let month: String
    let state: MonthlyReportState
    let submittedOn: String?

    /// The saved reports of `inspectors` for `months` (a month without a report has no row).
    static func of(inspectors: [Int], months: [YearMonth], on db: any Database) async throws -> [ReportStatus] {
        guard !inspectors.isEmpty, !months.isEmpty else { return [] }
        return try await MonthlyReport.query(on: db).filter(\.$inspectorID ~~ inspectors)
            .filter(\.$month ~~ months.map(\.description))
            .rows(ReportStatus.self, columns: ["inspector_id", "month", "state", "submitted_on"])
    }
}

/// One inspector's report of one month.
struct MonthlyReportPage: Sendable {
    let inspectorID: Int
    let inspectorName: String
    let month: YearMonth
    let state: MonthlyReportState
    let figures: MonthlyReportFigures
    /// Counted now (a draft) or kept from the submission.
    let live: Bool
    let remarks: String
    let officeComment: String
    let handledBy: String
    let submittedOn: String?
    let due: Day
    let daysLate: Int?
    let mayWrite: Bool
    let mayReview: Bool
    var error: String?
}
