import DudaoCore
import Fluent
import Vapor

/// 整改闭环: notice from problems → (approval) → issued → school acknowledges and reports with evidence →
/// inspector re-checks: closes (销号) or returns. Every step is a `RectificationMachine` transition, checked on the server.
enum NoticesController {
    static func load(_ req: Request, scope: Scope) async throws -> RectificationNotice {
        try await scope.noticeAccess.load(try req.parameters.id(), on: req.db)
    }

    // MARK: - List

    static func list(req: Request) async throws -> Page {
        let filter = NoticeList.Filter(state: req.query[String.self, at: "state"] ?? "open", page: try req.query.page())
        let scope = try await Scope.of(req)
        let model = try await NoticeList.query(
            filter, scope: scope, today: req.today, totals: req.listTotals, on: req.db)
        return NoticeListView(ctx: req.pageContext(), model: model).render()
    }

    /// Every notice of the tab, streamed.
    static func export(req: Request) async throws -> Response {
        let filter = NoticeList.Filter(state: req.query[String.self, at: "state"] ?? "open")
        let scope = try await Scope.of(req)
        let (db, today) = (req.db, req.today)
        let headers = ["文号", "学校", "状态", "整改期限", "督办"]
        return Download.stream(name: "整改通知书", format: ExportFormat(request: req), headers: headers) { after in
            var query = NoticeList.filtered(filter, scope: scope, today: today, on: db)
            if let after { query = query.filter(\.$id > after) }
            let notices = try await query.sort(\.$id).limit(Download.pageSize)
                .rows(NoticeList.Listed.self, columns: NoticeList.Listed.columns)
            let names = try await DirectoryQueries.schoolNames(of: notices.map(\.schoolId), on: db)
            let rows = notices.map { NoticeList.row($0, school: names[$0.schoolId] ?? "") }.map { r in
                [r.number, r.school, r.state.label, r.deadline?.description ?? "", r.escalation?.label ?? ""]
            }
            return ExportPage(rows: rows, lastKey: notices.last?.id, limit: Download.pageSize)
        }
    }

    // MARK: - Create

    struct NewForm: Content {
        @RecordID var school: Int?
        var problems: [Int]?
        var requirements: String?
        var deadline: String?
        var needsVisit: String?

        var values: NewNotice.Form {
            NewNotice.Form(
                problems: problems ?? [], requirements: requirements ?? "", deadline: deadline ?? "",
                needsVisit: needsVisit == "on")
        }
    }

    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.load(try req.query.bounded("school", InputBounds.ID.self), on: req.db)
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: req.db)
        let form = NewNotice.Form(
            problems: try req.query.bounded("problem", InputBounds.ID.self).map { [$0] } ?? [],
            deadline: req.today.adding(days: settings.noticeDays).description)
        let model = try await NewNotice.query(school: school, form: form, errors: [], scope: scope, on: req.db)
        return NewNoticeView(ctx: req.pageContext(), model: model).render()
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(NewForm.self)
        guard form.school != nil else { throw Abort(.badRequest, reason: "请选择学校") }
        let school = try await scope.schoolAccess.load(form.school, on: req.db)
        guard scope.noticeAccess.mayIssue(for: school) else {
            throw Abort(.forbidden, reason: "只有责任督学或督导室可以下达整改通知")
        }
        let candidates = try await NewNotice.candidates(of: school, scope: scope, on: req.db)
        switch NewNotice.check(form.values, candidates: candidates, today: req.today) {
        case .failure(let errors):
            let model = try await NewNotice.query(
                school: school, form: form.values, errors: errors, scope: scope, on: req.db)
            return try await NewNoticeView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .success(let checked):
            let (notice, approval) = try await NoticeWorkflow.create(
                for: school, problems: checked.problems, requirements: checked.requirements, deadline: checked.deadline,
                needsVisit: form.needsVisit == "on", principal: scope.principal, today: req.today, on: req.db)
            req.flash("已生成整改通知书 \(notice.number)，请核对后" + (approval ? "提交督导室审批" : "下达"))
            return req.redirect(to: SiteURL.notice(notice.id!).path)
        }
    }

    // MARK: - Show, act, report

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        let model = try await NoticeDetail.query(notice, role: scope.principal.role, on: req.db)
        return NoticeDetailView(ctx: req.pageContext(), model: model).render()
    }

    struct ActForm: Content {
        var action: String?
        var comment: String?
    }

    /// The longest comment a step of a notice keeps.
    static let commentLimit = 1000

    static func act(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        guard scope.noticeAccess.mayAct else { throw Abort(.forbidden, reason: "领导只能查看整改通知书，不能办理") }
        let form = try req.content.decode(ActForm.self)
        guard let action = form.action.flatMap(NoticeAction.init(rawValue:)), action != .report else {
            throw Abort(.badRequest, reason: "无效的操作")
        }
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let needsReason = [.returnReport, .reject, .withdraw].contains(action)
        let problem =
            needsReason
            ? Validate.required(comment, field: "\(action.label)的理由", maxLength: commentLimit)
            : Validate.optional(comment, field: "意见", maxLength: commentLimit)
        if let problem {
            // The page again, with the comment as typed and why it was refused (nothing lost, nothing cut).
            let model = try await NoticeDetail.query(
                notice, role: scope.principal.role, errors: [.init("comment", problem)],
                typedComment: form.comment ?? "", on: req.db)
            return try await NoticeDetailView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        try await NoticeWorkflow.apply(
            action, to: notice, principal: scope.principal, comment: comment, now: req.now, on: req.db)
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
            let model = try await NoticeDetail.query(
                notice, role: scope.principal.role, errors: errors, typedReport: form.body ?? "", on: req.db)
            return try await NoticeDetailView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        // Files are stored only once everything has been checked, so a refused report leaves none behind.
        let stored = try await evidence.store(in: req.attachments)
        let r = RectificationReport()
        r.noticeID = notice.id!
        r.body = body
        r.files = try JSONColumn.encode(stored)
        r.submittedBy = scope.principal.userID
        r.outcome = "pending"
        r.reviewComment = ""
        try await NoticeWorkflow.apply(
            .report, to: notice, principal: scope.principal, comment: "提交整改报告", now: req.now, on: req.db
        ) { db in
            try await r.save(on: db)
        }
        req.flash("整改报告已提交，等待责任督学复查")
        return req.redirect(to: SiteURL.notice(notice.id!).path)
    }

    static func file(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let f = try await scope.noticeAccess.file(
            noticeID: try req.parameters.id(), hash: req.parameters.get("hash"), on: req.db)
        return try await req.attachments.response(for: f)
    }

    static func printable(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        let model = try await NoticeDetail.query(notice, role: scope.principal.role, on: req.db)
        return NoticePrintView(ctx: req.pageContext(), model: model).render()
    }
}
