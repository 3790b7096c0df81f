import DudaoCore
import Fluent
import Vapor

/// 督导月报 as records: an inspector reads their own, drafts included; the office, leaders and admin read the
/// reports of their subtree once submitted (a draft is its author's until then); a school reads none.
struct MonthlyReportAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该督导月报，或您无权查看" }

    func readable(_ q: QueryBuilder<MonthlyReport>) -> QueryBuilder<MonthlyReport> {
        switch principal.role {
        case .office, .leader, .admin: q.inSubtree(\.$orgPath, principal.orgPath).filter(\.$state != .draft)
        case .inspector: q.filter(\.$inspectorID == (principal.inspectorID ?? -1))
        case .school: q.filter(\.$id == -1)
        }
    }
}

extension Scope {
    var monthlyReportAccess: MonthlyReportAccess { MonthlyReportAccess(scope: self) }
}
