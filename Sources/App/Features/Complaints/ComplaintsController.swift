import DudaoCore
import Fluent
import Vapor

/// 举报投诉: public intake with a tracking code, phone complaints logged by the office, routing to the
/// school's responsible inspector, handling 受理 → 核实 → 处理 → 回复 → 办结 against working-day limits.
enum ComplaintsController {
    /// Online complaints accepted from one address per hour.
    static let perAddressPerHour = 5

    // MARK: - Public intake

    struct PublicForm: Content {
        @RecordID var district: Int?
        var school: String?
        var category: String?
        var content: String?
        var name: String?
        var phone: String?
        var anonymous: String?
        var submission: String?

        var input: ComplaintIntake.Input {
            .init(
                school: school, category: category, content: content, name: name, phone: phone,
                anonymous: anonymous == "on")
        }
    }

    static let uploadLimits = UploadLimits(
        maxFiles: ComplaintForm.maxFiles, maxFileBytes: ComplaintForm.maxFileBytes, maxFieldBytes: 64 * 1024)

    static func publicForm(req: Request) async throws -> Page {
        let district = try await publicDistrict(try req.query.bounded("district", InputBounds.ID.self), on: req.db)
        let values = ComplaintIntake.Input(school: req.query[String.self, at: "school"])
        let model = try await ComplaintForm.query(
            district: district, values: values, errors: [], submission: UUID().uuidString, on: req.db)
        return ComplaintFormView(ctx: req.pageContext(), model: model).render()
    }

    /// The receipt after a public complaint (post/redirect/get: reloading it files nothing).
    static func receipt(req: Request) async throws -> Response {
        let code = String((req.query[String.self, at: "code"] ?? "").prefix(40))
        // Without a code there is nothing to show but the way to look one up.
        guard !code.isEmpty else { return req.redirect(to: SiteURL.publicComplaintTrack.path) }
        guard let c = try await Complaint.query(on: req.db).filter(\.$trackingCode == code).first() else {
            throw Abort(.notFound, reason: "未找到该查询码")
        }
        let limits = try await DistrictSettings.forDistrict(c.districtID, on: req.db).complaintTimeLimits
        return try await ComplaintReceiptView(
            ctx: req.pageContext(), model: ComplaintReceipt(trackingCode: c.trackingCode, limits: limits)
        ).render().encodeResponse(for: req)
    }

    /// The complaint already filed with this form's one-time token, if any.
    static func alreadyFiled(_ token: String?, on db: any Database) async throws -> Complaint? {
        guard let token, !token.isEmpty, token.count <= 64 else { return nil }
        return try await Complaint.query(on: db).filter(\.$submissionToken == token).first()
    }

    static func publicDistrict(_ id: Int?, on db: any Database) async throws -> OrgUnit {
        if let id, let d = try await OrgUnit.find(id, on: db), d.level == .district { return d }
        guard let d = try await OrgUnit.query(on: db).filter(\.$level == .district).sort(\.$id).first() else {
            throw Abort(.notFound, reason: "暂未开通")
        }
        return d
    }

    /// The school a complaint form asks about, when it is one of the district's.
    static func districtSchool(_ input: ComplaintIntake.Input, district: OrgUnit, on db: any Database) async throws
        -> School?
    {
        guard let id = ComplaintIntake.requestedSchoolID(input), let s = try await School.find(id, on: db),
            s.districtID == district.id
        else { return nil }
        return s
    }

    static func publicSubmit(req: Request) async throws -> Response {
        let ip = req.clientAddress
        let recent = try await Complaint.query(on: req.db).filter(\.$sourceIP == ip).filter(
            \.$createdAt >= req.now.addingTimeInterval(-3600)
        )
        .count()
        if recent >= perAddressPerHour {
            throw Abort(.tooManyRequests, reason: "提交过于频繁，请一小时后再试，或拨打举报投诉电话")
        }
        let upload = try await UploadReader.read(req, limits: uploadLimits)
        defer { upload.discard() }
        let form = try upload.decode(PublicForm.self)
        // The same form sent again (a refresh of the old page, a double tap) shows the first one's receipt.
        if let filed = try await alreadyFiled(form.submission, on: req.db) { return receiptRedirect(req, filed) }
        let district = try await publicDistrict(form.district, on: req.db)
        let school = try await districtSchool(form.input, district: district, on: req.db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        let intake = ComplaintIntake.online(
            form.input, categories: settings.complaintCategoryList,
            districtSchoolIDs: Set([school?.id].compactMap { $0 }), today: req.today)
        let evidence = EvidenceUpload.check(upload, field: "files[]")
        guard case .success(let checked) = intake, evidence.errors.isEmpty else {
            var errors = intake.errors + evidence.errors
            // A browser cannot put a file back into a file field: say so, rather than drop it in silence.
            if evidence.errors.isEmpty, !evidence.accepted.isEmpty {
                errors.append(.init("files", "您选择的\(evidence.accepted.count)个附件还没有保存，请改正上面的内容后重新选择附件再提交"))
            }
            let model = try await ComplaintForm.query(
                district: district, values: form.input, errors: errors,
                submission: form.submission.flatMap { $0.count <= 64 ? $0 : nil } ?? UUID().uuidString, on: req.db)
            return try await ComplaintFormView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        let stored = try await evidence.store(in: req.attachments)
        let token = form.submission.flatMap { $0.isEmpty || $0.count > 64 ? nil : $0 }
        do {
            let c = try await ComplaintWorkflow.create(
                checked, district: district, school: school, files: stored, recordedBy: nil, ip: ip, now: req.now,
                submission: token, on: req.db)
            return receiptRedirect(req, c)
        } catch {
            // Two taps at once: the unique token lets one through; the other shows its receipt.
            if let filed = try await alreadyFiled(token, on: req.db) { return receiptRedirect(req, filed) }
            throw error
        }
    }

    static func receiptRedirect(_ req: Request, _ c: Complaint) -> Response {
        req.redirect(to: SiteURL.publicComplaintReceipt.with([("code", c.trackingCode)]))
    }

    // MARK: - Public tracking: status and reply for a code, nothing else

    static func track(req: Request) async throws -> Page {
        let model = try await ComplaintTracking.query(code: req.query[String.self, at: "code"] ?? "", on: req.db)
        return ComplaintTrackingView(ctx: req.pageContext(), model: model).render()
    }

    // MARK: - Office and inspectors

    static func list(req: Request) async throws -> Page {
        let filter = ComplaintList.Filter(
            state: req.query[String.self, at: "state"] ?? "open", page: try req.query.page())
        let scope = try await Scope.of(req)
        let db = req.db
        // Inspectors see only their own complaints, without the per-inspector table.
        let figures =
            scope.principal.role == .inspector
            ? nil
            : try await req.application.figuresCaches.complaintFigures.value(
                for: FiguresCaches.ScopeKey(role: scope.principal.role, orgPath: scope.principal.orgPath), now: req.now
            ) { try await ComplaintList.inspectorFigures(scope: scope, on: db) }
        let model = try await ComplaintList.query(
            filter, scope: scope, today: req.today, figures: figures?.value ?? [], countedAt: figures?.countedAt,
            totals: req.listTotals, on: req.db)
        return ComplaintListView(ctx: req.pageContext(), model: model).render()
    }

    /// Every complaint of the tab, streamed; the complainant's identity stays out, as on the list.
    static func export(req: Request) async throws -> Response {
        let filter = ComplaintList.Filter(state: req.query[String.self, at: "state"] ?? "open")
        let scope = try await Scope.of(req)
        let (db, today) = (req.db, req.today)
        let headers = ["受理编号", "学校", "类别", "状态", "办理期限", "是否超时", "督办"]
        return Download.stream(name: "举报投诉", format: ExportFormat(request: req), headers: headers) { before in
            var query = ComplaintList.filtered(filter, scope: scope, today: today, on: db)
            if let before { query = query.filter(\.$id < before) }
            let complaints = try await query.sort(\.$id, .descending).limit(Download.pageSize)
                .rows(ComplaintList.Listed.self, columns: ComplaintList.Listed.columns)
            let names = try await DirectoryQueries.schoolNames(of: complaints.compactMap(\.schoolId), on: db)
            let rows = complaints.map { ComplaintList.row($0, names: names, today: today) }.map { r in
                [
                    r.trackingCode, r.school ?? "全区", r.category, r.state.label, r.deadline?.description ?? "",
                    r.overdue ? "超时" : "", r.escalation?.label ?? "",
                ]
            }
            return ExportPage(rows: rows, lastKey: complaints.last?.id, limit: Download.pageSize)
        }
    }

    struct PhoneForm: Content {
        var school: String?
        var category: String?
        var content: String?
        var name: String?
        var phone: String?
        var receivedAt: String?
        var receivedTime: String?

        var input: ComplaintIntake.Input {
            .init(
                school: school, category: category, content: content, name: name, phone: phone, receivedAt: receivedAt,
                receivedTime: receivedTime)
        }
    }

    static func phoneForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let model = try await PhoneLog.query(
            values: .init(receivedAt: req.today.description), errors: [], scope: scope, on: req.db)
        return PhoneLogView(ctx: req.pageContext(), model: model).render()
    }

    static func phoneCreate(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(PhoneForm.self)
        let district = try await scope.district(on: req.db)
        let school = try await districtSchool(form.input, district: district, on: req.db)
        let categories = try await DistrictSettings.forDistrict(district.id!, on: req.db).complaintCategoryList
        switch ComplaintIntake.phone(
            form.input, recorder: scope.principal.displayName, categories: categories,
            districtSchoolIDs: Set([school?.id].compactMap { $0 }),
            today: req.today)
        {
        case .failure(let errors):
            let model = try await PhoneLog.query(values: form.input, errors: errors, scope: scope, on: req.db)
            return try await PhoneLogView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .success(let intake):
            let c = try await ComplaintWorkflow.create(
                intake, district: district, school: school, files: [], recordedBy: scope.principal.userID, ip: "phone",
                now: req.now, on: req.db)
            req.flash("已登记，查询码 \(c.trackingCode)（可告知来电人）")
            return req.redirect(to: SiteURL.complaint(c.id!).path)
        }
    }

    static func load(_ req: Request, scope: Scope) async throws -> Complaint {
        try await scope.complaintAccess.load(try req.parameters.id(), on: req.db)
    }

    /// An attachment of a complaint: the office only (it may identify the complainant).
    static func file(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let f = try await scope.complaintAccess.attachment(
            complaintID: try req.parameters.id(), hash: req.parameters.get("hash"), on: req.db)
        return try await req.attachments.response(for: f)
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let c = try await load(req, scope: scope)
        let model = try await ComplaintDetail.query(c, scope: scope, on: req.db)
        return ComplaintDetailView(ctx: req.pageContext(), model: model).render()
    }

    struct ActForm: Content {
        var action: String?
        var comment: String?
        var reply: String?
    }

    static func act(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let c = try await load(req, scope: scope)
        guard scope.complaintAccess.mayAct else { throw Abort(.forbidden, reason: "只有承办督学和督导室可以办理投诉") }
        let form = try req.content.decode(ActForm.self)
        guard let action = form.action.flatMap(ComplaintAction.init(rawValue:)) else {
            throw Abort(.badRequest, reason: "无效的操作")
        }
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = ComplaintWorkflow.check(action, reply: form.reply, comment: comment)
        if !errors.isEmpty {
            // The page again with the reply and comment as typed, and why (nothing lost).
            var model = try await ComplaintDetail.query(c, scope: scope, on: req.db)
            model.errors = errors
            model.typedReply = form.reply
            model.typedComment = form.comment ?? ""
            return try await ComplaintDetailView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        if let message = try await ComplaintWorkflow.apply(
            action, to: c, reply: form.reply, comment: comment, principal: scope.principal, today: req.today, on: req.db
        ) {
            req.flash(message)
        } else {
            req.flash("已\(action.label)")
        }
        return req.redirect(to: SiteURL.complaint(c.id!).path)
    }

    struct AssignForm: Content { var inspector: Int? }

    static func assign(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let c = try await load(req, scope: scope)
        guard scope.complaintAccess.mayAssign(c) else { throw Abort(.forbidden, reason: "只有督导室可以改派") }
        let form = try req.content.decode(AssignForm.self)
        guard let id = form.inspector, let i = try await Inspector.find(id, on: req.db), i.districtID == c.districtID,
            i.status == .active
        else {
            req.flash("请选择本区在岗督学")
            return req.redirect(to: SiteURL.complaint(c.id!).path)
        }
        try await ComplaintWorkflow.assign(c, to: i, principal: scope.principal, on: req.db)
        req.flash("已改派给 \(i.name)")
        return req.redirect(to: SiteURL.complaint(c.id!).path)
    }

    /// Turns a verified complaint into a problem of the school, so it can be rectified like any other.
    static func makeProblem(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let c = try await load(req, scope: scope)
        try await ComplaintWorkflow.makeProblem(c, principal: scope.principal, on: req.db)
        req.flash("已转为学校问题，可下达整改通知")
        return req.redirect(to: SiteURL.complaint(c.id!).path)
    }
}
