import DudaoCore
import Fluent

/// One 督导方案; its inspector can start the visit from it.
struct VisitPlanDetail: Sendable {
    let id: Int
    let schoolID: Int
    let school: String
    let plannedDate: String
    let tasks: String
    let methods: String
    let focus: String
    let isMine: Bool

    /// The page of `plan`, which the caller loaded through the account's visit plan access.
    static func query(_ plan: VisitPlan, scope: Scope, on db: any Database) async throws -> VisitPlanDetail {
        let school = try await School.find(plan.schoolID, on: db)
        return VisitPlanDetail(
            id: plan.id!, schoolID: plan.schoolID, school: school?.name ?? "", plannedDate: plan.plannedDate,
            tasks: plan.tasks,
            methods: plan.methods, focus: plan.focus, isMine: scope.visitPlanAccess.isMine(plan))
    }
}
