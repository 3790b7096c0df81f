import DudaoCore
import Fluent
import Foundation

/// One complaint as its page shows it to one account: the facts, the content and reply, the handling buttons,
/// reassignment, and every step. Who complained and what they attached is in it only for the office
/// (`ComplaintAccess.seesIdentity`). Plain values; `query` builds it.
struct ComplaintDetail: Sendable {
    /// Who complained and what they attached: for the office only.
    struct Identity: Sendable {
        /// "匿名", or the name and phone.
        let complainant: String
        let files: [StoredFile]
    }

    struct Event: Sendable, Equatable {
        let createdAt: Date?
        /// "—" for the intake step when the account may not see who complained.
        let actorName: String
        let action: String
        let comment: String
    }

    struct InspectorOption: Sendable, Equatable {
        let id: Int
        let name: String
    }

    let id: Int
    let trackingCode: String
    let byPhone: Bool
    let schoolID: Int?
    /// nil: about the district as a whole.
    let school: String?
    let category: String
    let receivedOn: Day?
    let state: ComplaintState
    let deadline: Day?
    let inspectorID: Int?
    let inspector: String?
    let escalation: EscalationStep?
    let content: String
    let reply: String
    let fileCount: Int
    let identity: Identity?
    /// It has become a problem of its school.
    let isProblem: Bool
    /// The handling steps the account may take now (`ComplaintMachine`).
    let actions: [ComplaintAction]
    /// The "转为学校问题" button (`ComplaintMachine.problemRefusal`).
    let mayMakeProblem: Bool
    /// Inspectors it may be reassigned to (the office, while it is open); empty otherwise.
    let inspectors: [InspectorOption]
    let events: [Event]
    /// A refused step: why, and the reply and comment as typed.
    var errors: [FieldError] = []
    var typedReply: String?
    var typedComment = ""
}

extension ComplaintDetail {
    static func query(_ c: Complaint, scope: Scope, on db: any Database) async throws -> ComplaintDetail {
        let access = scope.complaintAccess
        let role = scope.principal.role
        let school = try await c.schoolID.asyncMap { try await School.find($0, on: db) } ?? nil
        let inspector = try await c.inspectorID.asyncMap { try await Inspector.find($0, on: db) } ?? nil
        let events = try await CaseEvents.of(.complaint, id: c.id!, on: db)
        let inspectors =
            access.mayAssign(c) && c.state.isOpen
            ? try await Inspector.query(on: db).filter(\.$districtID == c.districtID).filter(\.$status == .active).sort(
                \.$name
            ).all() : []
        let isProblem = try await Problem.query(on: db).filter(\.$complaintID == c.id!).first() != nil
        let identity =
            access.seesIdentity
            ? Identity(
                complainant: c.anonymous
                    ? "匿名" : [c.complainantName, c.complainantPhone].filter { !$0.isEmpty }.joined(separator: " "),
                files: c.storedFiles)
            : nil
        return ComplaintDetail(
            id: c.id!, trackingCode: c.trackingCode, byPhone: c.channel == "phone", schoolID: c.schoolID,
            school: school?.name,
            category: c.category, receivedOn: Day(parsing: c.receivedOn), state: c.state,
            deadline: c.deadline.flatMap(Day.init(parsing:)),
            inspectorID: c.inspectorID, inspector: inspector?.name, escalation: c.escalation, content: c.content,
            reply: c.reply,
            fileCount: c.storedFiles.count, identity: identity, isProblem: isProblem,
            actions: ComplaintMachine.allowedActions(from: c.state, role: role),
            mayMakeProblem: ComplaintMachine.problemRefusal(
                state: c.state, aboutSchool: c.schoolID != nil, alreadyAProblem: isProblem, role: role) == nil,
            inspectors: inspectors.map { InspectorOption(id: $0.id!, name: $0.name) },
            events: events.map {
                Event(
                    createdAt: $0.createdAt,
                    actorName: access.seesIdentity || $0.action != "create" ? $0.actorName : "—",
                    action: $0.action, comment: $0.comment)
            })
    }
}
