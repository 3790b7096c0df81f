import DudaoCore
import Fluent

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
    /// The office, leaders and the administrator see the 督办清单 button.
    let showsEscalations: Bool

    static let perPage = 50
    static let tabs = [("open", "未办结"), ("overdue", "已逾期"), ("reported", "待复查"), ("closed", "已销号"), ("all", "全部")]
}

extension NoticeList {
    /// The notices of the tab, soonest deadline first, scoped by the account's access policy.
    static func query(_ filter: Filter, scope: Scope, today: Day, on db: any Database) async throws -> NoticeList {
        let notices = try await filtered(filter, scope: scope, today: today, on: db).sort(\.$deadline).sort(\.$id)
            .paginate(Paging(page: filter.page, per: perPage))
        let names = try await DirectoryQueries.schoolNames(of: notices.items.map(\.schoolID), on: db)
        return NoticeList(
            filter: filter,
            page: notices.map { row($0, school: names[$0.schoolID] ?? "") },
            showsEscalations: [.admin, .office, .leader].contains(scope.principal.role))
    }

    static func row(_ n: RectificationNotice, school: String) -> Row {
        Row(
            id: n.id!, number: n.number, school: school, state: n.state, deadline: n.deadlineDay,
            escalation: n.escalation)
    }

    /// The notices of the tab the account may see, unsorted: the list and its export read the same.
    static func filtered(_ filter: Filter, scope: Scope, today: Day, on db: any Database)
        -> QueryBuilder<RectificationNotice>
    {
        var q = scope.noticeAccess.readable(RectificationNotice.query(on: db))
        switch filter.state {
        case "open": q = q.filter(\.$state !~ [.closed, .withdrawn])
        case "overdue":
            q = q.filter(\.$state ~~ NoticeState.withSchool).filter(\.$deadline < today.description)
        case "all": break
        default: if let s = NoticeState(rawValue: filter.state) { q = q.filter(\.$state == s) }
        }
        return q
    }
}
