import DudaoCore
import Fluent
import Plot
import Vapor

/// 学期片区督导工作计划 (filed with the office) and 督导方案 (before each visit).
enum PlansController {
    // MARK: - Area plans

    static func areaPlans(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let p = scope.principal
        let plans = try await scope.areaPlanAccess.readable(AreaPlan.query(on: req.db)).sort(\.$semester, .descending).sort(\.$id, .descending).limit(200).all()
        let names = try await Inspector.query(on: req.db).filter(\.$id ~~ Set(plans.map(\.inspectorID))).all()
        let nameOf = Dictionary(uniqueKeysWithValues: names.map { ($0.id!, $0.name) })
        let current = Semester.containing(req.today)
        return Layout.page(
            "片区工作计划", req.pageContext(), wide: true,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("学期片区督导工作计划")]),
                .el("div", [("class", "actions")], p.role == .inspector ? [.button(SiteURL.areaPlanNew.path, "编写\(current.label)计划")] : []),
            ]),
            .dataTable(["学期", "督学", "状态", "提交时间", "督导室意见"], plans.map { a in
                [.link(SiteURL.areaPlan(a.id!).path, Semester(code: a.semester)?.label ?? a.semester), .text(nameOf[a.inspectorID] ?? ""),
                 .badge(a.status.label, a.status == .filed ? "ok" : a.status == .returned ? "warn" : ""), .text(Format.date(a.submittedAt)), .text(a.officeComment)]
            }, empty: "暂无计划")
        )
    }

    struct AreaPlanForm: Content {
        var semester: String?
        var goals: String?
        var focus: String?
        var schedule: String?
        var action: String?
    }

    static func areaPlanForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let semester = Semester.containing(req.today)
        let existing = try await AreaPlan.query(on: req.db).filter(\.$inspectorID == (scope.principal.inspectorID ?? -1))
            .filter(\.$semester == semester.code).first()
        let schedule = semester.months.map { "\($0.label)：" + (MonthlyTheme.defaults[$0.month] ?? "") }.joined(separator: "\n")
        return areaPlanPage(req, plan: existing, form: AreaPlanForm(semester: semester.code, goals: existing?.goals ?? "",
            focus: existing?.focus ?? "", schedule: existing?.schedule ?? schedule), errors: [])
    }

    static func areaPlanPage(_ req: Request, plan: AreaPlan?, form: AreaPlanForm, errors: [FieldError]) -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let ctx = req.pageContext()
        let semester = form.semester.flatMap(Semester.init(code:)) ?? Semester.containing(req.today)
        var page = Layout.page(
            "片区工作计划", ctx,
            .el("h1", [], [.text("\(semester.label)片区督导工作计划")]),
            plan?.status == .returned ? .warning("督导室退回意见：" + (plan?.officeComment ?? "")) : .empty,
            plan?.status == .filed ? .el("div", [("class", "alert success")], [.text("已备案")]) : .empty,
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.areaPlans.path), ("class", "card")], [
                .csrf(ctx.csrf), .hidden("semester", semester.code),
                .textareaField("工作目标", name: "goals", value: form.goals ?? "", error: err("goals"), rows: 4),
                .textareaField("督导重点", name: "focus", value: form.focus ?? "", error: err("focus"), rows: 4),
                .textareaField("月度安排", name: "schedule", value: form.schedule ?? "", error: err("schedule"), rows: 7),
                .el("div", [("class", "form-actions")], [
                    .el("button", [("type", "submit"), ("name", "action"), ("value", "save"), ("class", "btn secondary")], [.text("保存草稿")]),
                    .el("button", [("type", "submit"), ("name", "action"), ("value", "submit"), ("class", "btn primary")], [.text("提交督导室备案")]),
                ]),
            ]))
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func saveAreaPlan(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        guard let me = scope.principal.inspectorID, let inspector = try await Inspector.find(me, on: req.db) else {
            throw Abort(.forbidden, reason: "该账号未关联督学")
        }
        let f = try req.content.decode(AreaPlanForm.self)
        var errors: [FieldError] = []
        guard let semester = f.semester.flatMap(Semester.init(code:)) else { throw Abort(.badRequest, reason: "学期无效") }
        let submitting = f.action == "submit"
        for (field, name, text) in [("goals", "工作目标", f.goals), ("focus", "督导重点", f.focus), ("schedule", "月度安排", f.schedule)] {
            if submitting, let e = Validate.required(text ?? "", field: name, maxLength: 5000) { errors.append(.init(field, e)) }
            else if let e = Validate.optional(text ?? "", field: name, maxLength: 5000) { errors.append(.init(field, e)) }
        }
        let plan = try await AreaPlan.query(on: req.db).filter(\.$inspectorID == me).filter(\.$semester == semester.code).first() ?? AreaPlan()
        if plan.id != nil, plan.status == .filed || plan.status == .submitted {
            errors.append(.init("goals", plan.status == .filed ? "计划已备案，不能再修改" : "计划已提交，等待督导室审阅"))
        }
        guard errors.isEmpty else { return try await areaPlanPage(req, plan: plan.id == nil ? nil : plan, form: f, errors: errors).encodeResponse(for: req) }
        plan.inspectorID = me
        plan.orgPath = inspector.orgPath
        plan.semester = semester.code
        plan.goals = f.goals ?? ""
        plan.focus = f.focus ?? ""
        plan.schedule = f.schedule ?? ""
        plan.status = submitting ? .submitted : .draft
        if plan.id == nil { plan.officeComment = "" }
        if submitting { plan.submittedAt = req.now }
        try await req.db.writeTransaction { db in
            try await plan.save(on: db)
            try await Audit.record(on: db, actor: scope.principal, action: submitting ? "submit" : "update", entity: "area_plan", id: plan.id!,
                orgPath: plan.orgPath, summary: (submitting ? "提交" : "保存") + semester.label + "片区工作计划")
        }
        req.flash(submitting ? "已提交督导室备案" : "草稿已保存")
        return req.redirect(to: SiteURL.areaPlan(plan.id!).path)
    }

    static func areaPlan(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let plan = try await loadAreaPlan(req, scope: scope)
        let inspector = try await Inspector.find(plan.inspectorID, on: req.db)
        let ctx = req.pageContext()
        let semester = Semester(code: plan.semester)
        let mine = scope.areaPlanAccess.isMine(plan)
        return Layout.page(
            "片区工作计划", ctx,
            .el("h1", [], [.text("\(semester?.label ?? plan.semester)片区督导工作计划"), .badge(plan.status.label, plan.status == .filed ? "ok" : "")]),
            .el("section", [("class", "card")], [
                .facts([("督学", inspector?.name ?? ""), ("提交时间", Format.date(plan.submittedAt)), ("督导室意见", plan.officeComment)]),
                .el("h3", [], [.text("工作目标")]), .el("p", [("class", "prewrap")], [.text(plan.goals)]),
                .el("h3", [], [.text("督导重点")]), .el("p", [("class", "prewrap")], [.text(plan.focus)]),
                .el("h3", [], [.text("月度安排")]), .el("p", [("class", "prewrap")], [.text(plan.schedule)]),
                mine && (plan.status == .draft || plan.status == .returned) ? .button(SiteURL.areaPlanNew.path, "修改") : .empty,
            ]),
            scope.areaPlanAccess.canReview(plan) && plan.status == .submitted ? .el("form", [("method", "post"), ("action", SiteURL.areaPlanReview(plan.id!).path), ("class", "card")], [
                .csrf(ctx.csrf),
                .el("h2", [], [.text("审阅")]),
                .field("意见", name: "comment", value: "", hint: "退回时必填"),
                .el("div", [("class", "form-actions")], [
                    .el("button", [("type", "submit"), ("name", "decision"), ("value", "file"), ("class", "btn primary")], [.text("备案")]),
                    .el("button", [("type", "submit"), ("name", "decision"), ("value", "return"), ("class", "btn danger")], [.text("退回修改")]),
                ]),
            ]) : .empty
        )
    }

    static func loadAreaPlan(_ req: Request, scope: Scope) async throws -> AreaPlan {
        try await scope.areaPlanAccess.load(try req.parameters.id(), on: req.db)
    }

    struct ReviewForm: Content {
        var decision: String?
        var comment: String?
    }

    static func review(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let plan = try await loadAreaPlan(req, scope: scope)
        guard scope.areaPlanAccess.canReview(plan) else { throw Abort(.forbidden, reason: "只有督导室可以审阅计划") }
        let f = try req.content.decode(ReviewForm.self)
        let comment = (f.comment ?? "").trimmingCharacters(in: .whitespaces)
        guard plan.status == .submitted else { throw Abort(.badRequest, reason: "该计划不在待备案状态") }
        switch f.decision {
        case "file": plan.status = .filed
        case "return":
            guard !comment.isEmpty else {
                req.flash("退回时请填写意见")
                return req.redirect(to: SiteURL.areaPlan(plan.id!).path)
            }
            plan.status = .returned
        default: throw Abort(.badRequest, reason: "请选择备案或退回")
        }
        plan.officeComment = String(comment.prefix(500))
        plan.reviewedAt = req.now
        try await req.db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(AreaPlan.self, plan.id!), fresh.status == .submitted else {
                throw AlreadyHandled()
            }
            try await plan.save(on: db)
            try await Audit.record(on: db, actor: scope.principal, action: plan.status == .filed ? "file" : "return", entity: "area_plan",
                id: plan.id!, orgPath: plan.orgPath, summary: plan.status == .filed ? "片区工作计划已备案" : "退回片区工作计划：\(comment)")
        }
        req.flash(plan.status == .filed ? "已备案" : "已退回")
        return req.redirect(to: SiteURL.areaPlans.path)
    }

    // MARK: - Visit plans

    static func visitPlans(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let plans = try await scope.visitPlanAccess.readable(VisitPlan.query(on: req.db)).sort(\.$plannedDate, .descending).limit(100).all()
        let schools = try await School.query(on: req.db).filter(\.$id ~~ Set(plans.map(\.schoolID))).all()
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.name) })
        return Layout.page(
            "督导方案", req.pageContext(),
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("督导方案")]),
                .el("div", [("class", "actions")], [.button(SiteURL.visitPlanNew.path, "制定督导方案")]),
            ]),
            .dataTable(["计划日期", "学校", "督导重点"], plans.map { p in
                [.link(SiteURL.visitPlan(p.id!).path, Format.day(p.plannedDate)), .text(nameOf[p.schoolID] ?? ""), .text(String(p.focus.prefix(40)))]
            }, empty: "还没有督导方案")
        )
    }

    struct VisitPlanForm: Content {
        var school: String?
        var date: String?
        var tasks: String?
        var methods: String?
        var focus: String?
    }

    static func visitPlanForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let schoolID = req.query[String.self, at: "school"] ?? ""
        let month = req.today
        return try await visitPlanPage(req, scope: scope, form: VisitPlanForm(school: schoolID, date: month.description, tasks: "",
            methods: "推门听课；查阅教案和作业批改；与教师、学生座谈；校园巡查", focus: MonthlyTheme.theme(for: month) ?? ""), errors: [])
    }

    static func visitPlanPage(_ req: Request, scope: Scope, form: VisitPlanForm, errors: [FieldError]) async throws -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let schools = try await scope.schoolAccess.readable(School.query(on: req.db)).sort(\.$name).all()
        let ctx = req.pageContext()
        var page = Layout.page(
            "制定督导方案", ctx,
            .el("h1", [], [.text("制定督导方案")]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.visitPlans.path), ("class", "card")], [
                .csrf(ctx.csrf),
                .selectField("学校", name: "school", options: schools.map { (String($0.id!), $0.name) }, selected: form.school ?? "", error: err("school"), required: true),
                .field("计划日期", name: "date", value: form.date ?? "", error: err("date"), type: "date", required: true),
                .textareaField("督导任务", name: "tasks", value: form.tasks ?? "", error: err("tasks"), rows: 3),
                .textareaField("督导方式", name: "methods", value: form.methods ?? "", error: err("methods"), rows: 2),
                .textareaField("督导重点", name: "focus", value: form.focus ?? "", error: err("focus"), rows: 3),
                .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存方案")]),
            ]))
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func createVisitPlan(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let f = try req.content.decode(VisitPlanForm.self)
        switch try await buildVisitPlan(f, scope: scope, today: req.today, on: req.db) {
        case .failure(let errors): return try await visitPlanPage(req, scope: scope, form: f, errors: errors).encodeResponse(for: req)
        case .success(let plan):
            try await plan.save(on: req.db)
            req.flash("督导方案已保存，到校时可在手机上打开")
            return req.redirect(to: SiteURL.visitPlan(plan.id!).path)
        }
    }

    static func buildVisitPlan(_ f: VisitPlanForm, scope: Scope, today: Day, on db: any Database) async throws -> Validated<VisitPlan> {
        var errors: [FieldError] = []
        var school: School?
        if let id = f.school.flatMap(Int.init), let s = try await School.find(id, on: db), try await scope.visitAccess.mayRecordVisit(to: s, today: today, on: db) {
            school = s
        } else {
            errors.append(.init("school", "请选择您负责的学校"))
        }
        let day = f.date.flatMap(Day.init(parsing:))
        if day == nil { errors.append(.init("date", "请填写计划日期，如 2026-12-03")) }
        if let e = Validate.required(f.tasks ?? "", field: "督导任务", maxLength: 2000) { errors.append(.init("tasks", e)) }
        if let e = Validate.required(f.methods ?? "", field: "督导方式", maxLength: 1000) { errors.append(.init("methods", e)) }
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

    static func visitPlan(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let plan = try await scope.visitPlanAccess.load(try req.parameters.id(), on: req.db)
        let school = try await School.find(plan.schoolID, on: req.db)
        let mine = scope.visitPlanAccess.isMine(plan)
        return Layout.page(
            "督导方案", req.pageContext(),
            .el("h1", [], [.text("督导方案：\(school?.name ?? "")")]),
            .el("section", [("class", "card")], [
                .facts([("计划日期", Format.day(plan.plannedDate)), ("督导任务", plan.tasks), ("督导方式", plan.methods), ("督导重点", plan.focus)]),
            ]),
            mine ? .button(SiteURL.visitNew.with([("school", String(plan.schoolID)), ("plan", String(plan.id!))]), "按此方案开始督导") : .empty
        )
    }
}
