import DudaoCore
import Fluent
import Plot
import SQLKit
import Vapor

/// 整改闭环: notice from problems → (approval) → issued → school acknowledges and reports with evidence →
/// inspector re-checks: closes (销号) or returns. Every step is a `RectificationMachine` transition, checked on the server.
enum NoticesController {
    static func load(_ req: Request, scope: Scope) async throws -> RectificationNotice {
        try await scope.noticeAccess.load(try req.parameters.id(), on: req.db)
    }

    // MARK: - List

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let paging = Paging(page: try req.query.page(), per: 50)
        var q = scope.noticeAccess.readable(RectificationNotice.query(on: req.db))
        let stateFilter = req.query[String.self, at: "state"] ?? "open"
        switch stateFilter {
        case "open": q = q.filter(\.$state !~ [.closed, .withdrawn])
        case "overdue":
            q = q.filter(\.$state ~~ [.issued, .acknowledged, .returned]).filter(\.$deadline < req.today.description)
        case "all": break
        default: if let s = NoticeState(rawValue: stateFilter) { q = q.filter(\.$state == s) }
        }
        let total = try await q.copy().count()
        let notices = try await q.sort(\.$deadline).sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        let schools = try await School.query(on: req.db).filter(\.$id ~~ Set(notices.map(\.schoolID))).all()
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.name) })
        let today = req.today
        return Layout.page(
            "整改通知书", req.pageContext(), wide: true,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("整改通知书")]),
                .el("div", [("class", "actions")], [.admin, .office, .leader].contains(scope.principal.role)
                    ? [.button(SiteURL.escalations.path, "督办清单", style: "secondary")] : []),
            ]),
            .el("nav", [("class", "tabs")], [("open", "未办结"), ("overdue", "已逾期"), ("reported", "待复查"), ("closed", "已销号"), ("all", "全部")].map { key, label in
                .el("a", [("href", SiteURL.notices.with([("state", key)]))] + (stateFilter == key ? [("aria-current", "page")] : []), [.text(label)])
            }),
            .dataTable(["文号", "学校", "状态", "整改期限", "进度", "督办"], notices.map { n in
                let status = n.deadlineDay.map { DeadlineStatus.of(due: $0, today: today) }
                return [
                    .link(SiteURL.notice(n.id!).path, n.number), .text(nameOf[n.schoolID] ?? ""), .badge(n.state.label, n.state == .closed ? "ok" : ""),
                    .text(Format.day(n.deadline)),
                    n.state.isOpen && [.issued, .acknowledged, .returned].contains(n.state) ? status.map { s in
                        if case .overdue = s { return .badge(s.label, "warn") }
                        return .text(s.label)
                    } ?? .empty : .text(""),
                    n.escalation.map { .badge($0.label, "warn") } ?? .text(""),
                ]
            }, empty: "没有整改通知书"),
            .pager(paging, total: total, link: { SiteURL.notices.with([("state", stateFilter), ("page", String($0))]) })
        )
    }

    // MARK: - Create

    struct NewForm: Content {
        @RecordID var school: Int?
        var problems: [Int]?
        var requirements: String?
        var deadline: String?
        var needsVisit: String?
    }

    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.load(try req.query.bounded("school", InputBounds.ID.self), on: req.db)
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: req.db)
        var form = NewForm()
        form.school = school.id
        form.deadline = req.today.adding(days: settings.noticeDays).description
        form.problems = try req.query.bounded("problem", InputBounds.ID.self).map { [$0] }
        return try await newPage(req, school: school, form: form, errors: [])
    }

    /// Open problems to rectify that have no notice yet; never those of a draft visit.
    static func candidateProblems(_ school: School, scope: Scope, on db: any Database) async throws -> [Problem] {
        try await ProblemAccess.submitted(scope.problemAccess.readable(Problem.query(on: db)))
            .filter(\.$schoolID == school.id!).filter(\.$state == .open)
            .filter(\.$noticeID == nil).filter(\.$disposition == .rectify).sort(\.$id).all()
    }

    static func newPage(_ req: Request, school: School, form: NewForm, errors: [FieldError]) async throws -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let problems = try await candidateProblems(school, scope: try await Scope.of(req), on: req.db)
        let selected = Set(form.problems ?? [])
        let ctx = req.pageContext()
        var page = Layout.page(
            "下达整改通知", ctx,
            .el("h1", [], [.text("整改通知书：" + school.name)]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.notices.path), ("class", "card")], [
                .csrf(ctx.csrf), .hidden("school", String(school.id!)),
                .el("fieldset", [], [
                    .el("legend", [], [.text("需整改的问题（处理方式为“整改”且尚未下达通知的问题）")]),
                    .errorText("f-problems", err("problems")),
                    problems.isEmpty ? .el("p", [("class", "empty")], [.text("该校没有待下达整改通知的问题。")]) : .empty,
                    .group(problems.map { p in
                        .el("label", [("class", "check")], [
                            .void("input", [("type", "checkbox"), ("name", "problems[]"), ("value", String(p.id!))] + (selected.contains(p.id!) ? [("checked", "checked")] : [])),
                            .text(" 【\(p.category)·\(p.severity.label)】\(p.description)"),
                        ])
                    }),
                ]),
                .textareaField("整改要求", name: "requirements", value: form.requirements ?? "", error: err("requirements"), rows: 4),
                .field("整改期限", name: "deadline", value: form.deadline ?? "", error: err("deadline"), type: "date", required: true),
                .el("label", [("class", "check")], [.void("input", [("type", "checkbox"), ("name", "needsVisit"), ("value", "on")]), .text(" 复查时需到校核查")]),
                .el("div", [("class", "form-actions")], [.el("button", [("type", "submit"), ("class", "btn primary")], [.text("生成整改通知书")])]),
            ]))
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(NewForm.self)
        guard form.school != nil else { throw Abort(.badRequest, reason: "请选择学校") }
        let school = try await scope.schoolAccess.load(form.school, on: req.db)
        guard scope.noticeAccess.mayIssue(for: school) else {
            throw Abort(.forbidden, reason: "只有责任督学或督导室可以下达整改通知")
        }
        var errors: [FieldError] = []
        let candidates = try await candidateProblems(school, scope: scope, on: req.db)
        let chosen = candidates.filter { (form.problems ?? []).contains($0.id!) }
        if chosen.isEmpty { errors.append(.init("problems", "请至少选择一个问题")) }
        if let e = Validate.required(form.requirements ?? "", field: "整改要求", maxLength: 3000) { errors.append(.init("requirements", e)) }
        let deadline = form.deadline.flatMap(Day.init(parsing:))
        if deadline == nil || deadline! <= req.today { errors.append(.init("deadline", "整改期限应晚于今天")) }
        guard errors.isEmpty, let deadline else { return try await newPage(req, school: school, form: form, errors: errors).encodeResponse(for: req) }
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: req.db)
        var inspectorID = scope.principal.inspectorID
        if inspectorID == nil { inspectorID = try await DirectoryQueries.currentInspectors(of: [school.id!], on: req.db)[school.id!]?.id }
        guard let inspectorID else { throw Abort(.badRequest, reason: "该校没有责任督学，请先安排责任督学") }
        let district = try await OrgUnit.find(school.districtID, on: req.db)
        let year = req.today.year
        let notice = RectificationNotice()
        notice.districtID = school.districtID
        notice.orgPath = school.orgPath
        notice.schoolID = school.id!
        notice.inspectorID = inspectorID
        notice.year = year
        notice.requirements = (form.requirements ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        notice.deadline = deadline.description
        notice.state = .draft
        notice.needsVisit = form.needsVisit == "on"
        let prefix = (district?.name.prefix(1)).map(String.init).map { $0 + settings.noticePrefix } ?? settings.noticePrefix
        let p = scope.principal
        try await req.db.writeTransaction { db in
            // The number is the next in the district's year: the district's row is locked while it is taken,
            // so simultaneous notices get consecutive numbers (PostgreSQL; SQLite holds the write lock).
            _ = try await db.lockedFind(OrgUnit.self, notice.districtID)
            for problem in chosen {
                guard let fresh = try await db.lockedFind(Problem.self, problem.id!), fresh.noticeID == nil else {
                    throw AlreadyHandled()
                }
            }
            let last = try await RectificationNotice.query(on: db).filter(\.$districtID == notice.districtID).filter(\.$year == year)
                .sort(\.$sequence, .descending).first()?.sequence ?? 0
            notice.sequence = last + 1
            notice.number = NoticeNumber.format(prefix: prefix, year: year, sequence: notice.sequence)
            try await notice.save(on: db)
            for problem in chosen {
                try await NoticeProblem(noticeID: notice.id!, problemID: problem.id!).save(on: db)
                problem.noticeID = notice.id
                problem.deadline = notice.deadline
                try await problem.save(on: db)
            }
            try await NoticeWorkflow.event(on: db, notice: notice, action: "create", actor: p, comment: "生成整改通知书（\(chosen.count)个问题）")
            try await Audit.record(on: db, actor: p, action: "create", entity: "notice", id: notice.id!, orgPath: notice.orgPath,
                summary: "生成整改通知书 \(notice.number)")
        }
        req.flash("已生成整改通知书 \(notice.number)，请核对后" + (settings.noticeRequiresApproval ? "提交督导室审批" : "下达"))
        return req.redirect(to: SiteURL.notice(notice.id!).path)
    }

    // MARK: - Show, act, report

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        let data = try await NoticeData.load(notice, on: req.db)
        return NoticePage(ctx: req.pageContext(), data: data, role: scope.principal.role, errors: []).render()
    }

    struct ActForm: Content {
        var action: String?
        var comment: String?
    }

    static func act(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        guard scope.noticeAccess.mayAct else { throw Abort(.forbidden, reason: "领导只能查看整改通知书，不能办理") }
        let form = try req.content.decode(ActForm.self)
        guard let action = form.action.flatMap(NoticeAction.init(rawValue:)), action != .report else {
            throw Abort(.badRequest, reason: "无效的操作")
        }
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if [.returnReport, .reject, .withdraw].contains(action), comment.isEmpty {
            req.flash("请填写\(action.label)的理由")
            return req.redirect(to: SiteURL.notice(notice.id!).path)
        }
        try await NoticeWorkflow.apply(action, to: notice, principal: scope.principal, comment: String(comment.prefix(1000)), now: req.now, on: req.db)
        req.flash("已\(action.label)")
        return req.redirect(to: SiteURL.notice(notice.id!).path)
    }

    struct ReportForm: Content {
        var body: String?
    }

    /// Up to 10 files of 10 MB each (the form says so).
    static let reportLimits = UploadLimits(maxFiles: 10, maxFileBytes: 10 << 20, maxFieldBytes: 128 * 1024)

    static func report(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        // Who may report is decided before a byte of the upload is read.
        let settings = try await DistrictSettings.forDistrict(notice.districtID, on: req.db)
        if case .failure(let e) = RectificationMachine.next(
            from: notice.state, action: .report, role: scope.principal.role,
            policy: NoticePolicy(requiresApproval: settings.noticeRequiresApproval))
        {
            throw Abort(.forbidden, reason: e.message)
        }
        let upload = try await UploadReader.read(req, limits: reportLimits)
        defer { upload.discard() }
        let form = try upload.decode(ReportForm.self)
        var errors: [FieldError] = []
        let body = (form.body ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let e = Validate.required(body, field: "整改情况", maxLength: 10000) { errors.append(.init("body", e)) }
        let evidence = EvidenceUpload.check(upload, field: "files[]")
        errors += evidence.errors
        if !errors.isEmpty {
            let data = try await NoticeData.load(notice, on: req.db)
            var page = NoticePage(ctx: req.pageContext(), data: data, role: scope.principal.role, errors: errors).render()
            page.status = 422
            return try await page.encodeResponse(for: req)
        }
        // Files are stored only once everything has been checked, so a refused report leaves none behind.
        let stored = try evidence.store(in: req.attachments)
        let r = RectificationReport()
        r.noticeID = notice.id!
        r.body = body
        r.files = try JSONColumn.encode(stored)
        r.submittedBy = scope.principal.userID
        r.outcome = "pending"
        r.reviewComment = ""
        try await NoticeWorkflow.apply(.report, to: notice, principal: scope.principal, comment: "提交整改报告", now: req.now, on: req.db) { db in
            try await r.save(on: db)
        }
        req.flash("整改报告已提交，等待责任督学复查")
        return req.redirect(to: SiteURL.notice(notice.id!).path)
    }

    static func file(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let f = try await scope.noticeAccess.file(noticeID: try req.parameters.id(), hash: req.parameters.get("hash"), on: req.db)
        return try req.attachments.response(for: f)
    }

    static func printable(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        let data = try await NoticeData.load(notice, on: req.db)
        return NoticePrintPage(ctx: req.pageContext(), data: data).render()
    }
}
