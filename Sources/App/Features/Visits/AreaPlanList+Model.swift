import DudaoCore
import Fluent
import Foundation

/// 学期片区督导工作计划: the plans the account may read, newest semester first (at most 200).
struct AreaPlanList: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let semester: String
        let inspector: String
        let status: PlanStatus
        let submittedAt: Date?
        let officeComment: String
    }

    /// The semester of today, for an inspector's "write this semester's plan" button.
    let current: Semester
    let rows: [Row]

    static let limit = 200

    static func query(scope: Scope, today: Day, on db: any Database) async throws -> AreaPlanList {
        let plans = try await scope.areaPlanAccess.readable(AreaPlan.query(on: db)).sort(\.$semester, .descending).sort(
            \.$id, .descending
        )
        .limit(limit).all()
        let nameOf = try await DirectoryQueries.inspectorNames(of: plans.map(\.inspectorID), on: db)
        return AreaPlanList(
            current: Semester.containing(today),
            rows: plans.map {
                Row(
                    id: $0.id!, semester: $0.semester, inspector: nameOf[$0.inspectorID] ?? "", status: $0.status,
                    submittedAt: $0.submittedAt, officeComment: $0.officeComment)
            })
    }
}
