import DudaoCore
import Fluent
import Vapor

/// One 整改通知书 as its page and its printout show it: the problems, the reports, the steps, and what the
/// account may do next. Plain values; `query` builds it.
struct NoticeDetail: Sendable {
    struct ProblemRow: Sendable, Equatable {
        let category: String
        let description: String
    }

    struct Report: Sendable {
        let createdAt: Date?
        /// pending, accepted or returned.
        let outcome: String
        let body: String
        let files: [StoredFile]
        let reviewComment: String
    }

    struct Event: Sendable, Equatable {
        let createdAt: Date?
        let actorName: String
        let action: String
        let comment: String
    }

    let id: Int
    let number: String
    let state: NoticeState
    let deadline: Day?
    let requirements: String
    let needsVisit: Bool
    let escalation: EscalationStep?
    /// The day it was issued (the date on the printout).
    let issuedOn: Day?
    let school: String
    let inspector: String?
    let inspectorPhone: String?
    /// The district's 督导室, who signs the printout.
    let officeName: String
    let problems: [ProblemRow]
    let reports: [Report]
    let events: [Event]
    /// The steps the account may take now, but the report (`RectificationMachine`).
    let actions: [NoticeAction]
    /// A school that has the notice in hand reports on it.
    let mayReport: Bool
    /// The report form's messages.
    let errors: [FieldError]
    /// The report as typed, when it was refused (a file it cannot take does not cost the text).
    var typedReport = ""
    /// The comment of a refused step, as typed.
    var typedComment = ""
}

extension NoticeDetail {
    static func query(
        _ n: RectificationNotice, role: Role, errors: [FieldError] = [], typedReport: String = "",
        typedComment: String = "", on db: any Database
    ) async throws -> NoticeDetail {
        guard let school = try await School.find(n.schoolID, on: db) else { throw Abort(.notFound) }
        let inspector = try await Inspector.find(n.inspectorID, on: db)
        let settings = try await DistrictSettings.forDistrict(n.districtID, on: db)
        let policy = NoticePolicy(requiresApproval: settings.noticeRequiresApproval)
        // The notice's problems as it listed them, read from notice_problems: a withdrawn notice releases its
        // problems (their notice_id is cleared so a new notice can cover them) but still shows what it listed.
        let listed = try await NoticeProblem.query(on: db).filter(\.$noticeID == n.id!).all().map(\.problemID)
        let problems = try await Problem.query(on: db).filter(\.$id ~~ listed).sort(\.$id).all()
        let reports = try await RectificationReport.query(on: db).filter(\.$noticeID == n.id!).sort(\.$id).all()
        let events = try await CaseEvents.of(.notice, id: n.id!, on: db)
        return NoticeDetail(
            id: n.id!, number: n.number, state: n.state, deadline: n.deadlineDay, requirements: n.requirements,
            needsVisit: n.needsVisit, escalation: n.escalation, issuedOn: n.issuedAt.map { Day.today(now: $0) },
            school: school.name, inspector: inspector?.name, inspectorPhone: inspector?.phone,
            officeName: settings.officeName,
            problems: problems.map { ProblemRow(category: $0.category, description: $0.description) },
            reports: reports.map {
                Report(
                    createdAt: $0.createdAt, outcome: $0.outcome, body: $0.body, files: $0.storedFiles,
                    reviewComment: $0.reviewComment)
            },
            events: events.map {
                Event(createdAt: $0.createdAt, actorName: $0.actorName, action: $0.action, comment: $0.comment)
            },
            actions: RectificationMachine.allowedActions(from: n.state, role: role, policy: policy).filter {
                $0 != .report
            },
            mayReport: role == .school && n.state.isWithSchool,
            errors: errors, typedReport: typedReport, typedComment: typedComment)
    }
}
