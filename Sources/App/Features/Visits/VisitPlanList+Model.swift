import DudaoCore
import Fluent

/// 督导方案: the plans the account may read, latest planned date first (at most 100).
struct VisitPlanList: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let plannedDate: String
        let school: String
        let focus: String
    }

    let rows: [Row]

    static let limit = 100

    static func query(scope: Scope, on db: any Database) async throws -> VisitPlanList {
        let plans = try await scope.visitPlanAccess.readable(VisitPlan.query(on: db)).sort(\.$plannedDate, .descending)
            .limit(limit).all()
        let nameOf = try await DirectoryQueries.schoolNames(of: plans.map(\.schoolID), on: db)
        return VisitPlanList(
            rows: plans.map {
                Row(id: $0.id!, plannedDate: $0.plannedDate, school: nameOf[$0.schoolID] ?? "", focus: $0.focus)
            })
    }
}
