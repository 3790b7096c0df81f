import DudaoCore
import Fluent
import Vapor

/// 学校: the list, a school's page, the form, and 停办 / 恢复.
enum SchoolsController {
    static func list(req: Request) async throws -> Page {
        let filter = try req.query.decode(SchoolList.Filter.self)
        let scope = try await Scope.of(req)
        let model = try await SchoolList.query(filter, scope: scope, totals: req.listTotals, on: req.db)
        return SchoolListView(ctx: req.pageContext(), model: model).render()
    }

    static func show(req: Request) async throws -> Page {
        let id = try req.parameters.id()
        let scope = try await Scope.of(req)
        let model = try await SchoolDetail.query(id, scope: scope, today: req.today, on: req.db)
        return SchoolDetailView(ctx: req.pageContext(), model: model).render()
    }

    // MARK: - Create and edit

    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await SchoolForm.query(.init(), schoolID: nil, scope: scope, on: req.db)
        return SchoolFormView(ctx: req.pageContext(), model: model).render()
    }

    static func editForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.editable(try req.parameters.id(), on: req.db)
        let model = try await SchoolForm.editing(school, scope: scope, on: req.db)
        return SchoolFormView(ctx: req.pageContext(), model: model).render()
    }

    /// The form again with what was typed and why it was refused (422).
    static func refused(_ req: Request, scope: Scope, values: SchoolForm.Values, schoolID: Int?, errors: [FieldError])
        async throws -> Response
    {
        let model = try await SchoolForm.query(values, schoolID: schoolID, errors: errors, scope: scope, on: req.db)
        return try await SchoolFormView(ctx: req.pageContext(), model: model).render().refused(for: req)
    }

    /// A school the account may change, or 403/404. (Also used by the visit grant.)
    static func editable(_ req: Request, scope: Scope) async throws -> School {
        try await scope.schoolAccess.editable(try req.parameters.id(), on: req.db)
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let values = try req.content.decode(SchoolForm.Values.self)
        let school = School()
        school.status = .open
        return try await save(req, scope: scope, values: values, school: school, isNew: true)
    }

    static func update(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.editable(try req.parameters.id(), on: req.db)
        let values = try req.content.decode(SchoolForm.Values.self)
        return try await save(req, scope: scope, values: values, school: school, isNew: false)
    }

    static func save(_ req: Request, scope: Scope, values: SchoolForm.Values, school: School, isNew: Bool) async throws
        -> Response
    {
        let before = isNew ? [:] : school.snapshot
        var errors: [FieldError] = []
        var record: SchoolRecord?
        switch values.input.validated() {
        case .success(let r): record = r
        case .failure(let e): errors = e
        }
        var township: OrgUnit?
        if let name = values.township, !name.isEmpty {
            township = try await DirectoryQueries.township(named: name, scope: scope, on: req.db)
            if township == nil { errors.append(.init("township", "镇街“\(name)”不在本区范围内")) }
        }
        @RecordID var areaID: Int?
        if let a = values.area, !a.isEmpty {
            guard let id = Int(a), let area = try await ResponsibilityArea.find(id, on: req.db),
                area.orgPath.hasPrefix(scope.principal.orgPath) || scope.principal.orgPath.hasPrefix(area.orgPath)
            else {
                errors.append(.init("area", "所选责任区不存在"))
                return try await refused(
                    req, scope: scope, values: values, schoolID: isNew ? nil : school.id, errors: errors)
            }
            areaID = area.id
        }
        if let r = record, let existing = try await School.query(on: req.db).filter(\.$code == r.code).first(),
            existing.id != school.id
        {
            errors.append(.init("code", "学校标识码 \(r.code) 已被“\(existing.name)”使用"))
        }
        guard errors.isEmpty, let record, let township else {
            return try await refused(
                req, scope: scope, values: values, schoolID: isNew ? nil : school.id, errors: errors)
        }
        school.apply(record, township: township)
        school.areaID = areaID
        let p = scope.principal
        try await req.db.writeTransaction { db in
            try await school.save(on: db)
            try await Audit.record(
                on: db, actor: p, action: isNew ? "create" : "update", entity: "school", id: school.id!,
                orgPath: school.orgPath, summary: (isNew ? "新建学校 " : "修改学校 ") + school.name, before: before,
                after: school.snapshot)
        }
        req.flash(isNew ? "已新建学校“\(school.name)”" : "已保存")
        return req.redirect(to: SiteURL.school(school.id!).path)
    }

    static func deactivate(req: Request) async throws -> Response {
        try await setStatus(req, .closed)
    }

    static func reactivate(req: Request) async throws -> Response {
        try await setStatus(req, .open)
    }

    /// 停办 / 恢复: schools are never deleted. Closing a school ends its 挂牌 assignment.
    static func setStatus(_ req: Request, _ status: SchoolStatus) async throws -> Response {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.editable(try req.parameters.id(), on: req.db)
        let before = school.snapshot
        school.status = status
        let today = req.today.description
        try await req.db.writeTransaction { db in
            try await school.save(on: db)
            if status == .closed {
                for a in try await Assignment.current(on: db).filter(\.$schoolID == school.id!).all() {
                    a.endDate = today
                    try await a.save(on: db)
                }
            }
            try await Audit.record(
                on: db, actor: scope.principal, action: status == .closed ? "deactivate" : "reactivate",
                entity: "school", id: school.id!, orgPath: school.orgPath,
                summary: (status == .closed ? "停办学校 " : "恢复学校 ") + school.name, before: before, after: school.snapshot)
        }
        req.flash(status == .closed ? "已将“\(school.name)”标记为停办" : "已恢复“\(school.name)”为在办")
        return req.redirect(to: SiteURL.school(school.id!).path)
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
