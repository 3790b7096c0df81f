import DudaoCore
import Fluent
import Foundation

/// 整改通知书: one page of the notices the account may see, by state tab. Plain values; `query` builds it.
struct NoticeList: Sendable {
    struct Filter: Sendable, Equatable {
        /// A tab: open (default), overdue, all, or a state.
        var state = "open"
        var page: Int?
    }

    struct Row: Sendable, Equatable {
        let id: Int
        let number: String
        let school: String
        let state: NoticeState
        let deadline: Day?
        let escalation: EscalationStep?
    }

    let filter: Filter
    let page: PageOf<Row>
    /// When a province's total was counted, when it is kept for a while (see `ListTotals`); nil: just now.
    var countedAt: Date? = nil
    /// The office, leaders and the administrator see the 督办清单 button.
    let showsEscalations: Bool

    static let perPage = 50
    static let tabs = [("open", "未办结"), ("overdue", "已逾期"), ("reported", "待复查"), ("closed", "已销号"), ("all", "全部")]
}

extension NoticeList {
    /// The notices of the tab, soonest deadline first, scoped by the account's access policy. The total is counted by
    /// `totals` when given (a root account's is kept for a while, see `ListTotals`).
    static func query(_ filter: Filter, scope: Scope, today: Day, totals: ListTotals? = nil, on db: any Database)
        async throws -> NoticeList
    {
        let paging = Paging(page: filter.page, per: perPage)
        let total = try await filtered(filter, scope: scope, today: today, on: db)
            .total(by: totals, scope: scope, searching: false)
        let notices = try await filtered(filter, scope: scope, today: today, on: db, inDeadlineOrder: true)
            .sort(\.$deadline).sort(\.$id)
            .paginateByIDs(paging, total: total.count, as: Listed.self, columns: Listed.columns)
        let names = try await DirectoryQueries.schoolNames(of: notices.items.map(\.schoolId), on: db)
        return NoticeList(
            filter: filter, page: notices.map { row($0, school: names[$0.schoolId] ?? "") },
            countedAt: total.countedAt, showsEscalations: [.admin, .office, .leader].contains(scope.principal.role))
    }

    /// What the list and its export read of a notice.
    struct Listed: Decodable, Sendable {
        static let columns = ["id", "number", "school_id", "state", "deadline", "escalation"]
        let id: Int
        let number: String
        let schoolId: Int
        let state: NoticeState
        let deadline: String
        let escalation: EscalationStep?
    }

    static func row(_ n: Listed, school: String) -> Row {
        Row(
            id: n.id, number: n.number, school: school, state: n.state, deadline: Day(parsing: n.deadline),
            escalation: n.escalation)
    }

    /// The notices of the tab the account may see, unsorted: the list and its export read the same.
    ///
    /// `inDeadlineOrder`: the query reads soonest deadline first. At the tree's root the 全部 tab's subtree, every
    /// notice, then chooses no index on SQLite, which reads the first page from M047's (deadline, id) instead of
    /// sorting a province's notices; a state tab reads M043's (state, deadline, org_path).
    static func filtered(
        _ filter: Filter, scope: Scope, today: Day, on db: any Database, inDeadlineOrder: Bool = false
    ) -> QueryBuilder<RectificationNotice> {
        let byDeadline = inDeadlineOrder && !scope.readsPartOfSchools && filter.state == "all"
        var q = scope.noticeAccess.readable(RectificationNotice.query(on: db), subtreeChoosesIndex: !byDeadline)
        switch filter.state {
        case "open": q = q.filter(\.$state ~~ NoticeState.open)
        case "overdue":
            q = q.filter(\.$state ~~ NoticeState.withSchool).filter(\.$deadline < today.description)
        case "all": break
        default: if let s = NoticeState(rawValue: filter.state) { q = q.filter(\.$state == s) }
        }
        return q
    }
}
