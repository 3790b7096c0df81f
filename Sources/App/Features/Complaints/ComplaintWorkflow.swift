import DudaoCore
import Fluent
import Vapor

/// The life of a complaint with its side effects: intake with routing, the handling steps of `ComplaintMachine`,
/// reassignment and turning it into a school problem, each in one transaction with its event and audit.
enum ComplaintWorkflow {
    /// Saves a checked intake, routes it to the school's responsible inspector and tells them and the office.
    static func create(
        _ intake: ComplaintIntake, district: OrgUnit, school: School?, files: [StoredFile], recordedBy: Int?,
        ip: String,
        now: Date, submission: String? = nil, on db: any Database
    ) async throws -> Complaint {
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        // Time limits count from the day the complaint came in (a phone call may be logged the day after).
        let received = intake.receivedOn
        let c = Complaint()
        c.districtID = district.id!
        c.orgPath = school?.orgPath ?? district.path
        c.schoolID = school?.id
        c.channel = intake.channel.rawValue
        c.category = intake.category
        c.content = intake.content
        c.complainantName = intake.name
        c.complainantPhone = intake.phone
        c.anonymous = intake.anonymous
        c.files = try JSONColumn.encode(files)
        c.state = .received
        c.inspectorID =
            try await school.asyncMap { try await DirectoryQueries.responsible(of: [$0.id!], on: db)[$0.id!]?.id }
            ?? nil
        c.receivedOn = received.description
        c.stageStarted = received.description
        c.deadline =
            ComplaintMachine.deadline(
                state: .received, stageStarted: received, limits: settings.complaintTimeLimits,
                calendar: settings.workingCalendar)?.description
        c.reply = ""
        c.recordedBy = recordedBy
        c.sourceIP = ip
        c.submissionToken = submission
        c.createdAt = now
        let category = intake.category
        let channel = intake.channel
        try await db.writeTransaction { db in
            for _ in 0..<5 {
                c.trackingCode = TrackingCode.make()
                if try await Complaint.query(on: db).filter(\.$trackingCode == c.trackingCode).count() == 0 { break }
            }
            try await c.save(on: db)
            try await CaseEvents.record(
                on: db, .complaint, id: c.id!, action: "create", actor: nil,
                name: channel == .phone ? "督导室（电话登记）" : "网上投诉", comment: "")
            let users =
                try await Notifier.officeUsers(districtPath: district.path, on: db)
                + Notifier.inspectorUsers(c.inspectorID, on: db)
            // An urgent matter (the district's list) is flagged so that it is read at once (rules.md §1).
            let urgent = settings.urgentCategoryList.contains(category) ? "【紧急】" : ""
            try await Notifier.notify(
                userIDs: users, title: "\(urgent)新的举报投诉（\(category)）：\(school?.name ?? district.name)",
                link: SiteURL.complaint(c.id!).path, districtID: district.id, on: db)
        }
        return c
    }

    /// Takes one handling step (`ComplaintMachine`). A reply (or a refusal) needs its text for the complainant:
    /// without it nothing changes and the message for the user is returned. Two clicks at once apply it once (409).
    static let replyLimit = 2000
    static let commentLimit = 1000

    /// Why a step's reply or comment is refused, by field (empty when they will do).
    static func check(_ action: ComplaintAction, reply: String?, comment: String) -> [FieldError] {
        var errors: [FieldError] = []
        if action == .reply || action == .reject {
            let text = (reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if let e = Validate.required(text, field: "答复内容", maxLength: replyLimit) {
                errors.append(.init("reply", e))
            }
        }
        if let e = Validate.optional(comment, field: "办理意见", maxLength: commentLimit) {
            errors.append(.init("comment", e))
        }
        return errors
    }

    static func apply(
        _ action: ComplaintAction, to c: Complaint, reply: String?, comment: String, principal: Principal, today: Day,
        on db: any Database
    ) async throws -> String? {
        let stateBefore = c.state
        let next: ComplaintState
        switch ComplaintMachine.next(from: c.state, action: action, role: principal.role) {
        case .failure(let e): throw Abort(.forbidden, reason: e.message)
        case .success(let s): next = s
        }
        if action == .reply || action == .reject {
            // The same rule the form is checked by (`check`), for any caller.
            if let refused = check(action, reply: reply, comment: comment).first { return refused.message }
            c.reply = (reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            c.repliedOn = today.description
        }
        let settings = try await DistrictSettings.forDistrict(c.districtID, on: db)
        // The verify clock starts at acceptance and is not restarted when verification begins.
        if action != .startVerifying { c.stageStarted = today.description }
        c.state = next
        c.deadline =
            ComplaintMachine.deadline(
                state: next, stageStarted: Day(parsing: c.stageStarted) ?? today,
                limits: settings.complaintTimeLimits, calendar: settings.workingCalendar)?.description
        if !next.isOpen { c.escalation = nil }
        try await db.writeTransaction { [before = stateBefore] db in
            guard let fresh = try await db.lockedFind(Complaint.self, c.id!), fresh.state == before else {
                throw AlreadyHandled()
            }
            try await c.save(on: db)
            try await CaseEvents.record(
                on: db, .complaint, id: c.id!, action: action.rawValue, actor: principal, comment: comment)
            try await Audit.record(
                on: db, actor: principal, action: action.rawValue, entity: "complaint", id: c.id!,
                orgPath: c.orgPath, summary: "投诉 \(c.trackingCode)：\(action.label)")
        }
        return nil
    }

    /// Hands the complaint to another inspector of the district and tells them.
    static func assign(_ c: Complaint, to i: Inspector, principal: Principal, on db: any Database) async throws {
        c.inspectorID = i.id
        let (id, name) = (i.id!, i.name)
        try await db.writeTransaction { db in
            try await c.save(on: db)
            try await CaseEvents.record(
                on: db, .complaint, id: c.id!, action: "assign", actor: principal, comment: "改派给 \(name)")
            try await Notifier.notify(
                userIDs: try await Notifier.inspectorUsers(id, on: db), title: "督导室转办投诉 \(c.trackingCode)",
                link: SiteURL.complaint(c.id!).path, districtID: c.districtID, on: db)
        }
    }

    /// Turns a verified complaint into a problem of its school, so it can be rectified like any other
    /// (`ComplaintMachine.problemRefusal` says when it may).
    static func makeProblem(_ c: Complaint, principal: Principal, on db: any Database) async throws {
        let school = try await c.schoolID.asyncMap { try await School.find($0, on: db) } ?? nil
        let already = try await Problem.query(on: db).filter(\.$complaintID == c.id!).count() > 0
        if let refusal = ComplaintMachine.problemRefusal(
            state: c.state, aboutSchool: school != nil, alreadyAProblem: already, role: principal.role)
        {
            throw Abort(refusal == .readOnly ? .forbidden : .badRequest, reason: refusal.message)
        }
        guard let school, let schoolID = school.id else { return }
        var inspectorID = c.inspectorID
        if inspectorID == nil {
            inspectorID = try await DirectoryQueries.responsible(of: [schoolID], on: db)[schoolID]?.id
        }
        guard let inspectorID else { throw Abort(.badRequest, reason: "该校没有责任督学，请先安排") }
        let p = Problem()
        p.visitID = nil
        p.complaintID = c.id
        p.schoolID = schoolID
        p.orgPath = school.orgPath
        p.inspectorID = inspectorID
        p.category = "其他"
        p.severity = .serious
        p.disposition = .rectify
        p.description = "（举报投诉 \(c.trackingCode) 经核实）" + String(c.content.prefix(500))
        p.state = .open
        p.draft = false
        p.referralDepartment = ""
        p.referralReply = ""
        try await db.writeTransaction { db in
            // Checked under the write lock, so a double click makes one problem.
            _ = try await db.lockedFind(Complaint.self, c.id!)
            guard try await Problem.query(on: db).filter(\.$complaintID == c.id!).count() == 0 else {
                throw AlreadyHandled()
            }
            try await p.save(on: db)
            try await CaseEvents.record(
                on: db, .complaint, id: c.id!, action: "problem", actor: principal, comment: "转为学校问题，进入整改")
        }
    }
}
