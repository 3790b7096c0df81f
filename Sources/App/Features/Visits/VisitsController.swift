import DudaoCore
import Fluent
import Plot
import Vapor

/// 督导记录: draft on a phone section by section (each saved on the server at once), submit to lock,
/// amend with a reason afterwards.
enum VisitsController {
    // MARK: - Reading

    struct ListQuery: Content {
        @RecordID var school: Int?
        @RecordID var inspector: Int?
        var month: String?
        var status: String?
        @PageNumber var page: Int?
    }

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let query = try req.query.decode(ListQuery.self)
        let paging = Paging(page: query.page, per: 30)
        var q = scope.visitAccess.readable(Visit.query(on: req.db))
        if let s = query.school { q = q.filter(\.$schoolID == s) }
        if let i = query.inspector { q = q.filter(\.$inspectorID == i) }
        if let m = query.month.flatMap(YearMonth.init(parsing:)) {
            q = q.filter(\.$visitDate >= m.firstDay.description).filter(\.$visitDate <= m.lastDay.description)
        }
        if let st = query.status.flatMap(VisitStatus.init(rawValue:)) { q = q.filter(\.$status == st) }
        let total = try await q.copy().count()
        let visits = try await q.sort(\.$visitDate, .descending).sort(\.$id, .descending)
            .range(paging.offset..<(paging.offset + paging.per)).all()
        let schools = try await School.query(on: req.db).filter(\.$id ~~ Set(visits.map(\.schoolID))).all()
        let inspectors = try await Inspector.query(on: req.db).filter(\.$id ~~ Set(visits.map(\.inspectorID))).all()
        return VisitListPage(
            ctx: req.pageContext(), query: query, paging: paging, total: total, visits: visits,
            schools: Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.name) }),
            inspectors: Dictionary(uniqueKeysWithValues: inspectors.map { ($0.id!, $0.name) })
        ).render()
    }

    /// Everything a visit page shows.
    struct Loaded {
        let visit: Visit
        let school: School
        let author: Inspector?
        let members: [Inspector]
        let observations: [ClassObservation]
        let interviews: [Interview]
        let problems: [Problem]
        let photos: [VisitPhoto]
        let amendments: [VisitAmendment]
        let plan: VisitPlan?
    }

    static func load(_ v: Visit, on db: any Database) async throws -> Loaded {
        let id = v.id!
        let memberIDs = try await VisitMember.query(on: db).filter(\.$visitID == id).all(\.$inspectorID)
        let people = try await Inspector.query(on: db).filter(\.$id ~~ (memberIDs + [v.inspectorID])).all()
        guard let school = try await School.find(v.schoolID, on: db) else { throw Abort(.notFound) }
        return Loaded(
            visit: v, school: school, author: people.first { $0.id == v.inspectorID },
            members: people.filter { memberIDs.contains($0.id!) },
            observations: try await ClassObservation.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            interviews: try await Interview.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            problems: try await Problem.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            photos: try await VisitPhoto.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            amendments: try await VisitAmendment.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            plan: try await v.visitPlanID.asyncMap { try await VisitPlan.find($0, on: db) } ?? nil)
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let visit = try await scope.visitAccess.load(try req.parameters.id(), on: req.db)
        let loaded = try await load(visit, on: req.db)
        let settings = try await DistrictSettings.forDistrict(loaded.school.districtID, on: req.db)
        let followUp = scope.visitAccess.canEditDraft(visit) ? try await FollowUp.load(schoolID: visit.schoolID, before: visit, on: req.db) : nil
        return VisitPage(ctx: req.pageContext(), loaded: loaded, settings: settings, editable: scope.visitAccess.canEditDraft(visit),
            mayAmend: scope.visitAccess.canAmend(visit), hideInternal: scope.principal.role == .school, followUp: followUp,
            errors: [], section: nil).render()
    }

    static func printable(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let visit = try await scope.visitAccess.load(try req.parameters.id(), on: req.db)
        let loaded = try await load(visit, on: req.db)
        let settings = try await DistrictSettings.forDistrict(loaded.school.districtID, on: req.db)
        return VisitPrintPage(ctx: req.pageContext(), loaded: loaded, settings: settings,
            hideInternal: scope.principal.role == .school).render()
    }

    static func photo(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let p = try await scope.visitAccess.photo(
            visitID: try req.parameters.id(), photoID: try req.parameters.id("pid"), on: req.db)
        guard let data = try req.attachments.get(p.hash) else { throw Abort(.notFound, reason: "照片不存在") }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: p.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    // MARK: - Starting a visit

    static func newForm(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        guard let schoolID = try req.query.bounded("school", InputBounds.ID.self) else {
            return try await PickSchoolPage(ctx: req.pageContext(), schools: try await scope.schoolAccess.readable(School.query(on: req.db)).sort(\.$name).all())
                .render().encodeResponse(for: req)
        }
        let school = try await writableSchool(schoolID, scope: scope, today: req.today, on: req.db)
        let form = BasicForm(date: req.today.description, start: "", end: "", kind: VisitKind.routine.rawValue, theme: "",
            plan: req.query[String.self, at: "plan"], members: [])
        return try await newPage(req, scope: scope, school: school, form: form, errors: []).encodeResponse(for: req)
    }

    static func writableSchool(_ id: Int?, scope: Scope, today: Day, on db: any Database) async throws -> School {
        guard let id else { throw Abort(.badRequest, reason: "请选择要督导的学校") }
        guard let school = try await School.find(id, on: db), school.status == .open else {
            throw Abort(.notFound, reason: "未找到该学校")
        }
        guard try await scope.visitAccess.mayRecordVisit(to: school, today: today, on: db) else {
            throw Abort(.forbidden, reason: "您不是该校的责任督学，需督导室授权后才能记录对该校的督导")
        }
        return school
    }

    static func newPage(_ req: Request, scope: Scope, school: School, form: BasicForm, errors: [FieldError]) async throws -> Page {
        let me = scope.principal.inspectorID ?? -1
        let plans = try await VisitPlan.query(on: req.db).filter(\.$inspectorID == me).filter(\.$schoolID == school.id!)
            .sort(\.$plannedDate, .descending).limit(10).all()
        let colleagues = try await Inspector.query(on: req.db).filter(\.$districtID == school.districtID)
            .filter(\.$status == .active).filter(\.$id != me).sort(\.$name).limit(200).all()
        let followUp = try await FollowUp.load(schoolID: school.id!, before: nil, on: req.db)
        var page = NewVisitPage(ctx: req.pageContext(), school: school, plans: plans, colleagues: colleagues, form: form,
            theme: MonthlyTheme.theme(for: form.date.flatMap(Day.init(parsing:)) ?? req.today), followUp: followUp, errors: errors).render()
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    struct BasicForm: Content {
        var date: String?
        var start: String?
        var end: String?
        var kind: String?
        var theme: String?
        var plan: String?
        var members: [Int]?
        var summary: String?
        var highlights: String?
        @RecordID var school: Int?

        init(date: String, start: String, end: String, kind: String, theme: String, plan: String?, members: [Int]) {
            self.date = date
            self.start = start
            self.end = end
            self.kind = kind
            self.theme = theme
            self.plan = plan
            self.members = members
        }
    }

    /// Checks the basic fields; shared by create, update and the API.
    static func validateBasics(_ f: BasicForm, partial: Bool, today: Day) -> (Day?, VisitKind?, [FieldError]) {
        var errors: [FieldError] = []
        let day = f.date.flatMap(Day.init(parsing:))
        if day == nil && !(partial && f.date == nil) { errors.append(.init("date", "请填写督导日期，如 2026-11-25")) }
        if let d = day, d > today { errors.append(.init("date", "督导日期不能晚于今天")) }
        for (field, value) in [("start", f.start), ("end", f.end)] {
            if let v = value, !v.isEmpty, WorkloadRules.minutesOfDay(v) == nil {
                errors.append(.init(field, "时间格式应为 08:30"))
            }
        }
        if let s = f.start.flatMap(WorkloadRules.minutesOfDay), let e = f.end.flatMap(WorkloadRules.minutesOfDay), e <= s {
            errors.append(.init("end", "结束时间应晚于开始时间"))
        }
        let kind = f.kind.flatMap(VisitKind.init(rawValue:))
        if kind == nil && !(partial && f.kind == nil) { errors.append(.init("kind", "请选择督导类型")) }
        if let e = Validate.optional(f.theme ?? "", field: "主题", maxLength: 100) { errors.append(.init("theme", e)) }
        if let e = Validate.optional(f.summary ?? "", field: "督导情况", maxLength: 5000) { errors.append(.init("summary", e)) }
        if let e = Validate.optional(f.highlights ?? "", field: "亮点", maxLength: 2000) { errors.append(.init("highlights", e)) }
        return (day, kind, errors)
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(BasicForm.self)
        let school = try await writableSchool(form.school, scope: scope, today: req.today, on: req.db)
        let v = try await createDraft(form, school: school, scope: scope, today: req.today, on: req.db)
        switch v {
        case .failure(let errors):
            return try await newPage(req, scope: scope, school: school, form: form, errors: errors).encodeResponse(for: req)
        case .success(let visit):
            req.flash("已建立督导记录草稿，各部分填写后随时保存，离开页面不会丢失")
            return req.redirect(to: SiteURL.visit(visit.id!).path)
        }
    }

    static func createDraft(_ form: BasicForm, school: School, scope: Scope, today: Day, on db: any Database) async throws -> Validated<Visit> {
        var (day, kind, errors) = validateBasics(form, partial: false, today: today)
        let me = scope.principal.inspectorID ?? -1
        var planID: Int?
        if let p = form.plan, !p.isEmpty {
            if let id = Int(p), let plan = try await VisitPlan.find(id, on: db), plan.inspectorID == me, plan.schoolID == school.id {
                planID = id
            } else {
                errors.append(.init("plan", "所选督导方案不存在"))
            }
        }
        let members = Array(Set(form.members ?? [])).filter { $0 != me }
        if !members.isEmpty {
            let ok = try await Inspector.query(on: db).filter(\.$id ~~ members).filter(\.$districtID == school.districtID).count()
            if ok != members.count { errors.append(.init("members", "同行督学须为本区督学")) }
        }
        guard errors.isEmpty, let day, let kind else { return .failure(errors) }
        let v = Visit()
        v.schoolID = school.id!
        v.orgPath = school.orgPath
        v.inspectorID = me
        v.visitDate = day.description
        v.startTime = form.start ?? ""
        v.endTime = form.end ?? ""
        v.kind = kind
        let theme = (form.theme ?? "").trimmingCharacters(in: .whitespaces)
        v.theme = theme.isEmpty ? (MonthlyTheme.theme(for: day) ?? "") : theme
        v.visitPlanID = planID
        v.summary = ""
        v.highlights = ""
        v.checks = "{}"
        v.status = .draft
        let principal = scope.principal
        try await db.writeTransaction { db in
            try await v.save(on: db)
            for m in members { try await VisitMember(visitID: v.id!, inspectorID: m).save(on: db) }
            try await Audit.record(on: db, actor: principal, action: "create", entity: "visit", id: v.id!, orgPath: v.orgPath,
                summary: "新建督导记录草稿（\(school.name)，\(day.chinese)）")
        }
        return .success(v)
    }

    // MARK: - Editing a draft, section by section

    static func draft(_ req: Request, scope: Scope) async throws -> Visit {
        try await scope.visitAccess.draft(try req.parameters.id(), on: req.db)
    }

    /// Re-renders the visit page with errors for one section (status 422), keeping everything saved.
    static func sectionError(_ req: Request, scope: Scope, visit: Visit, section: String, errors: [FieldError]) async throws -> Response {
        let loaded = try await load(visit, on: req.db)
        let settings = try await DistrictSettings.forDistrict(loaded.school.districtID, on: req.db)
        var page = VisitPage(ctx: req.pageContext(), loaded: loaded, settings: settings, editable: true, mayAmend: false,
            hideInternal: false, followUp: nil, errors: errors, section: section).render()
        page.status = 422
        return try await page.encodeResponse(for: req)
    }

    static func back(_ req: Request, _ v: Visit, _ anchor: String, _ message: String) -> Response {
        if req.headers.first(name: "X-Autosave") != nil { return Response(status: .noContent) }
        req.flash(message)
        return req.redirect(to: SiteURL.visit(v.id!).path + "#" + anchor)
    }

    /// Basic fields; also the target of the page's autosave (answers 204 to `X-Autosave`).
    static func update(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let form = try req.content.decode(BasicForm.self)
        let (day, kind, errors) = validateBasics(form, partial: true, today: req.today)
        if !errors.isEmpty {
            if req.headers.first(name: "X-Autosave") != nil { return Response(status: .unprocessableEntity) }
            return try await sectionError(req, scope: scope, visit: v, section: "basic", errors: errors)
        }
        if let day { v.visitDate = day.description }
        if let kind { v.kind = kind }
        if let s = form.start { v.startTime = s }
        if let e = form.end { v.endTime = e }
        if let t = form.theme { v.theme = t.trimmingCharacters(in: .whitespaces) }
        if let s = form.summary { v.summary = s }
        if let h = form.highlights { v.highlights = h }
        try await v.save(on: req.db)
        return back(req, v, "basic", "已保存")
    }

    struct ObservationForm: Content {
        var kind: String?
        var className: String?
        var subject: String?
        var teacher: String?
        var topic: String?
        var comment: String?
        var scores: [String: String]?
    }

    static func addObservation(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let school = try await School.find(v.schoolID, on: req.db)
        let settings = try await DistrictSettings.forDistrict(school?.districtID ?? 0, on: req.db)
        let f = try req.content.decode(ObservationForm.self)
        switch VisitSections.observation(f, rubric: settings.rubricValue, visitID: v.id!) {
        case .failure(let errors): return try await sectionError(req, scope: scope, visit: v, section: "observations", errors: errors)
        case .success(let o):
            try await o.save(on: req.db)
            return back(req, v, "observations", "已添加\(o.kind.label)记录")
        }
    }

    struct InterviewForm: Content {
        var group: String?
        var people: String?
        var notes: String?
        var internalOnly: String?
    }

    static func addInterview(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let f = try req.content.decode(InterviewForm.self)
        switch VisitSections.interview(f, visitID: v.id!) {
        case .failure(let errors): return try await sectionError(req, scope: scope, visit: v, section: "interviews", errors: errors)
        case .success(let i):
            try await i.save(on: req.db)
            return back(req, v, "interviews", "已添加访谈记录")
        }
    }

    struct ProblemForm: Content {
        var category: String?
        var severity: String?
        var disposition: String?
        var description: String?
    }

    static func addProblem(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let school = try await School.find(v.schoolID, on: req.db)
        let settings = try await DistrictSettings.forDistrict(school?.districtID ?? 0, on: req.db)
        let f = try req.content.decode(ProblemForm.self)
        switch VisitSections.problem(f, categories: settings.categories, visit: v) {
        case .failure(let errors): return try await sectionError(req, scope: scope, visit: v, section: "problems", errors: errors)
        case .success(let p):
            try await p.save(on: req.db)
            return back(req, v, "problems", "已记录问题")
        }
    }

    struct ChecksForm: Content {
        var documents: [String]?
        var documentNotes: String?
        var band: String?
        var homeworkMinutes: String?
        var sleepHours: String?
        var firstLesson: String?
        var peLessons: String?
        var phones: String?
        var reading: String?
        var exercise: String?
        var afterSchool: String?
    }

    static func saveChecks(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let f = try req.content.decode(ChecksForm.self)
        switch VisitSections.checks(f) {
        case .failure(let errors): return try await sectionError(req, scope: scope, visit: v, section: "checks", errors: errors)
        case .success(let checks):
            v.checkRecord = checks
            try await v.save(on: req.db)
            return back(req, v, "checks", "已保存查阅资料和五项管理检查")
        }
    }

    struct PhotoForm: Content {
        var caption: String?
    }

    static let photoLimits = UploadLimits(maxFiles: 1, maxFileBytes: VisitSections.maxPhotoBytes, maxFieldBytes: 16 * 1024)

    static func addPhoto(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let upload = try await UploadReader.read(req, limits: photoLimits)
        defer { upload.discard() }
        let f = try upload.decode(PhotoForm.self)
        if !upload.errors.isEmpty {
            return try await sectionError(req, scope: scope, visit: v, section: "photos",
                errors: upload.errors.map { .init("photo", $0.message) })
        }
        guard let file = upload.files(named: "photo").first, file.size > 0 else {
            return try await sectionError(req, scope: scope, visit: v, section: "photos", errors: [.init("photo", "请选择照片")])
        }
        switch VisitSections.photo(head: file.head, size: file.size, caption: f.caption ?? "") {
        case .failure(let errors): return try await sectionError(req, scope: scope, visit: v, section: "photos", errors: errors)
        case .success(let (kind, caption)):
            let p = VisitPhoto()
            p.visitID = v.id!
            p.hash = try req.attachments.keep(file)
            p.contentType = kind.rawValue
            p.caption = caption
            try await p.save(on: req.db)
            return back(req, v, "photos", "照片已上传")
        }
    }

    struct RemoveForm: Content {
        var kind: String
        var item: Int
    }

    /// Removes an item from a draft (a mistyped observation, interview, problem or photo).
    static func removeItem(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let f = try req.content.decode(RemoveForm.self)
        let id = v.id!
        switch f.kind {
        case "observation": try await ClassObservation.query(on: req.db).filter(\.$id == f.item).filter(\.$visitID == id).delete()
        case "interview": try await Interview.query(on: req.db).filter(\.$id == f.item).filter(\.$visitID == id).delete()
        case "problem": try await Problem.query(on: req.db).filter(\.$id == f.item).filter(\.$visitID == id).delete()
        case "photo": try await VisitPhoto.query(on: req.db).filter(\.$id == f.item).filter(\.$visitID == id).delete()
        default: throw Abort(.badRequest, reason: "无法删除该项")
        }
        return back(req, v, f.kind + "s", "已删除")
    }

    // MARK: - Submit and amend

    static func submit(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let loaded = try await load(v, on: req.db)
        let problems = VisitSections.submitProblems(loaded)
        if !problems.isEmpty {
            return try await sectionError(req, scope: scope, visit: v, section: "submit", errors: problems)
        }
        try await submitVisit(v, principal: scope.principal, now: req.now, on: req.db)
        req.flash("督导记录已提交，记录已锁定")
        return req.redirect(to: SiteURL.visit(v.id!).path)
    }

    static func submitVisit(_ v: Visit, principal: Principal, now: Date, on db: any Database) async throws {
        v.status = .submitted
        v.submittedAt = now
        try await db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(Visit.self, v.id!), fresh.isDraft else { throw AlreadyHandled() }
            try await v.save(on: db)
            try await Audit.record(on: db, actor: principal, action: "submit", entity: "visit", id: v.id!, orgPath: v.orgPath,
                summary: "提交督导记录（\(v.visitDate)）", after: v.snapshot)
        }
    }

    struct AmendForm: Content {
        var reason: String?
        var summary: String?
        var highlights: String?
        var theme: String?
    }

    static func amend(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await scope.visitAccess.load(try req.parameters.id(), on: req.db)
        guard scope.visitAccess.canAmend(v) else { throw Abort(.forbidden, reason: "只有记录人或督导室可以更正已提交的记录") }
        let f = try req.content.decode(AmendForm.self)
        let reason = (f.reason ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if reason.isEmpty { errors.append(.init("reason", "请填写更正原因")) }
        if let e = Validate.optional(reason, field: "更正原因", maxLength: 300) { errors.append(.init("reason", e)) }
        // The same limits as the form that wrote the record.
        var limits = BasicForm(date: v.visitDate, start: v.startTime, end: v.endTime, kind: v.kind.rawValue, theme: f.theme ?? "",
            plan: nil, members: [])
        limits.summary = f.summary
        limits.highlights = f.highlights
        errors += validateBasics(limits, partial: true, today: req.today).2.filter { ["theme", "summary", "highlights"].contains($0.field) }
        let before = v.snapshot
        if let s = f.summary { v.summary = s }
        if let h = f.highlights { v.highlights = h }
        if let t = f.theme { v.theme = t }
        let changes = AuditDiff.changes(before: before, after: v.snapshot)
        if changes.isEmpty && errors.isEmpty { errors.append(.init("summary", "没有需要更正的内容")) }
        if !errors.isEmpty {
            let loaded = try await load(try await Visit.find(v.id!, on: req.db)!, on: req.db)
            let settings = try await DistrictSettings.forDistrict(loaded.school.districtID, on: req.db)
            var page = VisitPage(ctx: req.pageContext(), loaded: loaded, settings: settings, editable: false, mayAmend: true,
                hideInternal: false, followUp: nil, errors: errors, section: "amend").render()
            page.status = 422
            return try await page.encodeResponse(for: req)
        }
        let p = scope.principal
        let a = VisitAmendment()
        a.visitID = v.id!
        a.userID = p.userID
        a.userName = p.displayName
        a.reason = reason
        a.changes = try JSONColumn.encode(changes)
        try await req.db.writeTransaction { db in
            try await v.save(on: db)
            try await a.save(on: db)
            try await Audit.record(on: db, actor: p, action: "amend", entity: "visit", id: v.id!, orgPath: v.orgPath,
                summary: "更正督导记录：\(reason)", before: before, after: v.snapshot)
        }
        req.flash("已更正，原内容与更正原因已留档")
        return req.redirect(to: SiteURL.visit(v.id!).path + "#amendments")
    }

    // MARK: - Office: temporary grant

    struct GrantForm: Content {
        @RecordID var inspector: Int?
        var until: String?
    }

    static func grant(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let school = try await SchoolsController.editable(req, scope: scope)
        let f = try req.content.decode(GrantForm.self)
        guard let iid = f.inspector, let i = try await Inspector.find(iid, on: req.db), i.districtID == school.districtID,
            let until = f.until.flatMap(Day.init(parsing:)), until >= req.today
        else {
            req.flash("授权未保存：请选择本区督学并填写不早于今天的截止日期")
            return req.redirect(to: SiteURL.school(school.id!).path)
        }
        let g = VisitGrant()
        g.inspectorID = iid
        g.schoolID = school.id!
        g.until = until.description
        g.grantedBy = scope.principal.userID
        try await req.db.writeTransaction { db in
            try await g.save(on: db)
            try await Audit.record(on: db, actor: scope.principal, action: "grant", entity: "school", id: school.id!,
                orgPath: school.orgPath, summary: "授权督学 \(i.name) 至\(until.chinese)前可记录对\(school.name)的督导")
        }
        req.flash("已授权 \(i.name) 在\(until.chinese)前记录对本校的督导")
        return req.redirect(to: SiteURL.school(school.id!).path)
    }
}

/// What a new visit starts from: the school's open problems and the last visit's summary (any inspector's).
struct FollowUp {
    let lastVisit: Visit?
    let lastAuthor: String?
    let openProblems: [Problem]

    static func load(schoolID: Int, before: Visit?, on db: any Database) async throws -> FollowUp {
        var q = Visit.query(on: db).filter(\.$schoolID == schoolID).filter(\.$status == .submitted)
        if let id = before?.id { q = q.filter(\.$id != id) }
        let last = try await q.sort(\.$visitDate, .descending).sort(\.$id, .descending).first()
        let author = try await last.asyncMap { try await Inspector.find($0.inspectorID, on: db)?.name } ?? nil
        let problems = try await Problem.query(on: db).filter(\.$schoolID == schoolID).filter(\.$state == .open)
            .sort(\.$id, .descending).limit(20).all()
        return FollowUp(lastVisit: last, lastAuthor: author, openProblems: problems)
    }
}
