import DudaoCore
import Fluent
import Foundation

/// One semester plan as its page shows it, with what the account may do with it.
struct AreaPlanDetail: Sendable {
    let id: Int
    let semester: String
    let status: PlanStatus
    let inspector: String
    let submittedAt: Date?
    let officeComment: String
    let goals: String
    let focus: String
    let schedule: String
    /// Its inspector may still change a draft or a returned plan.
    let mayEdit: Bool
    /// The office reviews a submitted plan: file it or return it.
    let mayReview: Bool
    /// A refused review: why, and the comment as typed.
    var errors: [FieldError] = []
    var typedComment = ""

    /// The page of `plan`, which the caller loaded through the account's area plan access.
    static func query(_ plan: AreaPlan, scope: Scope, on db: any Database) async throws -> AreaPlanDetail {
        let access = scope.areaPlanAccess
        let inspector = try await Inspector.find(plan.inspectorID, on: db)
        return AreaPlanDetail(
            id: plan.id!, semester: plan.semester, status: plan.status, inspector: inspector?.name ?? "",
            submittedAt: plan.submittedAt,
            officeComment: plan.officeComment, goals: plan.goals, focus: plan.focus, schedule: plan.schedule,
            mayEdit: access.isMine(plan) && (plan.status == .draft || plan.status == .returned),
            mayReview: access.canReview(plan) && plan.status == .submitted)
    }
}
