import DudaoCore
import Fluent
import Vapor

/// 学期片区督导工作计划 (filed with the office) and 督导方案 (before each visit).
enum PlansController {
    // MARK: - Area plans

    static func areaPlans(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await AreaPlanList.query(scope: scope, today: req.today, on: req.db)
        return AreaPlanListView(ctx: req.pageContext(), model: model).render()
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
        let model = try await AreaPlanEditor.query(scope: scope, today: req.today, on: req.db)
        return AreaPlanEditorView(ctx: req.pageContext(), model: model).render()
    }

    static func saveAreaPlan(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        guard let me = scope.principal.inspectorID, let inspector = try await Inspector.find(me, on: req.db) else {
            throw Abort(.forbidden, reason: "该账号未关联督学")
        }
        let f = try req.content.decode(AreaPlanForm.self)
        guard let semester = f.semester.flatMap(Semester.init(code:)) else { throw Abort(.badRequest, reason: "学期无效") }
        let submitting = f.action == "submit"
        let plan =
            try await AreaPlan.query(on: req.db).filter(\.$inspectorID == me).filter(\.$semester == semester.code)
            .first() ?? AreaPlan()
        let errors = checkAreaPlan(f, submitting: submitting, saved: plan)
        guard errors.isEmpty else {
            let saved = plan.id == nil ? nil : plan
            let model = AreaPlanEditor(
                semester: semester, status: saved?.status, officeComment: saved?.officeComment ?? "",
                form: .init(goals: f.goals ?? "", focus: f.focus ?? "", schedule: f.schedule ?? ""), errors: errors)
            return try await AreaPlanEditorView(ctx: req.pageContext(), model: model).render().refused(for: req)
        }
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
            try await Audit.record(
                on: db, actor: scope.principal, action: submitting ? "submit" : "update", entity: "area_plan",
                id: plan.id!,
                orgPath: plan.orgPath, summary: (submitting ? "提交" : "保存") + semester.label + "片区工作计划")
        }
        req.flash(submitting ? "已提交督导室备案" : "草稿已保存")
        return req.redirect(to: SiteURL.areaPlan(plan.id!).path)
    }

    /// A plan to submit needs every part; a draft only keeps to the lengths. A submitted or filed plan is not changed.
    static func checkAreaPlan(_ f: AreaPlanForm, submitting: Bool, saved plan: AreaPlan) -> [FieldError] {
        var errors: [FieldError] = []
        for (field, name, text) in [
            ("goals", "工作目标", f.goals), ("focus", "督导重点", f.focus), ("schedule", "月度安排", f.schedule),
        ] {
            if submitting, let e = Validate.required(text ?? "", field: name, maxLength: 5000) {
                errors.append(.init(field, e))
            } else if let e = Validate.optional(text ?? "", field: name, maxLength: 5000) {
                errors.append(.init(field, e))
            }
        }
        if plan.id != nil, plan.status == .filed || plan.status == .submitted {
            errors.append(.init("goals", plan.status == .filed ? "计划已备案，不能再修改" : "计划已提交，等待督导室审阅"))
        }
        return errors
    }

    static func areaPlan(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let plan = try await scope.areaPlanAccess.load(try req.parameters.id(), on: req.db)
        let model = try await AreaPlanDetail.query(plan, scope: scope, on: req.db)
        return AreaPlanDetailView(ctx: req.pageContext(), model: model).render()
    }

    struct ReviewForm: Content {
        var decision: String?
        var comment: String?
    }

    static let reviewCommentLimit = 500

    static func review(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let plan = try await scope.areaPlanAccess.load(try req.parameters.id(), on: req.db)
        guard scope.areaPlanAccess.canReview(plan) else { throw Abort(.forbidden, reason: "只有督导室可以审阅计划") }
        let f = try req.content.decode(ReviewForm.self)
        let comment = (f.comment ?? "").trimmingCharacters(in: .whitespaces)
        guard plan.status == .submitted else { throw Abort(.badRequest, reason: "该计划不在待备案状态") }
        let refusal =
            f.decision == "return"
            ? Validate.required(comment, field: "退回意见", maxLength: reviewCommentLimit)
            : Validate.optional(comment, field: "意见", maxLength: reviewCommentLimit)
        if let refusal {
            // The page again with the comment as typed (nothing lost, nothing cut).
            var model = try await AreaPlanDetail.query(plan, scope: scope, on: req.db)
            model.errors = [.init("comment", refusal)]
            model.typedComment = f.comment ?? ""
            return try await AreaPlanDetailView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        switch f.decision {
        case "file": plan.status = .filed
        case "return": plan.status = .returned
        default: throw Abort(.badRequest, reason: "请选择备案或退回")
        }
        plan.officeComment = comment
        plan.reviewedAt = req.now
        try await req.db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(AreaPlan.self, plan.id!), fresh.status == .submitted else {
                throw AlreadyHandled()
            }
            try await plan.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: plan.status == .filed ? "file" : "return", entity: "area_plan",
                id: plan.id!, orgPath: plan.orgPath,
                summary: plan.status == .filed ? "片区工作计划已备案" : "退回片区工作计划：\(comment)")
        }
        req.flash(plan.status == .filed ? "已备案" : "已退回")
        return req.redirect(to: SiteURL.areaPlans.path)
    }

    // MARK: - Visit plans

    static func visitPlans(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await VisitPlanList.query(scope: scope, on: req.db)
        return VisitPlanListView(ctx: req.pageContext(), model: model).render()
    }

    static func visitPlanForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let today = req.today
        let form = VisitPlanEditor.Form(
            school: req.query[String.self, at: "school"] ?? "", date: today.description, tasks: "",
            methods: VisitPlanEditor.defaultMethods,
            focus: try await ThemeMonth.theme(districtID: scope.district(on: req.db).id!, on: today, db: req.db) ?? "")
        let model = try await VisitPlanEditor.query(form, scope: scope, on: req.db)
        return VisitPlanEditorView(ctx: req.pageContext(), model: model).render()
    }

    static func createVisitPlan(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let f = try req.content.decode(VisitRecords.VisitPlanForm.self)
        switch try await VisitRecords.buildVisitPlan(f, scope: scope, today: req.today, on: req.db) {
        case .failure(let errors):
            let model = try await VisitPlanEditor.query(.init(f), errors: errors, scope: scope, on: req.db)
            return try await VisitPlanEditorView(ctx: req.pageContext(), model: model).render().refused(for: req)
        case .success(let plan):
            try await plan.save(on: req.db)
            req.flash("督导方案已保存，到校时可在手机上打开")
            return req.redirect(to: SiteURL.visitPlan(plan.id!).path)
        }
    }

    static func visitPlan(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let plan = try await scope.visitPlanAccess.load(try req.parameters.id(), on: req.db)
        let model = try await VisitPlanDetail.query(plan, scope: scope, on: req.db)
        return VisitPlanDetailView(ctx: req.pageContext(), model: model).render()
    }
}
