import DudaoCore
import Fluent
import Vapor

/// Applies a `RectificationMachine` transition with its side effects, in one transaction, with the event and audit.
enum NoticeWorkflow {
    /// A new notice (a draft) for `school` covering `problems`, numbered next in the district's year. Two notices
    /// at once get consecutive numbers, and a problem goes into one notice only (409 for the second).
    /// Returns the notice and whether the district's office approves notices before they are issued.
    static func create(
        for school: School, problems: [Problem], requirements: String, deadline: Day, needsVisit: Bool,
        principal p: Principal, today: Day, on db: any Database
    ) async throws -> (notice: RectificationNotice, requiresApproval: Bool) {
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: db)
        var inspectorID = p.inspectorID
        if inspectorID == nil {
            inspectorID = try await DirectoryQueries.responsible(of: [school.id!], on: db)[school.id!]?.id
        }
        guard let inspectorID else { throw Abort(.badRequest, reason: "该校没有责任督学，请先安排责任督学") }
        let district = try await OrgUnit.find(school.districtID, on: db)
        let year = today.year
        let notice = RectificationNotice()
        notice.districtID = school.districtID
        notice.orgPath = school.orgPath
        notice.schoolID = school.id!
        notice.inspectorID = inspectorID
        notice.year = year
        notice.requirements = requirements
        notice.deadline = deadline.description
        notice.state = .draft
        notice.needsVisit = needsVisit
        let prefix =
            (district?.name.prefix(1)).map(String.init).map { $0 + settings.noticePrefix } ?? settings.noticePrefix
        try await db.writeTransaction { db in
            // The number is the next in the district's year: the district's row is locked while it is taken,
            // so simultaneous notices get consecutive numbers (PostgreSQL; SQLite holds the write lock).
            _ = try await db.lockedFind(OrgUnit.self, notice.districtID)
            for problem in problems {
                guard let fresh = try await db.lockedFind(Problem.self, problem.id!), fresh.noticeID == nil else {
                    throw AlreadyHandled()
                }
            }
            let last =
                try await RectificationNotice.query(on: db).filter(\.$districtID == notice.districtID).filter(
                    \.$year == year
                )
                .sort(\.$sequence, .descending).first()?.sequence ?? 0
            notice.sequence = last + 1
            notice.number = NoticeNumber.format(prefix: prefix, year: year, sequence: notice.sequence)
            try await notice.save(on: db)
            for problem in problems {
                try await NoticeProblem(noticeID: notice.id!, problemID: problem.id!).save(on: db)
                problem.noticeID = notice.id
                problem.deadline = notice.deadline
                try await problem.save(on: db)
            }
            try await CaseEvents.record(
                on: db, .notice, id: notice.id!, action: "create", actor: p, comment: "生成整改通知书（\(problems.count)个问题）")
            try await Audit.record(
                on: db, actor: p, action: "create", entity: "notice", id: notice.id!, orgPath: notice.orgPath,
                summary: "生成整改通知书 \(notice.number)")
        }
        return (notice, settings.noticeRequiresApproval)
    }

    /// Applies `action` to `notice` as its user saw it. Two clicks (or two users) at once apply it once:
    /// the row is re-read under a lock and the loser gets "已被他人处理" (409).
    static func apply(
        _ action: NoticeAction, to notice: RectificationNotice, principal: Principal, comment: String,
        now: Date, on db: any Database, also: (@Sendable (any Database) async throws -> Void)? = nil
    ) async throws {
        let settings = try await DistrictSettings.forDistrict(notice.districtID, on: db)
        let policy = NoticePolicy(requiresApproval: settings.noticeRequiresApproval)
        let next: NoticeState
        switch RectificationMachine.next(from: notice.state, action: action, role: principal.role, policy: policy) {
        case .failure(let e): throw Abort(.forbidden, reason: e.message)
        case .success(let s): next = s
        }
        // An inspector acts only on notices of their own schools (the scope already limits what they can load).
        if principal.role == .school, notice.schoolID != principal.schoolID {
            throw Abort(.forbidden, reason: "无权操作其他学校的通知书")
        }
        let before = notice.state
        notice.state = next
        if next == .issued, notice.issuedAt == nil { notice.issuedAt = now }
        if next == .closed { notice.closedAt = now }
        try await db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(RectificationNotice.self, notice.id!), fresh.state == before
            else {
                throw AlreadyHandled()
            }
            try await notice.save(on: db)
            if let also { try await also(db) }
            let problems = try await Problem.query(on: db).filter(\.$noticeID == notice.id!).all()
            switch next {
            case .closed:
                for p in problems {
                    p.state = .closed
                    try await p.save(on: db)
                }
            case .withdrawn:
                for p in problems {
                    p.noticeID = nil
                    p.deadline = nil
                    try await p.save(on: db)
                }
            default: break
            }
            if action == .close || action == .returnReport,
                let r = try await RectificationReport.query(on: db).filter(\.$noticeID == notice.id!).filter(
                    \.$outcome == "pending"
                )
                .sort(\.$id, .descending).first()
            {
                r.outcome = action == .close ? "accepted" : "returned"
                r.reviewComment = comment
                r.reviewedAt = now
                try await r.save(on: db)
            }
            try await CaseEvents.record(
                on: db, .notice, id: notice.id!, action: action.rawValue, actor: principal, comment: comment)
            let link = SiteURL.notice(notice.id!).path
            switch next {
            case .issued:
                try await Notifier.notify(
                    userIDs: try await Notifier.schoolUsers(notice.schoolID, on: db),
                    title: "收到整改通知书 \(notice.number)，请于\(Format.day(notice.deadline))前报送整改报告", link: link,
                    districtID: notice.districtID, on: db)
            case .pendingApproval:
                let d = try await OrgUnit.find(notice.districtID, on: db)
                try await Notifier.notify(
                    userIDs: try await Notifier.officeUsers(districtPath: d?.path ?? notice.orgPath, on: db),
                    title: "整改通知书 \(notice.number) 待审批", link: link, districtID: nil, on: db)
            case .reported:
                try await Notifier.notify(
                    userIDs: try await Notifier.inspectorUsers(notice.inspectorID, on: db),
                    title: "整改通知书 \(notice.number) 的整改报告待复查", link: link, districtID: notice.districtID, on: db)
            case .returned, .closed:
                try await Notifier.notify(
                    userIDs: try await Notifier.schoolUsers(notice.schoolID, on: db),
                    title: "整改通知书 \(notice.number)：\(next == .closed ? "已复查销号" : "整改报告被退回，请补充后重新报送")", link: link,
                    districtID: nil, on: db)
            default: break
            }
            try await Audit.record(
                on: db, actor: principal, action: action.rawValue, entity: "notice", id: notice.id!,
                orgPath: notice.orgPath,
                summary: "整改通知书 \(notice.number)：\(action.label)" + (comment.isEmpty ? "" : "（\(comment)）"),
                before: ["状态": before.label], after: ["状态": next.label])
        }
    }
}
