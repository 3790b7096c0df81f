import DudaoCore
import Fluent
import Vapor

/// 督学: the list, an inspector's page, the form, 离任 and the photo.
enum InspectorsController {
    static func list(req: Request) async throws -> Page {
        let filter = try req.query.decode(InspectorList.Filter.self)
        let scope = try await Scope.of(req)
        let model = try await InspectorList.query(filter, scope: scope, totals: req.listTotals, on: req.db)
        return InspectorListView(ctx: req.pageContext(), model: model).render()
    }

    static func show(req: Request) async throws -> Page {
        let id = try req.parameters.id()
        let scope = try await Scope.of(req)
        let model = try await InspectorDetail.query(id, scope: scope, on: req.db)
        return InspectorDetailView(ctx: req.pageContext(), model: model).render()
    }

    static func newForm(req: Request) async throws -> Page {
        InspectorFormView(ctx: req.pageContext(), model: InspectorForm(values: .init(), inspectorID: nil, errors: []))
            .render()
    }

    static func editable(_ req: Request, scope: Scope) async throws -> Inspector {
        try await scope.inspectorAccess.editable(try req.parameters.id(), on: req.db)
    }

    static func editForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let inspector = try await editable(req, scope: scope)
        return InspectorFormView(ctx: req.pageContext(), model: .editing(inspector)).render()
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let i = Inspector()
        i.status = .active
        return try await save(
            req, scope: scope, values: try req.content.decode(InspectorForm.Values.self), inspector: i, isNew: true)
    }

    static func update(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let i = try await editable(req, scope: scope)
        return try await save(
            req, scope: scope, values: try req.content.decode(InspectorForm.Values.self), inspector: i, isNew: false)
    }

    static func save(_ req: Request, scope: Scope, values: InspectorForm.Values, inspector: Inspector, isNew: Bool)
        async throws
        -> Response
    {
        let record: InspectorRecord
        switch values.input.validated() {
        case .success(let r): record = r
        case .failure(let errors):
            let model = InspectorForm(values: values, inspectorID: isNew ? nil : inspector.id, errors: errors)
            return try await InspectorFormView(ctx: req.pageContext(), model: model).render().refused(for: req)
        }
        let district = try await scope.district(on: req.db)
        let before = isNew ? [:] : inspector.snapshot
        let oldTerm = inspector.termStart.map { _ in inspector.term } ?? nil
        let previous =
            isNew
            ? []
            : try await InspectorTerm.query(on: req.db).filter(\.$inspectorID == inspector.id!).all()
                .compactMap(\.term)
        inspector.apply(
            record, district: isNew ? district : (try await OrgUnit.find(inspector.districtID, on: req.db) ?? district))
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
            try await Audit.record(
                on: db, actor: scope.principal, action: "deactivate", entity: "inspector", id: i.id!,
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
        i.photo = try await req.attachments.keep(file)
        try await req.db.writeTransaction { db in
            try await i.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "photo", entity: "inspector", id: i.id!,
                orgPath: i.orgPath, summary: "更换督学 \(i.name) 的照片", before: before, after: i.snapshot)
        }
        req.flash("照片已更新")
        return req.redirect(to: SiteURL.inspector(i.id!).path)
    }
}
