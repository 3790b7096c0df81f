import DudaoCore
import Fluent
import Plot
import Vapor

/// 工作总结 and 督导案例: written by inspectors, read by the office, which selects cases for the competition.
enum ReportsController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let p = scope.principal
        var q = scope.reportAccess.readable(WorkReport.query(on: req.db))
        if let k = req.query[String.self, at: "kind"].flatMap(ReportKind.init(rawValue:)) { q = q.filter(\.$kind == k) }
        let reports = try await q.sort(\.$semester, .descending).sort(\.$id, .descending).limit(200).all()
        let names = try await Inspector.query(on: req.db).filter(\.$id ~~ Set(reports.map(\.inspectorID))).all()
        let nameOf = Dictionary(uniqueKeysWithValues: names.map { ($0.id!, $0.name) })
        let ctx = req.pageContext()
        return Layout.page(
            "总结与案例", ctx, wide: true,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("工作总结与督导案例")]),
                .el("div", [("class", "actions")], p.role == .inspector ? [
                    .button(SiteURL.reportNew.with([("kind", "summary")]), "写工作总结"),
                    .button(SiteURL.reportNew.with([("kind", "caseStudy")]), "写督导案例", style: "secondary"),
                ] : []),
            ]),
            .dataTable(["学期", "类型", "题目", "督学", "案例评选"], reports.map { r in
                [.text(Semester(code: r.semester)?.label ?? r.semester), .text(r.kind.chineseName),
                 .link(SiteURL.report(r.id!).path, r.title), .text(nameOf[r.inspectorID] ?? ""),
                 r.kind == .caseStudy ? (r.selected ? .badge("已推荐参评", "ok") : .text("—")) : .text("")]
            }, empty: "暂无总结或案例")
        )
    }

    struct Form: Content {
        var kind: String?
        var title: String?
        var body: String?
    }

    static func newForm(req: Request) async throws -> Page {
        page(req, form: Form(kind: req.query[String.self, at: "kind"] ?? "summary", title: "", body: ""), errors: [])
    }

    static func page(_ req: Request, form: Form, errors: [FieldError]) -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let kind = form.kind.flatMap(ReportKind.init(rawValue:)) ?? .summary
        let ctx = req.pageContext()
        var page = Layout.page(
            kind.chineseName, ctx,
            .el("h1", [], [.text("\(Semester.containing(req.today).label)\(kind.chineseName)")]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.reports.path), ("class", "card")], [
                .csrf(ctx.csrf), .hidden("kind", kind.rawValue),
                .field("题目", name: "title", value: form.title ?? "", error: err("title"), required: true),
                .textareaField("正文", name: "body", value: form.body ?? "", error: err("body"), rows: 14),
                .el("button", [("type", "submit"), ("class", "btn primary")], [.text("提交督导室")]),
            ]))
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
        guard errors.isEmpty, let kind else { return try await page(req, form: f, errors: errors).encodeResponse(for: req) }
        let r = WorkReport()
        r.inspectorID = me
        r.orgPath = inspector.orgPath
        r.semester = Semester.containing(req.today).code
        r.kind = kind
        r.title = (f.title ?? "").trimmingCharacters(in: .whitespaces)
        r.body = f.body ?? ""
        r.selected = false
        try await req.db.writeTransaction { db in
            try await r.save(on: db)
            try await Audit.record(on: db, actor: scope.principal, action: "create", entity: "report", id: r.id!, orgPath: r.orgPath,
                summary: "提交\(kind.chineseName)《\(r.title)》")
        }
        req.flash("已提交")
        return req.redirect(to: SiteURL.report(r.id!).path)
    }

    static func load(_ req: Request, scope: Scope) async throws -> WorkReport {
        try await scope.reportAccess.load(try req.parameters.id(), on: req.db)
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let r = try await load(req, scope: scope)
        let inspector = try await Inspector.find(r.inspectorID, on: req.db)
        let ctx = req.pageContext()
        return Layout.page(
            r.title, ctx,
            .el("h1", [], [.text(r.title), r.selected ? .badge("已推荐参评", "ok") : .empty]),
            .el("p", [("class", "muted")], [.text("\(r.kind.chineseName) · \(inspector?.name ?? "") · \(Semester(code: r.semester)?.label ?? "") · \(Format.date(r.createdAt))")]),
            .el("article", [("class", "card prewrap")], [.text(r.body)]),
            scope.reportAccess.canSelect(r) && r.kind == .caseStudy
                ? .postButton(SiteURL.reportSelect(r.id!).path, r.selected ? "取消推荐" : "推荐参加全区案例评选", csrf: ctx.csrf, style: "primary")
                : .empty
        )
    }

    static func toggleSelected(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let r = try await load(req, scope: scope)
        guard scope.reportAccess.canSelect(r) else { throw Abort(.forbidden, reason: "只有督导室可以推荐案例") }
        guard r.kind == .caseStudy else { throw Abort(.badRequest, reason: "只有督导案例可以参加评选") }
        r.selected.toggle()
        try await req.db.writeTransaction { db in
            try await r.save(on: db)
            try await Audit.record(on: db, actor: scope.principal, action: "update", entity: "report", id: r.id!, orgPath: r.orgPath,
                summary: (r.selected ? "推荐案例参评：" : "取消推荐：") + r.title)
        }
        req.flash(r.selected ? "已推荐参加全区案例评选" : "已取消推荐")
        return req.redirect(to: SiteURL.report(r.id!).path)
    }
}

extension ReportKind {
    var chineseName: String { self == .summary ? "工作总结" : "督导案例" }
}
