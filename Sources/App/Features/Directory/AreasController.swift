import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// 督学责任区 / 片区: a named group of schools with a lead inspector (at most about 20 schools).
enum AreasController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await AreaList.query(scope: scope, on: req.db)
        return AreaListView(ctx: req.pageContext(), model: model).render()
    }

    static func export(req: Request) async throws -> Response {
        let model = try await AreaList.query(scope: try await Scope.of(req), on: req.db)
        let rows = model.rows.map { a in [a.name, a.lead ?? "", String(a.schools), a.active ? "启用" : "停用"] }
        return try Download.table(
            SpreadsheetTable(rows: [["责任区", "牵头督学", "学校数", "状态"]] + rows), name: "督学责任区",
            format: ExportFormat(request: req))
    }

    static func show(req: Request) async throws -> Page {
        let id = try req.parameters.id()
        let scope = try await Scope.of(req)
        let model = try await AreaDetail.query(id, scope: scope, on: req.db)
        return AreaDetailView(ctx: req.pageContext(), model: model).render()
    }

    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await AreaForm.query(.init(), areaID: nil, scope: scope, on: req.db)
        return AreaFormView(ctx: req.pageContext(), model: model).render()
    }

    static func editForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let area = try await scope.areaAccess.load(try req.parameters.id(), on: req.db)
        let model = try await AreaForm.editing(area, scope: scope, on: req.db)
        return AreaFormView(ctx: req.pageContext(), model: model).render()
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let area = ResponsibilityArea()
        area.active = true
        return try await save(req, scope: scope, area: area, isNew: true)
    }

    static func update(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let area = try await scope.areaAccess.editable(try req.parameters.id(), on: req.db)
        return try await save(req, scope: scope, area: area, isNew: false)
    }

    static func save(_ req: Request, scope: Scope, area: ResponsibilityArea, isNew: Bool) async throws -> Response {
        let form = try req.content.decode(AreaForm.Values.self)
        let district = try await scope.district(on: req.db)
        var errors: [FieldError] = []
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if let e = Validate.required(name, field: "责任区名称", maxLength: 40) { errors.append(.init("name", e)) }
        @RecordID var leadID: Int?
        if let l = form.lead, !l.isEmpty {
            if let id = Int(l), let i = try await Inspector.find(id, on: req.db), i.districtID == district.id!,
                i.status == .active
            {
                leadID = id
            } else {
                errors.append(.init("lead", "请选择本区在岗的督学"))
            }
        }
        if let e = Validate.optional(form.note ?? "", field: "说明", maxLength: 200) { errors.append(.init("note", e)) }
        let wanted = Set(form.schools ?? [])
        let schools = wanted.isEmpty ? [] : try await School.query(on: req.db).filter(\.$id ~~ wanted).all()
        if schools.count != wanted.count
            || schools.contains(where: { $0.districtID != district.id! || ($0.areaID != nil && $0.areaID != area.id) })
        {
            errors.append(.init("schools", "所选学校中有不属于本区或已划入其他责任区的学校"))
        }
        if !errors.isEmpty {
            let model = try await AreaForm.query(
                form, areaID: isNew ? nil : area.id, errors: errors, scope: scope, on: req.db)
            return try await AreaFormView(ctx: req.pageContext(), model: model).render().refused(for: req)
        }
        let before = isNew ? [:] : area.snapshot
        area.name = name
        area.districtID = district.id!
        area.orgPath = district.path
        area.leadInspectorID = leadID
        area.note = (form.note ?? "").trimmingCharacters(in: .whitespaces)
        try await req.db.writeTransaction { db in
            try await area.save(on: db)
            let previous = try await School.query(on: db).filter(\.$areaID == area.id!).all()
            for s in previous where !wanted.contains(s.id!) {
                s.areaID = nil
                try await s.save(on: db)
            }
            for s in schools where s.areaID != area.id {
                s.areaID = area.id
                try await s.save(on: db)
            }
            var after = area.snapshot
            after["学校"] = schools.map(\.name).sorted().joined(separator: "、")
            var b = before
            if !isNew { b["学校"] = previous.map(\.name).sorted().joined(separator: "、") }
            try await Audit.record(
                on: db, actor: scope.principal, action: isNew ? "create" : "update", entity: "area",
                id: area.id!, orgPath: area.orgPath, summary: (isNew ? "新建责任区 " : "修改责任区 ") + area.name, before: b,
                after: after)
        }
        req.flash("已保存责任区“\(area.name)”")
        return req.redirect(to: SiteURL.area(area.id!).path)
    }

    static func deactivate(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let area = try await scope.areaAccess.editable(try req.parameters.id(), on: req.db)
        let before = area.snapshot
        area.active = false
        try await req.db.writeTransaction { db in
            try await area.save(on: db)
            try await School.query(on: db).filter(\.$areaID == area.id!).set(\.$areaID, to: nil).update()
            try await Audit.record(
                on: db, actor: scope.principal, action: "deactivate", entity: "area", id: area.id!,
                orgPath: area.orgPath, summary: "停用责任区 " + area.name, before: before, after: area.snapshot)
        }
        req.flash("已停用责任区“\(area.name)”")
        return req.redirect(to: SiteURL.areas.path)
    }
}
