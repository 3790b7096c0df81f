import DudaoCore
import Fluent
import Plot
import SQLKit
import Vapor

/// 整改闭环: notice from problems → (approval) → issued → school acknowledges and reports with evidence →
/// inspector re-checks: closes (销号) or returns. Every step is a `RectificationMachine` transition, checked on the server.
enum NoticesController {
    // MARK: - Scope

    static func scoped(_ q: QueryBuilder<RectificationNotice>, scope: Scope) -> QueryBuilder<RectificationNotice> {
        switch scope.principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, scope.principal.orgPath)
        case .inspector:
            let me = scope.principal.inspectorID ?? -1
            let schools = scope.assignedSchoolIDs
            return q.group(.or) { or in
                or.filter(\.$inspectorID == me)
                if !schools.isEmpty { or.filter(\.$schoolID ~~ schools) }
            }
        case .school:
            // A school sees its notices once they have been issued.
            return q.filter(\.$schoolID == (scope.principal.schoolID ?? -1))
                .filter(\.$state ~~ [.issued, .acknowledged, .reported, .returned, .closed])
        }
    }

    static func load(_ req: Request, scope: Scope) async throws -> RectificationNotice {
        guard let id = req.parameters.get("id", as: Int.self),
            let n = try await scoped(RectificationNotice.query(on: req.db), scope: scope).filter(\.$id == id).first()
        else { throw Abort(.notFound, reason: "未找到该整改通知书，或您无权查看") }
        return n
    }

    // MARK: - List

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let paging = Paging(page: req.query[Int.self, at: "page"], per: 50)
        var q = scoped(RectificationNotice.query(on: req.db), scope: scope)
        let stateFilter = req.query[String.self, at: "state"] ?? "open"
        switch stateFilter {
        case "open": q = q.filter(\.$state !~ [.closed, .withdrawn])
        case "overdue":
            q = q.filter(\.$state ~~ [.issued, .acknowledged, .returned]).filter(\.$deadline < Day.today().description)
        case "all": break
        default: if let s = NoticeState(rawValue: stateFilter) { q = q.filter(\.$state == s) }
        }
        let total = try await q.copy().count()
        let notices = try await q.sort(\.$deadline).sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        let schools = try await School.query(on: req.db).filter(\.$id ~~ Set(notices.map(\.schoolID))).all()
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.name) })
        let today = Day.today()
        return Layout.page(
            "整改通知书", PageContext(req), wide: true,
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
        var school: Int?
        var problems: [Int]?
        var requirements: String?
        var deadline: String?
        var needsVisit: String?
    }

    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let school = try await scope.school(req.query[Int.self, at: "school"], on: req.db)
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: req.db)
        var form = NewForm()
        form.school = school.id
        form.deadline = Day.today().adding(days: settings.noticeDays).description
        form.problems = req.query[Int.self, at: "problem"].map { [$0] }
        return try await newPage(req, school: school, form: form, errors: [])
    }

    static func candidateProblems(_ school: School, on db: any Database) async throws -> [Problem] {
        try await Problem.query(on: db).filter(\.$schoolID == school.id!).filter(\.$state == .open)
            .filter(\.$noticeID == nil).filter(\.$disposition == .rectify).sort(\.$id).all()
    }

    static func newPage(_ req: Request, school: School, form: NewForm, errors: [FieldError]) async throws -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let problems = try await candidateProblems(school, on: req.db)
        let selected = Set(form.problems ?? [])
        let ctx = PageContext(req)
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
        if !errors.isEmpty { page.status = .unprocessableEntity }
        return page
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(NewForm.self)
        let school = try await scope.school(form.school, on: req.db)
        guard scope.principal.role == .inspector || scope.canEdit(orgPath: school.orgPath) else {
            throw Abort(.forbidden, reason: "只有责任督学或督导室可以下达整改通知")
        }
        var errors: [FieldError] = []
        let candidates = try await candidateProblems(school, on: req.db)
        let chosen = candidates.filter { (form.problems ?? []).contains($0.id!) }
        if chosen.isEmpty { errors.append(.init("problems", "请至少选择一个问题")) }
        if let e = Validate.required(form.requirements ?? "", field: "整改要求", maxLength: 3000) { errors.append(.init("requirements", e)) }
        let deadline = form.deadline.flatMap(Day.init(parsing:))
        if deadline == nil || deadline! <= Day.today() { errors.append(.init("deadline", "整改期限应晚于今天")) }
        guard errors.isEmpty, let deadline else { return try await newPage(req, school: school, form: form, errors: errors).encodeResponse(for: req) }
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: req.db)
        var inspectorID = scope.principal.inspectorID
        if inspectorID == nil { inspectorID = try await DirectoryQueries.currentInspectors(of: [school.id!], on: req.db)[school.id!]?.id }
        guard let inspectorID else { throw Abort(.badRequest, reason: "该校没有责任督学，请先安排责任督学") }
        let district = try await OrgUnit.find(school.districtID, on: req.db)
        let year = Day.today().year
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
        try await req.db.transaction { db in
            // The number is the next in the district's year; the unique index refuses a duplicate from a concurrent request.
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
        return NoticePage(ctx: PageContext(req), data: data, role: scope.principal.role, errors: []).render()
    }

    struct ActForm: Content {
        var action: String?
        var comment: String?
    }

    static func act(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        let form = try req.content.decode(ActForm.self)
        guard let action = form.action.flatMap(NoticeAction.init(rawValue:)), action != .report else {
            throw Abort(.badRequest, reason: "无效的操作")
        }
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if [.returnReport, .reject, .withdraw].contains(action), comment.isEmpty {
            req.flash("请填写\(action.label)的理由")
            return req.redirect(to: SiteURL.notice(notice.id!).path)
        }
        try await NoticeWorkflow.apply(action, to: notice, principal: scope.principal, comment: String(comment.prefix(1000)), on: req.db)
        req.flash("已\(action.label)")
        return req.redirect(to: SiteURL.notice(notice.id!).path)
    }

    struct ReportForm: Content {
        var body: String?
        var files: [File]?
    }

    static let maxFileBytes = 10 * 1024 * 1024

    static func report(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        let form = try req.content.decode(ReportForm.self)
        var errors: [FieldError] = []
        let body = (form.body ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let e = Validate.required(body, field: "整改情况", maxLength: 10000) { errors.append(.init("body", e)) }
        let evidence = EvidenceUpload.check(form.files ?? [], maxCount: 10, maxBytes: maxFileBytes)
        errors += evidence.errors
        if !errors.isEmpty {
            let data = try await NoticeData.load(notice, on: req.db)
            var page = NoticePage(ctx: PageContext(req), data: data, role: scope.principal.role, errors: errors).render()
            page.status = .unprocessableEntity
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
        try await NoticeWorkflow.apply(.report, to: notice, principal: scope.principal, comment: "提交整改报告", on: req.db) { db in
            try await r.save(on: db)
        }
        req.flash("整改报告已提交，等待责任督学复查")
        return req.redirect(to: SiteURL.notice(notice.id!).path)
    }

    static func file(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        guard let hash = req.parameters.get("hash") else { throw Abort(.notFound) }
        let reports = try await RectificationReport.query(on: req.db).filter(\.$noticeID == notice.id!).all()
        guard let f = reports.flatMap(\.storedFiles).first(where: { $0.hash == hash }), let data = try req.attachments.get(hash) else {
            throw Abort(.notFound, reason: "文件不存在")
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: f.type)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        let encoded = f.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename*=UTF-8''\(encoded)")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    static func printable(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let notice = try await load(req, scope: scope)
        let data = try await NoticeData.load(notice, on: req.db)
        return NoticePrintPage(ctx: PageContext(req), data: data).render()
    }
}

/// Uploaded evidence (images and PDFs), checked by content; stored only when the caller says so.
struct EvidenceUpload {
    var accepted: [(data: Data, name: String, type: String)] = []
    var errors: [FieldError] = []

    static func check(_ files: [File], maxCount: Int, maxBytes: Int) -> EvidenceUpload {
        var out = EvidenceUpload()
        let files = files.filter { $0.data.readableBytes > 0 }
        if files.count > maxCount { out.errors.append(.init("files", "最多上传\(maxCount)个文件")) }
        for f in files.prefix(maxCount) {
            let data = Data(buffer: f.data)
            guard let type = EvidenceKind.sniff(data) else {
                out.errors.append(.init("files", "“\(f.filename)”不是图片或 PDF 文件（仅支持 JPG、PNG、WebP 和 PDF）"))
                continue
            }
            guard data.count <= maxBytes else {
                out.errors.append(.init("files", "“\(f.filename)”超过\(maxBytes / 1024 / 1024)MB"))
                continue
            }
            out.accepted.append((data, String(f.filename.prefix(100)), type))
        }
        return out
    }

    func store(in store: any AttachmentStore) throws -> [StoredFile] {
        try accepted.map { StoredFile(hash: try store.put($0.data), name: $0.name, type: $0.type, size: $0.data.count) }
    }
}

/// Recognises evidence files by their first bytes.
enum EvidenceKind {
    static func sniff(_ d: Data) -> String? {
        if let image = ImageKind(sniffing: d) { return image.rawValue }
        if d.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        return nil
    }
}
