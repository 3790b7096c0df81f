import DudaoCore
import Fluent
import Vapor

/// Applies a `RectificationMachine` transition with its side effects, in one transaction, with the event and audit.
enum NoticeWorkflow {
    static func event(on db: any Database, notice: RectificationNotice, action: String, actor: Principal?, comment: String) async throws {
        let e = CaseEvent()
        e.target = "notice"
        e.targetID = notice.id!
        e.action = action
        e.actorID = actor?.userID
        e.actorName = actor?.displayName ?? "系统"
        e.comment = comment
        try await e.save(on: db)
    }

    /// Applies `action` to `notice` as its user saw it. Two clicks (or two users) at once apply it once:
    /// the row is re-read under a lock and the loser gets "已被他人处理" (409).
    static func apply(_ action: NoticeAction, to notice: RectificationNotice, principal: Principal, comment: String,
        now: Date, on db: any Database, also: (@Sendable (any Database) async throws -> Void)? = nil) async throws
    {
        let settings = try await DistrictSettings.forDistrict(notice.districtID, on: db)
        let policy = NoticePolicy(requiresApproval: settings.noticeRequiresApproval)
        let next: NoticeState
        switch RectificationMachine.next(from: notice.state, action: action, role: principal.role, policy: policy) {
        case .failure(let e): throw Abort(.forbidden, reason: e.message)
        case .success(let s): next = s
        }
        // An inspector acts only on notices of their own schools (the scope already limits what they can load).
        if principal.role == .school, notice.schoolID != principal.schoolID { throw Abort(.forbidden, reason: "无权操作其他学校的通知书") }
        let before = notice.state
        notice.state = next
        if next == .issued, notice.issuedAt == nil { notice.issuedAt = now }
        if next == .closed { notice.closedAt = now }
        try await db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(RectificationNotice.self, notice.id!), fresh.state == before else {
                throw AlreadyHandled()
            }
            try await notice.save(on: db)
            if let also { try await also(db) }
            let problems = try await Problem.query(on: db).filter(\.$noticeID == notice.id!).all()
            switch next {
            case .closed:
                for p in problems { p.state = .closed; try await p.save(on: db) }
            case .withdrawn:
                for p in problems { p.noticeID = nil; p.deadline = nil; try await p.save(on: db) }
            default: break
            }
            if action == .close || action == .returnReport,
                let r = try await RectificationReport.query(on: db).filter(\.$noticeID == notice.id!).filter(\.$outcome == "pending")
                    .sort(\.$id, .descending).first()
            {
                r.outcome = action == .close ? "accepted" : "returned"
                r.reviewComment = comment
                r.reviewedAt = now
                try await r.save(on: db)
            }
            try await event(on: db, notice: notice, action: action.rawValue, actor: principal, comment: comment)
            let link = SiteURL.notice(notice.id!).path
            switch next {
            case .issued:
                try await Notifier.notify(userIDs: try await Notifier.schoolUsers(notice.schoolID, on: db),
                    title: "收到整改通知书 \(notice.number)，请于\(Format.day(notice.deadline))前报送整改报告", link: link,
                    districtID: notice.districtID, on: db)
            case .pendingApproval:
                let d = try await OrgUnit.find(notice.districtID, on: db)
                try await Notifier.notify(userIDs: try await Notifier.officeUsers(districtPath: d?.path ?? notice.orgPath, on: db),
                    title: "整改通知书 \(notice.number) 待审批", link: link, districtID: nil, on: db)
            case .reported:
                try await Notifier.notify(userIDs: try await Notifier.inspectorUsers(notice.inspectorID, on: db),
                    title: "整改通知书 \(notice.number) 的整改报告待复查", link: link, districtID: notice.districtID, on: db)
            case .returned, .closed:
                try await Notifier.notify(userIDs: try await Notifier.schoolUsers(notice.schoolID, on: db),
                    title: "整改通知书 \(notice.number)：\(next == .closed ? "已复查销号" : "整改报告被退回，请补充后重新报送")", link: link,
                    districtID: nil, on: db)
            default: break
            }
            try await Audit.record(on: db, actor: principal, action: action.rawValue, entity: "notice", id: notice.id!,
                orgPath: notice.orgPath, summary: "整改通知书 \(notice.number)：\(action.label)" + (comment.isEmpty ? "" : "（\(comment)）"),
                before: ["状态": before.label], after: ["状态": next.label])
        }
    }
}

/// Everything a notice page and its printout show.
struct NoticeData {
    let notice: RectificationNotice
    let school: School
    let inspector: Inspector?
    let problems: [Problem]
    let reports: [RectificationReport]
    let events: [CaseEvent]
    let settings: DistrictSettings
    let district: OrgUnit?

    static func load(_ n: RectificationNotice, on db: any Database) async throws -> NoticeData {
        guard let school = try await School.find(n.schoolID, on: db) else { throw Abort(.notFound) }
        return NoticeData(
            notice: n, school: school, inspector: try await Inspector.find(n.inspectorID, on: db),
            problems: try await Problem.query(on: db).filter(\.$noticeID == n.id!).sort(\.$id).all(),
            reports: try await RectificationReport.query(on: db).filter(\.$noticeID == n.id!).sort(\.$id).all(),
            events: try await CaseEvent.query(on: db).filter(\.$target == "notice").filter(\.$targetID == n.id!).sort(\.$id).all(),
            settings: try await DistrictSettings.forDistrict(n.districtID, on: db),
            district: try await OrgUnit.find(n.districtID, on: db))
    }
}
