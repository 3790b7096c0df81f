import DudaoCore
import Fluent
import Vapor

/// 问责: the office decides a measure (from a proposal or on its own), the target answers within the window,
/// the office records the outcome. Thin handlers: rules in `Accountability`, side effects in the workflow.
enum AccountabilityController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await AccountabilityList.query(page: try req.query.page(), scope: scope, on: req.db)
        return AccountabilityListView(ctx: req.pageContext(), model: model).render()
    }

    /// Every decision the account may read, newest first, streamed.
    static func export(req: Request) async throws -> Response {
        let access = try await Scope.of(req).accountabilityAccess
        let db = req.db
        let headers = ["决定日期", "文号", "问责对象", "问责方式", "状态", "申辩截止", "事由"]
        return Download.stream(name: "问责决定", format: ExportFormat(request: req), headers: headers) { before in
            var query = access.readable(AccountabilityDecision.query(on: db))
            if let before { query = query.filter(\.$id < before) }
            let decisions = try await query.sort(\.$id, .descending).limit(Download.pageSize).all()
            let rows = decisions.map { d in
                [
                    d.decidedDay?.description ?? "", d.documentNumber, d.targetName, d.measure.label, d.state.label,
                    d.decidedDay.map(Accountability.appealDeadline)?.description ?? "", d.reason,
                ]
            }
            return ExportPage(rows: rows, lastKey: decisions.last?.id, limit: Download.pageSize)
        }
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let d = try await scope.accountabilityAccess.load(try req.parameters.id(), on: req.db)
        let model = try await AccountabilityDetail.query(d, scope: scope, today: req.today, on: req.db)
        return AccountabilityDetailView(ctx: req.pageContext(), model: model).render()
    }

    static func printable(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let d = try await scope.accountabilityAccess.load(try req.parameters.id(), on: req.db)
        let model = try await AccountabilityDetail.query(d, scope: scope, today: req.today, on: req.db)
        return AccountabilityPrintView(ctx: req.pageContext(), model: model).render()
    }

    static func file(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let f = try await scope.accountabilityAccess.file(
            decisionID: try req.parameters.id(), hash: req.parameters.get("hash"), on: req.db)
        return try await req.attachments.response(for: f)
    }

    // MARK: - The office decides

    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let source = try await AccountabilityWorkflow.source(
            notice: try req.query.bounded("notice", InputBounds.ID.self),
            complaint: try req.query.bounded("complaint", InputBounds.ID.self), scope: scope, on: req.db)
        return AccountabilityFormView(ctx: req.pageContext(), model: .prefilled(source, today: req.today)).render()
    }

    struct DecisionForm: Content {
        var source: String?
        @RecordID var sourceID: Int?
        var target: String?
        var targetName: String?
        var measure: String?
        var reason: String?
        var documentNumber: String?
        var decidedOn: String?

        var input: AccountabilityInput {
            AccountabilityInput(
                target: target ?? "", targetName: targetName ?? "", measure: measure ?? "", reason: reason ?? "",
                documentNumber: documentNumber ?? "", decidedOn: decidedOn ?? "")
        }
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(DecisionForm.self)
        // The source is read again through the office's access: the hidden fields are not trusted.
        let source = try await AccountabilityWorkflow.source(
            notice: form.source == "notice" ? form.sourceID : nil,
            complaint: form.source == "complaint" ? form.sourceID : nil, scope: scope, on: req.db)
        var checked = form.input.check(today: req.today)
        if case .success(let values) = checked,
            try await AccountabilityDecision.query(on: req.db).filter(\.$districtID == source.districtID)
                .filter(\.$documentNumber == values.documentNumber).count() > 0
        {
            // A second tap on 作出决定, or a number already used: the unique index is the last wall.
            checked = .failure([.init("documentNumber", "文号“\(values.documentNumber)”已有问责决定，请核对")])
        }
        switch checked {
        case .failure(let errors):
            let model = AccountabilityForm(source: source, input: form.input, errors: errors)
            return try await AccountabilityFormView(ctx: req.pageContext(), model: model).render().encodeResponse(
                for: req)
        case .success(let values):
            let d = try await AccountabilityWorkflow.decide(
                values, source: source, principal: scope.principal, on: req.db)
            req.flash("已作出问责决定 \(d.documentNumber)，已通知问责对象")
            return req.redirect(to: SiteURL.accountabilityDecision(d.id!).path)
        }
    }

    // MARK: - The target answers

    /// Up to 10 files of 10 MB each (the form says so).
    static let responseLimits = UploadLimits(maxFiles: 10, maxFileBytes: 10 << 20, maxFieldBytes: 64 * 1024)

    struct ResponseForm: Decodable {
        var response: String?
    }

    static func respond(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let access = scope.accountabilityAccess
        let d = try await access.load(try req.parameters.id(), on: req.db)
        // Who may answer, and whether the window is open, is decided before a byte of the upload is read.
        guard access.isTarget(d) else { throw Abort(.forbidden, reason: "只有问责对象可以提出申辩") }
        if let refusal = Accountability.mayRespond(
            state: d.state, notifiedOn: d.decidedDay ?? req.today, today: req.today)
        {
            throw Abort(.unprocessableEntity, reason: refusal.message)
        }
        let upload = try await UploadReader.read(req, limits: responseLimits)
        defer { upload.discard() }
        let typed = try upload.decode(ResponseForm.self).response ?? ""
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if let e = Validate.required(text, field: "申辩理由", maxLength: 5000) { errors.append(.init("response", e)) }
        let evidence = EvidenceUpload.check(upload, field: "files[]")
        errors += evidence.errors
        guard errors.isEmpty else {
            var model = try await AccountabilityDetail.query(
                d, scope: scope, today: req.today, errors: errors, on: req.db)
            model.typed = ["response": typed]
            return try await AccountabilityDetailView(ctx: req.pageContext(), model: model).render()
                .encodeResponse(for: req)
        }
        let stored = try await evidence.store(in: req.attachments)
        try await AccountabilityWorkflow.respond(
            d, text: text, files: stored, principal: scope.principal, today: req.today, now: req.now, on: req.db)
        req.flash("申辩已提交，督导室将作出处理")
        return req.redirect(to: SiteURL.accountabilityDecision(d.id!).path)
    }

    // MARK: - The office concludes

    struct OutcomeForm: Content {
        var outcome: String?
        var measure: String?
        var comment: String?
    }

    static func outcome(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let d = try await scope.accountabilityAccess.load(try req.parameters.id(), on: req.db)
        let form = try req.content.decode(OutcomeForm.self)
        let open = Accountability.outcomesOpen(
            state: d.state, notifiedOn: d.decidedDay ?? req.today, today: req.today)
        let outcome = form.outcome.flatMap(AccountabilityState.init(rawValue:))
        let measure = (form.measure ?? "").isEmpty ? nil : form.measure.flatMap(AccountabilityMeasure.init(rawValue:))
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if let outcome, open.contains(outcome) {
            if outcome != .upheld, comment.isEmpty { errors.append(.init("comment", "变更或撤销须写明理由")) }
            if outcome == .changed, measure == nil || measure?.target != d.target || measure == d.measure {
                errors.append(.init("measure", "请选择变更后的问责方式"))
            }
        } else {
            errors.append(.init("outcome", open.isEmpty ? "该问责决定已处理完毕" : "请选择处理结果"))
        }
        if comment.count > 2000 { errors.append(.init("comment", "理由不能超过2000个字")) }
        guard errors.isEmpty, let outcome else {
            var model = try await AccountabilityDetail.query(
                d, scope: scope, today: req.today, errors: errors, on: req.db)
            model.typed = ["outcome": form.outcome ?? "", "measure": form.measure ?? "", "comment": form.comment ?? ""]
            return try await AccountabilityDetailView(ctx: req.pageContext(), model: model).render()
                .encodeResponse(for: req)
        }
        try await AccountabilityWorkflow.conclude(
            d, outcome: outcome, measure: measure, comment: comment, principal: scope.principal, on: req.db)
        req.flash("已记录处理结果：\(outcome.label)")
        return req.redirect(to: SiteURL.accountabilityDecision(d.id!).path)
    }
}
