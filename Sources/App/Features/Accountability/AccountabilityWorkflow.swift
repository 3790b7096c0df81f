import DudaoCore
import Fluent
import Vapor

/// 问责 with its side effects: the office's decision, the target's 申辩 and the office's outcome, each in one
/// transaction with its notification and audit. The rules (window, outcomes, aggravation) are `Accountability`'s.
enum AccountabilityWorkflow {
    /// What a decision answers: an overdue notice (the school, a unit) or an overdue complaint (the inspector
    /// handling it, a person), or nothing (a decision of its own).
    struct Source: Sendable, Equatable {
        enum Kind: String, Sendable {
            case notice, complaint
            case none = ""
        }
        let kind: Kind
        let id: Int?
        let label: String
        let path: String?
        let districtID: Int
        let orgPath: String
        let target: AccountabilityTarget
        let targetName: String
        let schoolID: Int?
        let inspectorID: Int?
        /// The timer's latest proposal on it: its step and its words ("逾期20天，建议约谈"), the reason's start.
        let proposal: Proposal?
    }

    struct Proposal: Sendable, Equatable {
        let step: EscalationStep?
        let comment: String
    }

    /// The source named by the form (`notice` or `complaint`), read through the account's access.
    static func source(notice: Int?, complaint: Int?, scope: Scope, on db: any Database) async throws -> Source {
        if let notice {
            let n = try await scope.noticeAccess.load(notice, on: db)
            let school = try await School.find(n.schoolID, on: db)
            return Source(
                kind: .notice, id: n.id, label: "整改通知书 \(n.number)", path: SiteURL.notice(n.id!).path,
                districtID: n.districtID, orgPath: n.orgPath, target: .unit, targetName: school?.name ?? "",
                schoolID: n.schoolID, inspectorID: nil, proposal: try await proposal(.notice, id: n.id!, on: db))
        }
        if let complaint {
            let c = try await scope.complaintAccess.load(complaint, on: db)
            let inspector = try await c.inspectorID.asyncMap { try await Inspector.find($0, on: db) } ?? nil
            return Source(
                kind: .complaint, id: c.id, label: "举报投诉 \(c.trackingCode)", path: SiteURL.complaint(c.id!).path,
                districtID: c.districtID, orgPath: c.orgPath, target: .person, targetName: inspector?.name ?? "",
                schoolID: nil, inspectorID: inspector?.id, proposal: try await proposal(.complaint, id: c.id!, on: db))
        }
        let district = try await scope.district(on: db)
        return Source(
            kind: .none, id: nil, label: "", path: nil, districtID: district.id!, orgPath: district.path, target: .unit,
            targetName: "", schoolID: nil, inspectorID: nil, proposal: nil)
    }

    static func proposal(_ target: CaseEvents.Target, id: Int, on db: any Database) async throws -> Proposal? {
        try await CaseEvent.query(on: db).filter(\.$target == target.rawValue).filter(\.$targetID == id)
            .filter(\.$action =~ "propose:").sort(\.$id, .descending).first()
            .map {
                Proposal(
                    step: EscalationStep(rawValue: String($0.action.dropFirst("propose:".count))), comment: $0.comment)
            }
    }

    /// Saves the office's decision and tells its target. The school or inspector of the source is linked only
    /// when the decision is against them (a unit for a notice, a person for a complaint).
    static func decide(
        _ v: AccountabilityDecisionValues, source: Source, principal: Principal, on db: any Database
    ) async throws -> AccountabilityDecision {
        let d = AccountabilityDecision()
        d.districtID = source.districtID
        d.orgPath = source.orgPath
        d.source = source.kind.rawValue
        d.sourceID = source.id
        d.target = v.target
        d.targetName = v.targetName
        d.targetSchoolID = v.target == .unit ? source.schoolID : nil
        d.targetInspectorID = v.target == .person ? source.inspectorID : nil
        d.measure = v.measure
        d.reason = v.reason
        d.documentNumber = v.documentNumber
        d.decidedOn = v.decidedOn.description
        d.state = .decided
        d.response = ""
        d.responseFiles = "[]"
        d.outcomeComment = ""
        d.decidedBy = principal.userID
        try await db.writeTransaction { db in
            try await d.save(on: db)
            if source.kind != .none, let id = source.id {
                try await CaseEvents.record(
                    on: db, source.kind == .notice ? .notice : .complaint, id: id,
                    action: "decide:" + v.measure.rawValue,
                    actor: principal, comment: "问责决定 \(v.documentNumber)：对\(v.targetName)\(v.measure.label)")
            }
            try await Notifier.notify(
                userIDs: try await targetUsers(d, on: db),
                title: "问责决定 \(v.documentNumber)（\(v.measure.label)），可在\(Accountability.appealDays)日内申辩",
                link: SiteURL.accountabilityDecision(d.id!).path, districtID: d.districtID, on: db)
            try await Audit.record(
                on: db, actor: principal, action: "create", entity: "accountability", id: d.id!, orgPath: d.orgPath,
                summary: "问责决定 \(v.documentNumber)：对\(v.targetName)\(v.measure.label)")
        }
        return d
    }

    /// The target's 申辩, within the window and once; the office is told.
    static func respond(
        _ d: AccountabilityDecision, text: String, files: [StoredFile], principal: Principal, today: Day, now: Date,
        on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(AccountabilityDecision.self, d.id!), fresh.state == d.state else {
                throw AlreadyHandled()
            }
            d.state = .responded
            d.response = text
            d.responseFiles = try JSONColumn.encode(files)
            d.respondedAt = now
            try await d.save(on: db)
            let district = try await OrgUnit.find(d.districtID, on: db)
            try await Notifier.notify(
                userIDs: try await Notifier.officeUsers(districtPath: district?.path ?? d.orgPath, on: db),
                title: "\(d.targetName)对问责决定 \(d.documentNumber) 提出申辩",
                link: SiteURL.accountabilityDecision(d.id!).path,
                districtID: nil, on: db)
            try await Audit.record(
                on: db, actor: principal, action: "respond", entity: "accountability", id: d.id!, orgPath: d.orgPath,
                summary: "对问责决定 \(d.documentNumber) 提出申辩")
        }
    }

    /// The office's outcome: upheld, changed (to another measure for the same target) or withdrawn.
    static func conclude(
        _ d: AccountabilityDecision, outcome: AccountabilityState, measure: AccountabilityMeasure?, comment: String,
        principal: Principal, on db: any Database
    ) async throws {
        let before = d.state
        let measureBefore = d.measure
        try await db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(AccountabilityDecision.self, d.id!), fresh.state == before else {
                throw AlreadyHandled()
            }
            d.state = outcome
            if outcome == .changed, let measure { d.measure = measure }
            d.outcomeComment = comment
            try await d.save(on: db)
            try await Notifier.notify(
                userIDs: try await targetUsers(d, on: db),
                title: "问责决定 \(d.documentNumber)：\(outcome.label)", link: SiteURL.accountabilityDecision(d.id!).path,
                districtID: d.districtID, on: db)
            try await Audit.record(
                on: db, actor: principal, action: outcome.rawValue, entity: "accountability", id: d.id!,
                orgPath: d.orgPath, summary: "问责决定 \(d.documentNumber)：\(outcome.label)",
                before: ["状态": before.label, "问责方式": measureBefore.label],
                after: ["状态": outcome.label, "问责方式": d.measure.label])
        }
    }

    /// Decisions against the same target earlier in the same year, withdrawn ones not counted.
    static func earlierThisYear(_ d: AccountabilityDecision, on db: any Database) async throws -> Int {
        guard let day = d.decidedDay else { return 0 }
        var q = AccountabilityDecision.query(on: db).filter(\.$id != d.id!).filter(\.$state != .withdrawn)
            .filter(\.$decidedOn >= "\(day.year)-01-01").filter(\.$decidedOn <= d.decidedOn)
        if let school = d.targetSchoolID {
            q = q.filter(\.$targetSchoolID == school)
        } else if let inspector = d.targetInspectorID {
            q = q.filter(\.$targetInspectorID == inspector)
        } else {
            q = q.filter(\.$districtID == d.districtID).filter(\.$targetName == d.targetName)
        }
        return try await q.rowCount()
    }

    static func targetUsers(_ d: AccountabilityDecision, on db: any Database) async throws -> [Int] {
        if let school = d.targetSchoolID { return try await Notifier.schoolUsers(school, on: db) }
        return try await Notifier.inspectorUsers(d.targetInspectorID, on: db)
    }
}
