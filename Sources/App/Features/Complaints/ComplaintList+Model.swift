import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 举报投诉: one page of the complaints the account may see, by state tab, and for the office, leaders and the
/// administrator how each inspector handles theirs. Plain values; `query` builds it.
struct ComplaintList: Sendable {
    struct Filter: Sendable, Equatable {
        /// A tab: open (default), overdue, all, or a state.
        var state = "open"
        var page: Int?
    }

    struct Row: Sendable, Equatable {
        let id: Int
        let trackingCode: String
        /// nil: about the district as a whole.
        let school: String?
        let category: String
        let state: ComplaintState
        let deadline: Day?
        /// Open and past the deadline of its stage.
        let overdue: Bool
        let escalation: EscalationStep?
    }

    /// 各督学办理情况: one inspector's complaints.
    struct InspectorFigures: Sendable, Equatable {
        let name: String
        let received: Int
        /// Replied or closed.
        let handled: Int
        /// Replied by the day every time limit allows (`ComplaintMachine.replyDue`).
        let onTime: Int
        /// Working days from receipt to reply, on average; nil before any reply.
        let averageDays: Double?
    }

    let filter: Filter
    let page: PageOf<Row>
    /// When a province's total was counted, when it is kept for a while (see `ListTotals`); nil: just now.
    var countedAt: Date? = nil
    /// The office and the administrator log phone complaints.
    let mayLogPhone: Bool
    /// Empty for inspectors (they see their own complaints only).
    let figures: [InspectorFigures]
    /// When the figures were counted, when they are kept for a while (see `FiguresCache`); nil: just now.
    var figuresCountedAt: Date? = nil
    /// How many inspectors have figures; above `figuresShown` only those who received most are listed.
    var figuresTotal = 0

    static let perPage = 50
    /// A district lists every inspector; a province or city lists the ones who received most complaints.
    static let figuresShown = 100
    static let tabs = [("open", "办理中"), ("overdue", "已超时"), ("replied", "已回复"), ("closed", "已办结"), ("all", "全部")]
}

extension ComplaintList {
    /// The page; `figures` are the per-inspector figures (counted by `inspectorFigures`, perhaps kept a while).
    /// The total is counted by `totals` when given (a root account's is kept for a while, see `ListTotals`).
    static func query(
        _ filter: Filter, scope: Scope, today: Day, figures: [InspectorFigures], countedAt: Date?,
        totals: ListTotals? = nil, on db: any Database
    ) async throws -> ComplaintList {
        let paging = Paging(page: filter.page, per: perPage)
        let total = try await filtered(filter, scope: scope, today: today, on: db)
            .total(by: totals, scope: scope, searching: false)
        let complaints = try await filtered(filter, scope: scope, today: today, on: db).sort(\.$id, .descending)
            .paginate(paging, total: total.count, as: Listed.self, columns: Listed.columns)
        let names = try await DirectoryQueries.schoolNames(of: complaints.items.compactMap(\.schoolId), on: db)
        return ComplaintList(
            filter: filter, page: complaints.map { row($0, names: names, today: today) }, countedAt: total.countedAt,
            mayLogPhone: scope.principal.mayEditDirectory, figures: shown(figures), figuresCountedAt: countedAt,
            figuresTotal: figures.count)
    }

    /// What the list and its export read of a complaint (never who made it).
    struct Listed: Decodable, Sendable {
        static let columns = ["id", "tracking_code", "school_id", "category", "state", "deadline", "escalation"]
        let id: Int
        let trackingCode: String
        let schoolId: Int?
        let category: String
        let state: ComplaintState
        let deadline: String?
        let escalation: EscalationStep?
    }

    /// All of them in name order when few; else the `figuresShown` who received most, most first.
    static func shown(_ figures: [InspectorFigures]) -> [InspectorFigures] {
        guard figures.count > figuresShown else { return figures }
        return Array(figures.sorted { ($1.received, $0.name) < ($0.received, $1.name) }.prefix(figuresShown))
    }

    static func row(_ c: Listed, names: [Int: String], today: Day) -> Row {
        Row(
            id: c.id, trackingCode: c.trackingCode, school: c.schoolId.flatMap { names[$0] }, category: c.category,
            state: c.state, deadline: c.deadline.flatMap(Day.init(parsing:)),
            overdue: c.state.isOpen && (c.deadline ?? "9999") < today.description, escalation: c.escalation)
    }

    /// The complaints of the tab the account may see, unsorted: the list and its export read the same.
    static func filtered(_ filter: Filter, scope: Scope, today: Day, on db: any Database) -> QueryBuilder<Complaint> {
        var q = scope.complaintAccess.readable(Complaint.query(on: db))
        switch filter.state {
        case "open": q = q.filter(\.$state ~~ ComplaintState.timed)
        case "overdue": q = q.filter(\.$state ~~ ComplaintState.timed).filter(\.$deadline < today.description)
        case "all": break
        default: if let s = ComplaintState(rawValue: filter.state) { q = q.filter(\.$state == s) }
        }
        return q
    }

    /// Per inspector, of the complaints the account may see: received and handled are counted by the database;
    /// on time and the average need working days per reply, so the (received, replied) days of replied
    /// complaints are read 1 000 at a time — all of them, however many.
    static func inspectorFigures(scope: Scope, on db: any Database) async throws -> [InspectorFigures] {
        guard let sql = db as? any SQLDatabase else { throw DatabaseUnavailable() }
        let district = try await scope.district(on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        let calendar = settings.workingCalendar
        let limits = settings.complaintTimeLimits
        let readable = scope.complaintAccess.sqlWhere()
        struct Counts: Decodable {
            let inspector_id: Int
            let name: String
            let received: Int
            let handled: Int
        }
        let counts = try await sql.raw(
            """
            SELECT c.inspector_id, i.name, COUNT(*) AS received,
              SUM(CASE WHEN c.state IN ('replied', 'closed') THEN 1 ELSE 0 END) AS handled
            FROM complaints c JOIN inspectors i ON i.id = c.inspector_id
            """ + " WHERE c.inspector_id IS NOT NULL AND " + readable + " GROUP BY c.inspector_id, i.name"
        ).all(decoding: Counts.self)

        struct Reply: Decodable {
            let id: Int
            let inspector_id: Int
            let received_on: String
            let replied_on: String
        }
        var onTime: [Int: Int] = [:]
        var days: [Int: (sum: Int, count: Int)] = [:]
        let pageSize = 1000
        var after = 0
        while true {
            let page = try await sql.raw(
                "SELECT c.id, c.inspector_id, c.received_on, c.replied_on FROM complaints c"
                    + " WHERE c.inspector_id IS NOT NULL AND c.replied_on IS NOT NULL AND c.id > \(bind: after) AND "
                    + readable
                    + " ORDER BY c.id LIMIT \(bind: pageSize)"
            ).all(decoding: Reply.self)
            for r in page {
                guard let received = Day(parsing: r.received_on), let replied = Day(parsing: r.replied_on) else {
                    continue
                }
                if replied <= ComplaintMachine.replyDue(received: received, limits: limits, calendar: calendar) {
                    onTime[r.inspector_id, default: 0] += 1
                }
                let d = days[r.inspector_id] ?? (0, 0)
                days[r.inspector_id] = (d.sum + calendar.workingDays(from: received, to: replied), d.count + 1)
            }
            guard page.count == pageSize, let last = page.last else { break }
            after = last.id
        }
        return counts.sorted { ($0.name, $0.inspector_id) < ($1.name, $1.inspector_id) }.map { c in
            InspectorFigures(
                name: c.name, received: c.received, handled: c.handled, onTime: onTime[c.inspector_id] ?? 0,
                averageDays: days[c.inspector_id].map { Double($0.sum) / Double($0.count) })
        }
    }
}
