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
        let schools = try await School.query(on: db).filter(\.$id ~~ Set(plans.map(\.schoolID))).all()
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.name) })
        return VisitPlanList(
            rows: plans.map {
                Row(id: $0.id!, plannedDate: $0.plannedDate, school: nameOf[$0.schoolID] ?? "", focus: $0.focus)
            })
    }
}
