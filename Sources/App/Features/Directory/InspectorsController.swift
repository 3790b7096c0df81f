import DudaoCore
import Fluent
import Plot
import Vapor

enum InspectorsController {
    struct ListQuery: Content {
        var q: String?
        var kind: String?
        var status: String?
        @PageNumber var page: Int?
        @Bounded<InputBounds.PerPage> var per: Int?
    }

    static func filtered(_ query: ListQuery, scope: Scope, db: any Database) -> QueryBuilder<Inspector> {
        var q = scope.inspectorAccess.readable(Inspector.query(on: db))
        if let text = query.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            q = q.group(.or) { $0.filter(\.$name ~~ text).filter(\.$phone == text).filter(\.$employer ~~ text) }
        }
        if let k = query.kind.flatMap(InspectorKind.init(rawValue:)) { q = q.filter(\.$kind == k) }
        switch query.status {
        case "retired": q = q.filter(\.$status == .retired)
        case "all": break
        default: q = q.filter(\.$status == .active)
        }
        return q
    }

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let query = try req.query.decode(ListQuery.self)
        let paging = Paging(page: query.page, per: query.per)
        let base = filtered(query, scope: scope, db: req.db)
        let total = try await base.copy().count()
        let inspectors = try await base.sort(\.$name).sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        let counts = try await DirectoryQueries.schoolCounts(of: inspectors.compactMap(\.id), on: req.db)
        let district = try await scope.district(on: req.db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        return InspectorListPage(
            ctx: req.pageContext(), query: query, paging: paging, total: total, inspectors: inspectors, counts: counts,
            limit: settings.maxSchoolsPerInspector
        ).render()
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let inspector = try await scope.inspectorAccess.load(try req.parameters.id(), on: req.db)
        let assignments = try await Assignment.query(on: req.db).filter(\.$inspectorID == inspector.id!)
            .sort(\.$startDate, .descending).all()
        let schools = try await School.query(on: req.db).filter(\.$id ~~ Set(assignments.map(\.schoolID))).all()
        let terms = try await InspectorTerm.query(on: req.db).filter(\.$inspectorID == inspector.id!).sort(\.$startDate).all()
        let settings = try await DistrictSettings.forDistrict(inspector.districtID, on: req.db)
        let audit = scope.principal.role.mayReadAudit
            ? try await Audit.events(entity: "inspector", id: inspector.id!, on: req.db) : []
        let account = try await User.query(on: req.db).filter(\.$inspectorID == inspector.id!).first()
        return InspectorPage(
            ctx: req.pageContext(), inspector: inspector, assignments: assignments,
            schools: Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0) }), terms: terms,
            limit: settings.maxSchoolsPerInspector, mayEdit: scope.canEdit(orgPath: inspector.orgPath), audit: audit,
            account: account?.username
        ).render()
    }

    struct Form: Content {
        var name: String?
        var kind: String?
        var gender: String?
        var phone: String?
        var employer: String?
        var post: String?
        var termStart: String?
        var termEnd: String?
        var duties: String?

        init() {}
        init(_ i: Inspector) {
            name = i.name
            kind = i.kind.rawValue
            gender = i.gender.rawValue
            phone = i.phone
            employer = i.employer
            post = i.post
            termStart = i.termStart
            termEnd = i.termEnd
            duties = i.duties
        }

        var input: InspectorInput {
            var i = InspectorInput()
            i.name = name ?? ""
            i.kind = kind ?? ""
            i.gender = gender ?? ""
            i.phone = phone ?? ""
            i.employer = employer ?? ""
            i.post = post ?? ""
            i.termStart = termStart ?? ""
            i.termEnd = termEnd ?? ""
            i.duties = duties ?? ""
            return i
        }
    }

    static func newForm(req: Request) async throws -> Page {
        InspectorFormPage(ctx: req.pageContext(), form: Form(), inspector: nil, errors: [], warning: nil).render()
    }

    static func editable(_ req: Request, scope: Scope) async throws -> Inspector {
        try await scope.inspectorAccess.editable(try req.parameters.id(), on: req.db)
    }

    static func editForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let i = try await editable(req, scope: scope)
        return InspectorFormPage(ctx: req.pageContext(), form: Form(i), inspector: i, errors: [], warning: nil).render()
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let i = Inspector()
        i.status = .active
        return try await save(req, scope: scope, form: try req.content.decode(Form.self), inspector: i, isNew: true)
    }

    static func update(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let i = try await editable(req, scope: scope)
        return try await save(req, scope: scope, form: try req.content.decode(Form.self), inspector: i, isNew: false)
    }

    static func save(_ req: Request, scope: Scope, form: Form, inspector: Inspector, isNew: Bool) async throws -> Response {
        let record: InspectorRecord
        switch form.input.validated() {
        case .success(let r): record = r
        case .failure(let errors):
            var page = InspectorFormPage(ctx: req.pageContext(), form: form, inspector: isNew ? nil : inspector,
                errors: errors, warning: nil).render()
            page.status = 422
            return try await page.encodeResponse(for: req)
        }
        let district = try await scope.district(on: req.db)
        let before = isNew ? [:] : inspector.snapshot
        let oldTerm = inspector.termStart.map { _ in inspector.term } ?? nil
        let previous = isNew ? [] : try await InspectorTerm.query(on: req.db).filter(\.$inspectorID == inspector.id!).all()
            .compactMap(\.term)
        inspector.apply(record, district: isNew ? district : (try await OrgUnit.find(inspector.districtID, on: req.db) ?? district))
        let newTerm = record.term
        let warning = newTerm.flatMap { t in
            InspectorRules.termWarning(kind: record.kind, previousTerms: previous.filter { $0 != t }, proposed: t)
        }
        try await req.db.writeTransaction { db in
            try await inspector.save(on: db)
            if let newTerm, newTerm != oldTerm || isNew, !previous.contains(newTerm) {
                try await InspectorTerm(inspectorID: inspector.id!, term: newTerm).save(on: db)
            }
            try await Audit.record(
                on: db, actor: scope.principal, action: isNew ? "create" : "update", entity: "inspector",
                id: inspector.id!, orgPath: inspector.orgPath, summary: (isNew ? "新建督学 " : "修改督学 ") + inspector.name,
                before: before, after: inspector.snapshot)
        }
        req.flash((isNew ? "已新建督学“\(inspector.name)”" : "已保存") + (warning.map { "。注意：" + $0 } ?? ""))
        return req.redirect(to: SiteURL.inspector(inspector.id!).path)
    }

    /// 离任: ends the inspector's current assignments; the record stays.
    static func deactivate(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let i = try await editable(req, scope: scope)
        let before = i.snapshot
        i.status = .retired
        let today = req.today.description
        try await req.db.writeTransaction { db in
            try await i.save(on: db)
            for a in try await Assignment.current(on: db).filter(\.$inspectorID == i.id!).all() {
                a.endDate = today
                try await a.save(on: db)
            }
            try await Audit.record(on: db, actor: scope.principal, action: "deactivate", entity: "inspector", id: i.id!,
                orgPath: i.orgPath, summary: "督学 \(i.name) 离任，解除其全部挂牌", before: before, after: i.snapshot)
        }
        req.flash("已将“\(i.name)”设为离任，其负责的学校需重新安排责任督学")
        return req.redirect(to: SiteURL.inspector(i.id!).path)
    }

    static let photoLimits = UploadLimits(maxFiles: 1, maxFileBytes: 3 << 20, maxFieldBytes: 4096)

    static func uploadPhoto(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let i = try await editable(req, scope: scope)
        let upload = try await UploadReader.read(req, limits: photoLimits)
        defer { upload.discard() }
        if let refused = upload.errors.first {
            req.flash(refused.message)
            return req.redirect(to: SiteURL.inspector(i.id!).path)
        }
        guard let file = upload.files(named: "photo").first else {
            req.flash("请选择要上传的照片")
            return req.redirect(to: SiteURL.inspector(i.id!).path)
        }
        guard ImageKind(sniffing: file.head) != nil else {
            req.flash("照片须为 JPG、PNG 或 WebP 图片")
            return req.redirect(to: SiteURL.inspector(i.id!).path)
        }
        let before = i.snapshot
        i.photo = try req.attachments.keep(file)
        try await req.db.writeTransaction { db in
            try await i.save(on: db)
            try await Audit.record(on: db, actor: scope.principal, action: "photo", entity: "inspector", id: i.id!,
                orgPath: i.orgPath, summary: "更换督学 \(i.name) 的照片", before: before, after: i.snapshot)
        }
        req.flash("照片已更新")
        return req.redirect(to: SiteURL.inspector(i.id!).path)
    }
}
