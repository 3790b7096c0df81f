import DudaoCore
import Fluent

/// 投诉进度查询: what a tracking code shows the public — the day it was submitted, each step with the day it was
/// done, and the reply; nothing else. Plain values.
struct ComplaintTracking: Sendable {
    struct Found: Sendable, Equatable {
        let trackingCode: String
        let state: ComplaintState
        let submittedOn: Day?
        let steps: [ComplaintProgress.Step]
        let reply: String
    }

    /// The code as typed.
    let code: String
    /// "Not found", next to the field.
    let message: String?
    let found: Found?
}

extension ComplaintTracking {
    static func query(code: String, on db: any Database) async throws -> ComplaintTracking {
        guard !code.isEmpty else { return ComplaintTracking(code: code, message: nil, found: nil) }
        var c: Complaint?
        if let normalised = TrackingCode.normalise(code) {
            c = try await Complaint.query(on: db).filter(\.$trackingCode == normalised).first()
        }
        guard let c else { return ComplaintTracking(code: code, message: "没有找到这个查询码，请核对后重新输入", found: nil) }
        // The day each step's action was last taken (a complaint has a handful of events).
        var days: [ComplaintAction: Day] = [:]
        for e in try await CaseEvent.query(on: db).filter(\.$target == "complaint").filter(\.$targetID == c.id!)
            .sort(\.$id).limit(200).all()
        {
            if let action = ComplaintAction(rawValue: e.action), let at = e.createdAt {
                days[action] = Day.today(now: at)
            }
        }
        return ComplaintTracking(
            code: code, message: nil,
            found: Found(
                trackingCode: c.trackingCode, state: c.state, submittedOn: Day(parsing: c.receivedOn),
                steps: ComplaintProgress.steps(state: c.state, days: days), reply: c.reply))
    }
}
