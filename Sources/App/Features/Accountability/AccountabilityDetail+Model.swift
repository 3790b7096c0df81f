import DudaoCore
import Fluent
import Foundation

/// One 问责决定 as its page and its printout show it: the decision, the 申辩 window, the response, the outcome,
/// whether it aggravates, and which forms the account gets.
struct AccountabilityDetail: Sendable {
    struct File: Sendable, Equatable {
        let name: String
        let path: String
    }

    let id: Int
    let documentNumber: String
    let decidedOn: Day?
    let measure: AccountabilityMeasure
    let target: AccountabilityTarget
    let targetName: String
    let reason: String
    let state: AccountabilityState
    let appealUntil: Day?
    let sourceLabel: String?
    let sourcePath: String?
    let response: String
    let responseFiles: [File]
    let respondedAt: Date?
    let outcomeComment: String
    /// Measures against the same target earlier in the same year (aggravating from the second).
    let earlierThisYear: Int
    let officeName: String
    /// The response form is offered (the target, within the window, not yet answered).
    let mayRespond: Bool
    /// Why the target cannot answer any more, shown to it instead of the form.
    let responseRefusal: String?
    /// The outcomes the office may record now.
    let outcomes: [AccountabilityState]
    let errors: [FieldError]
    /// The 申辩 or the office's conclusion as typed, when refused (by field name).
    var typed: [String: String] = [:]

    var aggravating: Bool { Accountability.isAggravating(earlierThisYear: earlierThisYear) }
}

extension AccountabilityDetail {
    static func query(
        _ d: AccountabilityDecision, scope: Scope, today: Day, errors: [FieldError] = [], on db: any Database
    ) async throws -> AccountabilityDetail {
        let access = scope.accountabilityAccess
        let settings = try await DistrictSettings.forDistrict(d.districtID, on: db)
        let decided = d.decidedDay ?? today
        let refusal = Accountability.mayRespond(state: d.state, notifiedOn: decided, today: today)
        let isTarget = access.isTarget(d)
        let source = try await sourceLink(d, on: db)
        return AccountabilityDetail(
            id: d.id!, documentNumber: d.documentNumber, decidedOn: d.decidedDay, measure: d.measure, target: d.target,
            targetName: d.targetName, reason: d.reason, state: d.state,
            appealUntil: Accountability.appealDeadline(notifiedOn: decided), sourceLabel: source?.0,
            sourcePath: source?.1, response: d.response,
            responseFiles: d.storedResponseFiles.map {
                File(name: $0.name, path: SiteURL.accountabilityFile(d.id!, $0.hash).path)
            },
            respondedAt: d.respondedAt, outcomeComment: d.outcomeComment,
            earlierThisYear: try await AccountabilityWorkflow.earlierThisYear(d, on: db),
            officeName: settings.officeName,
            mayRespond: isTarget && refusal == nil, responseRefusal: isTarget ? refusal?.message : nil,
            outcomes: access.mayDecide
                ? Accountability.outcomesOpen(state: d.state, notifiedOn: decided, today: today) : [],
            errors: errors)
    }

    /// The notice or complaint the decision answers, as (label, path); only for the office's side, which reads it.
    static func sourceLink(_ d: AccountabilityDecision, on db: any Database) async throws -> (String, String)? {
        guard let id = d.sourceID else { return nil }
        switch d.source {
        case "notice":
            return try await RectificationNotice.find(id, on: db).map {
                ("整改通知书 \($0.number)", SiteURL.notice(id).path)
            }
        case "complaint":
            return try await Complaint.find(id, on: db).map { ("举报投诉 \($0.trackingCode)", SiteURL.complaint(id).path) }
        default:
            return nil
        }
    }
}
