import DudaoCore
import Fluent
import Plot
import Vapor

/// 督学责任区 / 片区: a named group of schools with a lead inspector (at most about 20 schools).
enum AreasController {
    static let suggestedMaxSchools = 20

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let areas = try await scope.areaAccess.readable(ResponsibilityArea.query(on: req.db))
            .sort(\.$active, .descending).sort(\.$name).limit(500).all()
        let ids = areas.compactMap(\.id)
        let counts = ids.isEmpty ? [] : try await School.query(on: req.db).filter(\.$areaID ~~ ids).filter(\.$status == .open).all(\.$areaID)
        let countByArea = counts.compactMap { $0 }.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
        let leads = try await Inspector.query(on: req.db).filter(\.$id ~~ areas.compactMap(\.leadInspectorID)).all()
        let leadByID = Dictionary(uniqueKeysWithValues: leads.map { ($0.id!, $0) })
        let mayEdit = scope.principal.mayEditDirectory
        return Layout.page(
            "责任区", req.pageContext(),
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("督学责任区")]),
                .el("div", [("class", "actions")], [mayEdit ? .button(SiteURL.areaNew.path, "新建责任区") : .empty]),
            ]),
            .dataTable(["责任区", "牵头督学", "学校数", "状态"], areas.map { a in
                let n = countByArea[a.id!] ?? 0
                return [
                    .link(SiteURL.area(a.id!).path, a.name),
                    a.leadInspectorID.flatMap { leadByID[$0] }.map { .text($0.name) } ?? .badge("未指定", "warn"),
                    n > suggestedMaxSchools ? .badge("\(n) 所（超过\(suggestedMaxSchools)所）", "warn") : .text("\(n) 所"),
                    a.active ? .text("启用") : .badge("停用", "muted"),
                ]
            }, empty: "尚未设立责任区")
        )
    }

    static func load(_ req: Request, scope: Scope) async throws -> ResponsibilityArea {
        try await scope.areaAccess.load(try req.parameters.id(), on: req.db)
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let area = try await load(req, scope: scope)
        let schools = try await School.query(on: req.db).filter(\.$areaID == area.id!).filter(\.$status == .open)
            .sort(\.$name).all()
        let responsible = try await DirectoryQueries.currentInspectors(of: schools.compactMap(\.id), on: req.db)
        let lead = try await area.leadInspectorID.asyncMap { try await Inspector.find($0, on: req.db) } ?? nil
        let audit = scope.principal.role.mayReadAudit ? try await Audit.events(entity: "area", id: area.id!, on: req.db) : []
        let mayEdit = scope.canEdit(orgPath: area.orgPath)
        let ctx = req.pageContext()
        return Layout.page(
            area.name, ctx,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text(area.name), area.active ? .empty : .badge("停用", "muted")]),
                .el("div", [("class", "actions")], mayEdit && area.active ? [
                    .button(SiteURL.areaEdit(area.id!).path, "编辑"),
                    .postButton(SiteURL.areaDeactivate(area.id!).path, "停用", csrf: ctx.csrf,
                        confirm: "停用后，该责任区的学校将不再属于任何责任区。确定吗？", style: "danger"),
                ] : []),
            ]),
            .el("section", [("class", "card")], [
                .facts([("牵头督学", lead?.name ?? "未指定"), ("学校数", "\(schools.count) 所"), ("说明", area.note)]),
                .warning(schools.count > suggestedMaxSchools ? "一个责任区一般不超过\(suggestedMaxSchools)所学校。" : nil),
            ]),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("责任区内学校")]),
                .dataTable(["学校", "类型", "责任督学"], schools.map { s in
                    [.link(SiteURL.school(s.id!).path, s.name), .text(s.type.label),
                     responsible[s.id!].map { .text($0.name) } ?? .badge("未挂牌", "warn")]
                }, empty: "该责任区还没有学校"),
            ]),
            .auditTrail(audit, visible: scope.principal.role.mayReadAudit)
        )
    }

    struct Form: Content {
        var name: String?
        var lead: String?
        var note: String?
        var schools: [Int]?
    }

    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        return try await formPage(req, scope: scope, area: nil, form: Form(), errors: [])
    }

    static func editForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let area = try await load(req, scope: scope)
        let members = try await School.query(on: req.db).filter(\.$areaID == area.id!).all(\.$id)
        return try await formPage(req, scope: scope, area: area,
            form: Form(name: area.name, lead: area.leadInspectorID.map(String.init), note: area.note, schools: members.compactMap { $0 }),
            errors: [])
    }

    static func formPage(_ req: Request, scope: Scope, area: ResponsibilityArea?, form: Form, errors: [FieldError]) async throws -> Page {
        let district = try await scope.district(on: req.db)
        let inspectors = try await Inspector.query(on: req.db).filter(\.$districtID == district.id!)
            .filter(\.$status == .active).sort(\.$name).all()
        // Schools of the district that are in no area or in this one.
        var q = School.query(on: req.db).filter(\.$districtID == district.id!).filter(\.$status == .open)
        if let id = area?.id { q = q.group(.or) { $0.filter(\.$areaID == nil).filter(\.$areaID == id) } } else { q = q.filter(\.$areaID == nil) }
        let schools = try await q.sort(\.$townshipID).sort(\.$name).limit(1000).all()
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let selected = Set(form.schools ?? [])
        let ctx = req.pageContext()
        var page = Layout.page(
            area == nil ? "新建责任区" : "编辑责任区", ctx,
            .el("h1", [], [.text(area == nil ? "新建责任区" : "编辑责任区")]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", area.map { SiteURL.area($0.id!).path } ?? SiteURL.areas.path), ("class", "card")], [
                .csrf(ctx.csrf),
                .field("名称", name: "name", value: form.name ?? "", error: err("name"), required: true, hint: "如：第一责任区（城区片）"),
                .selectField("牵头督学", name: "lead", options: inspectors.map { (String($0.id!), "\($0.name)（\($0.kind.label)）") },
                    selected: form.lead ?? "", error: err("lead"), blank: "（暂不指定）"),
                .field("说明", name: "note", value: form.note ?? "", error: err("note")),
                .el("fieldset", [("class", "checklist")], [
                    .el("legend", [], [.text("包含的学校（仅列出未划入其他责任区的学校）")]),
                    .errorText("f-schools", err("schools")),
                    .group(schools.map { s in
                        .el("label", [("class", "check")], [
                            .void("input", [("type", "checkbox"), ("name", "schools[]"), ("value", String(s.id!))]
                                + (selected.contains(s.id!) ? [("checked", "checked")] : [])),
                            .text(" " + s.name),
                        ])
                    }),
                ]),
                .el("div", [("class", "form-actions")], [
                    .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存")]),
                    .link(area.map { SiteURL.area($0.id!).path } ?? SiteURL.areas.path, "取消"),
                ]),
            ]))
        if !errors.isEmpty { page.status = 422 }
        return page
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
        let form = try req.content.decode(Form.self)
        let district = try await scope.district(on: req.db)
        var errors: [FieldError] = []
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if let e = Validate.required(name, field: "责任区名称", maxLength: 40) { errors.append(.init("name", e)) }
        @RecordID var leadID: Int?
        if let l = form.lead, !l.isEmpty {
            if let id = Int(l), let i = try await Inspector.find(id, on: req.db), i.districtID == district.id!, i.status == .active {
                leadID = id
            } else {
                errors.append(.init("lead", "请选择本区在岗的督学"))
            }
        }
        if let e = Validate.optional(form.note ?? "", field: "说明", maxLength: 200) { errors.append(.init("note", e)) }
        let wanted = Set(form.schools ?? [])
        let schools = wanted.isEmpty ? [] : try await School.query(on: req.db).filter(\.$id ~~ wanted).all()
        if schools.count != wanted.count || schools.contains(where: { $0.districtID != district.id! || ($0.areaID != nil && $0.areaID != area.id) }) {
            errors.append(.init("schools", "所选学校中有不属于本区或已划入其他责任区的学校"))
        }
        if !errors.isEmpty {
            return try await formPage(req, scope: scope, area: isNew ? nil : area, form: form, errors: errors).encodeResponse(for: req)
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
            try await Audit.record(on: db, actor: scope.principal, action: isNew ? "create" : "update", entity: "area",
                id: area.id!, orgPath: area.orgPath, summary: (isNew ? "新建责任区 " : "修改责任区 ") + area.name, before: b, after: after)
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
            try await Audit.record(on: db, actor: scope.principal, action: "deactivate", entity: "area", id: area.id!,
                orgPath: area.orgPath, summary: "停用责任区 " + area.name, before: before, after: area.snapshot)
        }
        req.flash("已停用责任区“\(area.name)”")
        return req.redirect(to: SiteURL.areas.path)
    }
}
