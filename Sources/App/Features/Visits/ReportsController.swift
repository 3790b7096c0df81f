import DudaoCore
import Fluent
import Vapor

/// 工作总结 and 督导案例: written by inspectors, read by the office, which selects cases for the competition.
enum ReportsController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let kind = req.query[String.self, at: "kind"].flatMap(ReportKind.init(rawValue:))
        let model = try await ReportList.query(kind: kind, scope: scope, on: req.db)
        return ReportListView(ctx: req.pageContext(), model: model).render()
    }

    struct Form: Content {
        var kind: String?
        var title: String?
        var body: String?
    }

    static func newForm(req: Request) async throws -> Page {
        try await page(
            req, form: Form(kind: req.query[String.self, at: "kind"] ?? "summary", title: "", body: ""), errors: [])
    }

    /// The form page for this semester (status 422 when it shows errors).
    static func page(_ req: Request, form: Form, errors: [FieldError]) async throws -> Page {
        let model = ReportEditor(
            semester: try await ComplianceService.currentTerms(req).semester(containing: req.today),
            kind: form.kind.flatMap(ReportKind.init(rawValue:)) ?? .summary,
            title: form.title ?? "", body: form.body ?? "", errors: errors)
        var page = ReportEditorView(ctx: req.pageContext(), model: model).render()
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        guard let me = scope.principal.inspectorID, let inspector = try await Inspector.find(me, on: req.db) else {
            throw Abort(.forbidden, reason: "该账号未关联督学")
        }
        let f = try req.content.decode(Form.self)
        var errors: [FieldError] = []
        let kind = f.kind.flatMap(ReportKind.init(rawValue:))
        if kind == nil { errors.append(.init("kind", "类型无效")) }
        if let e = Validate.required(f.title ?? "", field: "题目", maxLength: 80) { errors.append(.init("title", e)) }
        if let e = Validate.required(f.body ?? "", field: "正文", maxLength: 20000) { errors.append(.init("body", e)) }
        guard errors.isEmpty, let kind else {
            return try await page(req, form: f, errors: errors).encodeResponse(for: req)
        }
        let r = WorkReport()
        r.inspectorID = me
        r.orgPath = inspector.orgPath
        // The district's term dates decide: a summary written in the winter break counts for the term just ended.
        r.semester = try await ComplianceService.currentTerms(req).semester(containing: req.today).code
        r.kind = kind
        r.title = (f.title ?? "").trimmingCharacters(in: .whitespaces)
        r.body = f.body ?? ""
        r.selected = false
        try await req.db.writeTransaction { db in
            try await r.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "create", entity: "report", id: r.id!, orgPath: r.orgPath,
                summary: "提交\(kind.chineseName)《\(r.title)》")
        }
        req.flash("已提交")
        return req.redirect(to: SiteURL.report(r.id!).path)
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let report = try await scope.reportAccess.load(try req.parameters.id(), on: req.db)
        let model = try await ReportDetail.query(report, scope: scope, on: req.db)
        return ReportDetailView(ctx: req.pageContext(), model: model).render()
    }

    static func toggleSelected(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let r = try await scope.reportAccess.load(try req.parameters.id(), on: req.db)
        guard scope.reportAccess.canSelect(r) else { throw Abort(.forbidden, reason: "只有督导室可以推荐案例") }
        guard r.kind == .caseStudy else { throw Abort(.badRequest, reason: "只有督导案例可以参加评选") }
        r.selected.toggle()
        try await req.db.writeTransaction { db in
            try await r.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "update", entity: "report", id: r.id!, orgPath: r.orgPath,
                summary: (r.selected ? "推荐案例参评：" : "取消推荐：") + r.title)
        }
        req.flash(r.selected ? "已推荐参加全区案例评选" : "已取消推荐")
        return req.redirect(to: SiteURL.report(r.id!).path)
    }
}
