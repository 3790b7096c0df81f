import DudaoCore
import Fluent
import Plot
import Vapor

enum SchoolsController {
    struct ListQuery: Content {
        var q: String?
        @RecordID var township: Int?
        var type: String?
        @RecordID var area: Int?
        var status: String?
        @PageNumber var page: Int?
        @Bounded<InputBounds.PerPage> var per: Int?
    }

    /// The filtered, scoped query behind the list, the export and the API.
    static func filtered(_ query: ListQuery, scope: Scope, db: any Database) -> QueryBuilder<School> {
        var q = scope.schoolAccess.readable(School.query(on: db))
        if let text = query.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            q = q.group(.or) { $0.filter(\.$name ~~ text).filter(\.$code == text) }
        }
        if let t = query.township { q = q.filter(\.$townshipID == t) }
        if let t = query.type.flatMap(SchoolType.init(rawValue:)) { q = q.filter(\.$type == t) }
        if let a = query.area { q = q.filter(\.$areaID == a) }
        switch query.status {
        case "closed": q = q.filter(\.$status == .closed)
        case "all": break
        default: q = q.filter(\.$status == .open)
        }
        return q
    }

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let query = try req.query.decode(ListQuery.self)
        let paging = Paging(page: query.page, per: query.per)
        let base = filtered(query, scope: scope, db: req.db)
        let total = try await base.copy().count()
        let schools = try await base.sort(\.$name).sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        let responsible = try await DirectoryQueries.currentInspectors(of: schools.compactMap(\.id), on: req.db)
        let townships = try await DirectoryQueries.townshipNames(scope: scope, on: req.db)
        let areas = scope.principal.role == .inspector || scope.principal.role == .school
            ? [] : try await DirectoryQueries.areas(scope: scope, on: req.db)
        return SchoolListPage(
            ctx: req.pageContext(), query: query, paging: paging, total: total, schools: schools,
            responsible: responsible, townships: townships, areas: areas
        ).render()
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.load(try req.parameters.id(), on: req.db)
        let history = try await Assignment.query(on: req.db).filter(\.$schoolID == school.id!)
            .sort(\.$startDate, .descending).sort(\.$id, .descending).all()
        let inspectorIDs = Array(Set(history.map(\.inspectorID)))
        let inspectors = try await Inspector.query(on: req.db).filter(\.$id ~~ inspectorIDs).all()
        let township = try await OrgUnit.find(school.townshipID, on: req.db)
        let area = try await school.areaID.asyncMap { try await ResponsibilityArea.find($0, on: req.db) } ?? nil
        let audit = scope.principal.role.mayReadAudit
            ? try await Audit.events(entity: "school", id: school.id!, on: req.db) : []
        let visits = try await scope.visitAccess.readable(Visit.query(on: req.db)).filter(\.$schoolID == school.id!)
            .filter(\.$status == .submitted).sort(\.$visitDate, .descending).limit(10).all()
        // Problems of drafts are not shown until the visit is submitted.
        let drafts = try await Visit.query(on: req.db).filter(\.$schoolID == school.id!).filter(\.$status == .draft).all(\.$id)
            .compactMap { $0 }
        var problemQuery = Problem.query(on: req.db).filter(\.$schoolID == school.id!).filter(\.$state == .open)
        if !drafts.isEmpty { problemQuery = problemQuery.group(.or) { $0.filter(\.$visitID == nil).filter(\.$visitID !~ drafts) } }
        let openProblems = try await problemQuery.sort(\.$id, .descending).limit(30).all()
        let mayVisit = try await scope.visitAccess.mayRecordVisit(to: school, today: req.today, on: req.db)
        let district = scope.canEdit(orgPath: school.orgPath)
            ? try await Inspector.query(on: req.db).filter(\.$districtID == school.districtID).filter(\.$status == .active).sort(\.$name).all() : []
        return SchoolPage(
            ctx: req.pageContext(), school: school, township: township?.name ?? "", area: area, history: history,
            visits: visits, openProblems: openProblems, mayVisit: mayVisit, grantable: district,
            inspectors: Dictionary(uniqueKeysWithValues: inspectors.map { ($0.id!, $0) }),
            mayEdit: scope.canEdit(orgPath: school.orgPath), audit: audit
        ).render()
    }

    // MARK: - Create and edit

    struct Form: Content {
        var code: String?
        var name: String?
        var type: String?
        var ownership: String?
        var township: String?
        var address: String?
        var principal: String?
        var phone: String?
        var students: String?
        var students_primary: String?
        var students_junior: String?
        var students_senior: String?
        var classes: String?
        var staff: String?
        var area: String?

        var input: SchoolInput {
            var i = SchoolInput()
            i.code = code ?? ""
            i.name = name ?? ""
            i.type = type ?? ""
            i.ownership = ownership ?? ""
            i.township = township ?? ""
            i.address = address ?? ""
            i.principal = principal ?? ""
            i.phone = phone ?? ""
            i.students = students ?? ""
            i.classes = classes ?? ""
            i.staff = staff ?? ""
            if let v = students_primary { i.sectionStudents[.primary] = v }
            if let v = students_junior { i.sectionStudents[.junior] = v }
            if let v = students_senior { i.sectionStudents[.senior] = v }
            return i
        }

        init() {}

        init(_ s: School, township: String) {
            code = s.code
            name = s.name
            type = s.type.rawValue
            ownership = s.ownership.rawValue
            self.township = township
            address = s.address
            principal = s.principal
            phone = s.phone
            students = String(s.students)
            let sec = s.sections
            students_primary = sec[.primary].map(String.init)
            students_junior = sec[.junior].map(String.init)
            students_senior = sec[.senior].map(String.init)
            classes = String(s.classes)
            staff = String(s.staff)
            area = s.areaID.map(String.init)
        }
    }

    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        return try await formPage(req, scope: scope, form: Form(), school: nil, errors: [])
    }

    static func editForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let school = try await editable(req, scope: scope)
        let township = try await OrgUnit.find(school.townshipID, on: req.db)
        return try await formPage(req, scope: scope, form: Form(school, township: township?.name ?? ""), school: school, errors: [])
    }

    static func formPage(_ req: Request, scope: Scope, form: Form, school: School?, errors: [FieldError]) async throws
        -> Page
    {
        let townships = try await DirectoryQueries.townshipNames(scope: scope, on: req.db)
        let areas = try await DirectoryQueries.areas(scope: scope, on: req.db)
        var page = SchoolFormPage(ctx: req.pageContext(), form: form, school: school, townships: townships.map(\.1),
            areas: areas, errors: errors).render()
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func editable(_ req: Request, scope: Scope) async throws -> School {
        try await scope.schoolAccess.editable(try req.parameters.id(), on: req.db)
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(Form.self)
        let school = School()
        school.status = .open
        return try await save(req, scope: scope, form: form, school: school, isNew: true)
    }

    static func update(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let school = try await editable(req, scope: scope)
        let form = try req.content.decode(Form.self)
        return try await save(req, scope: scope, form: form, school: school, isNew: false)
    }

    static func save(_ req: Request, scope: Scope, form: Form, school: School, isNew: Bool) async throws -> Response {
        let before = isNew ? [:] : school.snapshot
        var errors: [FieldError] = []
        var record: SchoolRecord?
        switch form.input.validated() {
        case .success(let r): record = r
        case .failure(let e): errors = e
        }
        var township: OrgUnit?
        if let name = form.township, !name.isEmpty {
            township = try await DirectoryQueries.township(named: name, scope: scope, on: req.db)
            if township == nil { errors.append(.init("township", "镇街“\(name)”不在本区范围内")) }
        }
        @RecordID var areaID: Int?
        if let a = form.area, !a.isEmpty {
            guard let id = Int(a), let area = try await ResponsibilityArea.find(id, on: req.db),
                area.orgPath.hasPrefix(scope.principal.orgPath) || scope.principal.orgPath.hasPrefix(area.orgPath)
            else {
                errors.append(.init("area", "所选责任区不存在"))
                return try await formPage(req, scope: scope, form: form, school: isNew ? nil : school, errors: errors)
                    .encodeResponse(for: req)
            }
            areaID = area.id
        }
        if let r = record, let existing = try await School.query(on: req.db).filter(\.$code == r.code).first(),
            existing.id != school.id
        {
            errors.append(.init("code", "学校标识码 \(r.code) 已被“\(existing.name)”使用"))
        }
        guard errors.isEmpty, let record, let township else {
            return try await formPage(req, scope: scope, form: form, school: isNew ? nil : school, errors: errors)
                .encodeResponse(for: req)
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
        let school = try await editable(req, scope: scope)
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
