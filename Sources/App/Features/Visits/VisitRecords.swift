import DudaoCore
import Fluent
import Vapor

/// The visit rules the pages and the JSON API share: which school an inspector may record a visit to,
/// the checks of a visit's basic fields, making a draft, submitting it, loading a visit with its
/// sections, and building a 督导方案. Handlers parse their input, call these and answer in their own way.
enum VisitRecords {
    // MARK: - A visit with its sections

    /// A visit and everything recorded in it (Fluent models: the API and the rules read them).
    struct Loaded {
        let visit: Visit
        let school: School
        let author: Inspector?
        /// The office account that recorded a visit without a lead inspector.
        let recorder: User?
        let members: [Inspector]
        let observations: [ClassObservation]
        let interviews: [Interview]
        let problems: [Problem]
        let photos: [VisitPhoto]
        let amendments: [VisitAmendment]
        let plan: VisitPlan?
    }

    /// The sections of `v`, each in the order it was recorded. Reading `v` was authorised by the caller.
    static func load(_ v: Visit, on db: any Database) async throws -> Loaded {
        let id = v.id!
        let memberIDs = try await VisitMember.query(on: db).filter(\.$visitID == id).all(\.$inspectorID)
        let people = try await Inspector.query(on: db).filter(\.$id ~~ (memberIDs + [v.inspectorID].compactMap { $0 }))
            .all()
        guard let school = try await School.find(v.schoolID, on: db) else { throw Abort(.notFound) }
        return Loaded(
            visit: v, school: school, author: people.first { $0.id == v.inspectorID },
            recorder: try await v.recordedBy.asyncMap { try await User.find($0, on: db) } ?? nil,
            members: people.filter { memberIDs.contains($0.id!) },
            observations: try await ClassObservation.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            interviews: try await Interview.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            problems: try await Problem.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            photos: try await VisitPhoto.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            amendments: try await VisitAmendment.query(on: db).filter(\.$visitID == id).sort(\.$id).all(),
            plan: try await v.visitPlanID.asyncMap { try await VisitPlan.find($0, on: db) } ?? nil)
    }

    /// How a visit recorded by the office names its recorder: 督导室 and the account's name.
    static func officeName(displayName: String) -> String { "督导室 " + displayName }

    /// The inspector who follows a problem of `v` up: its lead, else (a visit the office recorded) the first team
    /// member, else the school's responsible inspector; nil when there is none.
    static func followUpInspector(_ v: Visit, on db: any Database) async throws -> Int? {
        if let lead = v.inspectorID { return lead }
        if let member = try await VisitMember.query(on: db).filter(\.$visitID == v.id!).sort(\.$id).first() {
            return member.inspectorID
        }
        return try await DirectoryQueries.responsible(of: [v.schoolID], on: db)[v.schoolID]?.id
    }

    // MARK: - Starting a visit

    /// An open school the account may record a visit to (its own, or granted by the office until a day not
    /// before `today`), or 400/404/403.
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

    /// The basic fields of a visit, as the new-visit form, the page's basic section and the API send them.
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

    /// Checks the basic fields; shared by create, update and the API. `partial`: a missing field is left as it is.
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
        if let s = f.start.flatMap(WorkloadRules.minutesOfDay), let e = f.end.flatMap(WorkloadRules.minutesOfDay),
            e <= s
        {
            errors.append(.init("end", "结束时间应晚于开始时间"))
        }
        let kind = f.kind.flatMap(VisitKind.init(rawValue:))
        if kind == nil && !(partial && f.kind == nil) { errors.append(.init("kind", "请选择督导类型")) }
        if kind == .comprehensive { errors.append(.init("kind", "综合督导由督导室统一组织，请选择其他督导类型")) }
        if let e = Validate.optional(f.theme ?? "", field: "主题", maxLength: 100) { errors.append(.init("theme", e)) }
        if let e = Validate.optional(f.summary ?? "", field: "督导情况", maxLength: 5000) {
            errors.append(.init("summary", e))
        }
        if let e = Validate.optional(f.highlights ?? "", field: "亮点", maxLength: 2000) {
            errors.append(.init("highlights", e))
        }
        return (day, kind, errors)
    }

    /// Checks the form and saves a draft by the account's inspector, with its team, in one transaction.
    static func createDraft(_ form: BasicForm, school: School, scope: Scope, today: Day, on db: any Database)
        async throws
        -> Validated<Visit>
    {
        var (day, kind, errors) = validateBasics(form, partial: false, today: today)
        let me = scope.principal.inspectorID ?? -1
        // The office records a visit itself, alone or with a team of inspectors; plans are an inspector's.
        let byOffice = scope.principal.role == .office
        var planID: Int?
        if let p = form.plan, !p.isEmpty, !byOffice {
            if let id = Int(p), let plan = try await VisitPlan.find(id, on: db), plan.inspectorID == me,
                plan.schoolID == school.id
            {
                planID = id
            } else {
                errors.append(.init("plan", "所选督导方案不存在"))
            }
        }
        let members = Array(Set(form.members ?? [])).filter { $0 != me }
        if !members.isEmpty {
            let ok = try await Inspector.query(on: db).filter(\.$id ~~ members).filter(
                \.$districtID == school.districtID
            ).count()
            if ok != members.count { errors.append(.init("members", "同行督学须为本区督学")) }
        }
        guard errors.isEmpty, let day, let kind else { return .failure(errors) }
        let v = Visit()
        v.schoolID = school.id!
        v.orgPath = school.orgPath
        v.inspectorID = byOffice ? nil : me
        v.recordedBy = byOffice ? scope.principal.userID : nil
        v.visitDate = day.description
        v.startTime = form.start ?? ""
        v.endTime = form.end ?? ""
        v.kind = kind
        let theme = (form.theme ?? "").trimmingCharacters(in: .whitespaces)
        let monthTheme = try await ThemeMonth.theme(districtID: school.districtID, on: day, db: db)
        v.theme = theme.isEmpty ? (monthTheme ?? "") : theme
        v.visitPlanID = planID
        // The API may send the account of the visit with the draft; it is saved in the same transaction.
        v.summary = form.summary ?? ""
        v.highlights = form.highlights ?? ""
        v.checks = "{}"
        v.status = .draft
        let principal = scope.principal
        try await db.writeTransaction { db in
            try await v.save(on: db)
            for m in members { try await VisitMember(visitID: v.id!, inspectorID: m).save(on: db) }
            try await Audit.record(
                on: db, actor: principal, action: "create", entity: "visit", id: v.id!, orgPath: v.orgPath,
                summary: "新建督导记录草稿（\(school.name)，\(day.chinese)）")
        }
        return .success(v)
    }

    // MARK: - Submitting

    /// Locks a draft at `now`; a second submit of the same draft finds it already handled.
    static func submit(_ v: Visit, principal: Principal, now: Date, on db: any Database) async throws {
        v.status = .submitted
        v.submittedAt = now
        try await db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(Visit.self, v.id!), fresh.isDraft else { throw AlreadyHandled() }
            try await v.save(on: db)
            // Its problems join the register, and the API's next sync.
            try await db.sql().raw(
                "UPDATE problems SET draft = false, updated_at = \(bind: now) WHERE visit_id = \(bind: v.id!)"
            ).run()
            try await Audit.record(
                on: db, actor: principal, action: "submit", entity: "visit", id: v.id!, orgPath: v.orgPath,
                summary: "提交督导记录（\(v.visitDate)）", after: v.snapshot)
            try await alertUrgentProblems(of: v, on: db)
        }
    }

    /// A problem marked 严重 is an urgent matter (rules.md §1: reported at once): the office hears of it when the
    /// record is submitted, in the app and through the district's webhook.
    static func alertUrgentProblems(of v: Visit, on db: any Database) async throws {
        let urgent = try await Problem.query(on: db).filter(\.$visitID == v.id!).filter(\.$severity == .urgent)
            .sort(\.$id).all()
        guard !urgent.isEmpty, let school = try await School.find(v.schoolID, on: db),
            let district = try await OrgUnit.find(school.districtID, on: db)
        else { return }
        let office = try await Notifier.officeUsers(districtPath: district.path, on: db)
        for p in urgent {
            try await Notifier.notify(
                userIDs: office, title: "【紧急】\(school.name)发现严重问题（\(p.category)）：\(p.description.prefix(60))",
                link: SiteURL.problem(p.id!).path, districtID: district.id, on: db)
        }
    }

    // MARK: - 督导方案

    /// A 督导方案 as the page's form and the API send it.
    struct VisitPlanForm: Content {
        var school: String?
        var date: String?
        var tasks: String?
        var methods: String?
        var focus: String?
    }

    /// Checks the form and builds (does not save) a plan for a school the account may record visits to.
    static func buildVisitPlan(_ f: VisitPlanForm, scope: Scope, today: Day, on db: any Database) async throws
        -> Validated<VisitPlan>
    {
        var errors: [FieldError] = []
        var school: School?
        if let id = f.school.flatMap(Int.init), let s = try await School.find(id, on: db),
            try await scope.visitAccess.mayRecordVisit(to: s, today: today, on: db)
        {
            school = s
        } else {
            errors.append(.init("school", "请选择您负责的学校"))
        }
        let day = f.date.flatMap(Day.init(parsing:))
        if day == nil { errors.append(.init("date", "请填写计划日期，如 2026-12-03")) }
        if let e = Validate.required(f.tasks ?? "", field: "督导任务", maxLength: 2000) { errors.append(.init("tasks", e)) }
        if let e = Validate.required(f.methods ?? "", field: "督导方式", maxLength: 1000) {
            errors.append(.init("methods", e))
        }
        if let e = Validate.required(f.focus ?? "", field: "督导重点", maxLength: 1000) { errors.append(.init("focus", e)) }
        guard errors.isEmpty, let school, let day else { return .failure(errors) }
        let p = VisitPlan()
        p.inspectorID = scope.principal.inspectorID ?? -1
        p.schoolID = school.id!
        p.orgPath = school.orgPath
        p.plannedDate = day.description
        p.tasks = (f.tasks ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        p.methods = (f.methods ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        p.focus = (f.focus ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(p)
    }
}
