import DudaoCore
import Fluent
import Vapor

/// 督导记录: draft on a phone section by section (each saved on the server at once), submit to lock,
/// amend with a reason afterwards.
enum VisitsController {
    // MARK: - Reading

    static func list(req: Request) async throws -> Page {
        let filter = try req.query.decode(VisitList.Filter.self)
        let scope = try await Scope.of(req)
        let model = try await VisitList.query(filter, scope: scope, totals: req.listTotals, on: req.db)
        return VisitListView(ctx: req.pageContext(), model: model).render()
    }

    /// Every visit of the list's filter, newest first, streamed.
    static func export(req: Request) async throws -> Response {
        let filter = try req.query.decode(VisitList.Filter.self)
        let scope = try await Scope.of(req)
        let db = req.db
        let headers = ["编号", "督导日期", "学校", "记录人", "类型", "主题", "状态"]
        return Download.stream(name: "督导记录", format: ExportFormat(request: req), headers: headers) { before in
            var query = VisitList.filtered(filter, scope: scope, on: db)
            if let before { query = query.filter(\.$id < before) }
            let visits = try await query.sort(\.$id, .descending).limit(Download.pageSize)
                .rows(VisitList.Listed.self, columns: VisitList.Listed.columns)
            let rows = try await VisitList.rows(visits, on: db).map { r in
                [String(r.id), r.date, r.school, r.inspector, r.kind.label, r.theme, r.isDraft ? "草稿" : "已提交"]
            }
            return ExportPage(rows: rows, lastKey: visits.last?.id, limit: Download.pageSize)
        }
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let visit = try await scope.visitAccess.load(try req.parameters.id(), on: req.db)
        let model = try await VisitDetail.query(visit, scope: scope, on: req.db)
        return VisitDetailView(ctx: req.pageContext(), model: model).render()
    }

    static func printable(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let visit = try await scope.visitAccess.load(try req.parameters.id(), on: req.db)
        let model = try await VisitPrint.query(visit, scope: scope, on: req.db)
        return VisitPrintView(ctx: req.pageContext(), model: model).render()
    }

    static func photo(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let p = try await scope.visitAccess.photo(
            visitID: try req.parameters.id(), photoID: try req.parameters.id("pid"), on: req.db)
        guard let data = try await req.attachments.get(p.hash) else { throw Abort(.notFound, reason: "照片不存在") }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: p.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    // MARK: - Starting a visit

    /// Without `?school=`: the schools to choose from; with it: the new-visit form for that school.
    static func newForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        guard let schoolID = try req.query.bounded("school", InputBounds.ID.self) else {
            let search = String((req.query[String.self, at: "q"] ?? "").prefix(50))
            let model = try await PickSchool.query(scope: scope, search: search, on: req.db)
            return PickSchoolView(ctx: req.pageContext(), model: model).render()
        }
        let school = try await VisitRecords.writableSchool(schoolID, scope: scope, today: req.today, on: req.db)
        let form = NewVisit.Form(
            date: req.today.description, kind: VisitKind.routine.rawValue,
            plan: req.query[String.self, at: "plan"] ?? "")
        return try await newPage(req, scope: scope, school: school, form: form, errors: [])
    }

    /// The new-visit page, with status 422 when it shows errors.
    static func newPage(_ req: Request, scope: Scope, school: School, form: NewVisit.Form, errors: [FieldError])
        async throws -> Page
    {
        let model = try await NewVisit.query(
            school: school, form: form, errors: errors, scope: scope, today: req.today, on: req.db)
        var page = NewVisitView(ctx: req.pageContext(), model: model).render()
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(VisitRecords.BasicForm.self)
        let school = try await VisitRecords.writableSchool(form.school, scope: scope, today: req.today, on: req.db)
        switch try await VisitRecords.createDraft(form, school: school, scope: scope, today: req.today, on: req.db) {
        case .failure(let errors):
            return try await newPage(req, scope: scope, school: school, form: NewVisit.Form(form), errors: errors)
                .encodeResponse(for: req)
        case .success(let visit):
            req.flash("已建立督导记录草稿，各部分填写后随时保存，离开页面不会丢失")
            return req.redirect(to: SiteURL.visit(visit.id!).path)
        }
    }

    // MARK: - Editing a draft, section by section

    static func draft(_ req: Request, scope: Scope) async throws -> Visit {
        try await scope.visitAccess.draft(try req.parameters.id(), on: req.db)
    }

    /// Re-renders the visit page with the errors of one section's form (status 422), keeping everything saved.
    static func sectionError(
        _ req: Request, scope: Scope, visit: Visit, section: String, errors: [FieldError],
        typed: [String: String] = [:], lists: [String: [String]] = [:]
    ) async throws -> Response {
        let failure = VisitDetail.Failure(section: section, errors: errors, values: typed, lists: lists)
        let model = try await VisitDetail.query(visit, scope: scope, failure: failure, on: req.db)
        var page = VisitDetailView(ctx: req.pageContext(), model: model).render()
        page.status = 422
        return try await page.encodeResponse(for: req)
    }

    /// The outcome of one section's form: its errors re-render the page, a built record is saved and the page
    /// returns to the section with `saved`'s message.
    static func saveSection<Record: Model>(
        _ req: Request, scope: Scope, visit: Visit, section: String, typed: [String: String],
        _ built: Validated<Record>, saved: (Record) -> String
    ) async throws -> Response {
        switch built {
        case .failure(let errors):
            return try await sectionError(
                req, scope: scope, visit: visit, section: section, errors: errors, typed: typed)
        case .success(let record):
            try await record.save(on: req.db)
            return back(req, visit, section, saved(record))
        }
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
        let form = try req.content.decode(VisitRecords.BasicForm.self)
        let (day, kind, errors) = VisitRecords.validateBasics(form, partial: true, today: req.today)
        let typed = [
            "date": form.date ?? v.visitDate, "kind": form.kind ?? v.kind.rawValue,
            "start": form.start ?? v.startTime,
            "end": form.end ?? v.endTime, "theme": form.theme ?? v.theme, "summary": form.summary ?? v.summary,
            "highlights": form.highlights ?? v.highlights, "plan": form.plan ?? v.visitPlanID.map(String.init) ?? "",
        ]
        if !errors.isEmpty {
            if req.headers.first(name: "X-Autosave") != nil { return Response(status: .unprocessableEntity) }
            return try await sectionError(
                req, scope: scope, visit: v, section: "basic", errors: errors, typed: typed)
        }
        // A 督导方案 may be linked, changed or unlinked until the visit is submitted (the lead's own, for this school).
        if let plan = form.plan, v.inspectorID != nil {
            if plan.isEmpty {
                v.visitPlanID = nil
            } else if let pid = Int(plan), let p = try await VisitPlan.find(pid, on: req.db),
                p.inspectorID == v.inspectorID, p.schoolID == v.schoolID
            {
                v.visitPlanID = pid
            } else {
                let refused = [FieldError("plan", "所选督导方案不存在")]
                if req.headers.first(name: "X-Autosave") != nil { return Response(status: .unprocessableEntity) }
                return try await sectionError(
                    req, scope: scope, visit: v, section: "basic", errors: refused, typed: typed)
            }
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

        /// As typed, by field name.
        var typed: [String: String] {
            var out = [
                "kind": kind ?? "", "className": className ?? "", "subject": subject ?? "", "teacher": teacher ?? "",
                "topic": topic ?? "", "comment": comment ?? "",
            ]
            for (name, value) in scores ?? [:] { out["scores[\(name)]"] = value }
            return out
        }
    }

    static func addObservation(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let school = try await School.find(v.schoolID, on: req.db)
        let settings = try await DistrictSettings.forDistrict(school?.districtID ?? 0, on: req.db)
        let f = try req.content.decode(ObservationForm.self)
        let type = school?.type ?? .primary
        let built = VisitSections.observation(
            f, profile: type.visitProfile, rubric: settings.rubric(for: type), visitID: v.id!)
        return try await saveSection(req, scope: scope, visit: v, section: "observations", typed: f.typed, built) {
            "已添加\($0.kind.label)记录"
        }
    }

    struct InterviewForm: Content {
        var group: String?
        var people: String?
        var notes: String?
        var internalOnly: String?

        var typed: [String: String] {
            ["group": group ?? "", "people": people ?? "", "notes": notes ?? "", "internalOnly": internalOnly ?? ""]
        }
    }

    static func addInterview(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let f = try req.content.decode(InterviewForm.self)
        let type = try await School.find(v.schoolID, on: req.db)?.type ?? .primary
        let built = VisitSections.interview(f, profile: type.visitProfile, visitID: v.id!)
        return try await saveSection(req, scope: scope, visit: v, section: "interviews", typed: f.typed, built) { _ in
            "已添加访谈记录"
        }
    }

    struct ProblemForm: Content {
        var category: String?
        var severity: String?
        var disposition: String?
        var description: String?

        var typed: [String: String] {
            [
                "category": category ?? "", "severity": severity ?? "", "disposition": disposition ?? "",
                "description": description ?? "",
            ]
        }
    }

    static func addProblem(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let school = try await School.find(v.schoolID, on: req.db)
        let settings = try await DistrictSettings.forDistrict(school?.districtID ?? 0, on: req.db)
        let f = try req.content.decode(ProblemForm.self)
        let followUpBy = try await VisitRecords.followUpInspector(v, on: req.db)
        let built = VisitSections.problem(f, categories: settings.categories, visit: v, followUpBy: followUpBy)
        return try await saveSection(req, scope: scope, visit: v, section: "problems", typed: f.typed, built) { _ in
            "已记录问题"
        }
    }

    struct FindingForm: Content {
        var message: String?
        var decision: String?
        var reason: String?
    }

    /// One failed check answered: recorded as a problem (one tap) or dismissed with a reason.
    static func answerFinding(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let f = try req.content.decode(FindingForm.self)
        let loaded = try await VisitRecords.load(v, on: req.db)
        guard let finding = VisitSections.pendingFindings(loaded).first(where: { $0.message == f.message }) else {
            return back(req, v, "checks", "该项已处理")
        }
        switch f.decision {
        case "record":
            let settings = try await DistrictSettings.forDistrict(loaded.school.districtID, on: req.db)
            let form = VisitSections.problemForm(for: finding, categories: settings.categories)
            let followUpBy = try await VisitRecords.followUpInspector(v, on: req.db)
            switch VisitSections.problem(form, categories: settings.categories, visit: v, followUpBy: followUpBy) {
            case .failure(let errors):
                return try await sectionError(
                    req, scope: scope, visit: v, section: "findings",
                    errors: [.init("findings", errors.first?.message ?? "无法记为问题")])
            case .success(let p):
                try await p.save(on: req.db)
                return back(req, v, "problems", "已记为问题：\(finding.item)")
            }
        case "dismiss":
            let reason = (f.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if let e = Validate.required(reason, field: "不作为问题的理由", maxLength: 200) {
                return try await sectionError(
                    req, scope: scope, visit: v, section: "findings", errors: [.init("reason", e)],
                    typed: ["reason": f.reason ?? "", "message": f.message ?? ""])
            }
            var checks = v.checkRecord
            checks.dismissed = (checks.dismissed ?? [:]).merging([finding.message: reason]) { _, new in new }
            v.checkRecord = checks
            try await v.save(on: req.db)
            return back(req, v, "checks", "已说明不作为问题的理由")
        default:
            return try await sectionError(
                req, scope: scope, visit: v, section: "findings", errors: [.init("findings", "请选择记为问题或不作为问题")])
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
        // A kindergarten's checks.
        var kgHomework: String?
        var kgPrimaryContent: String?
        var kgCare: String?
        var kgFood: String?
        var kgSafety: String?
        var kgChildren: String?
        var kgStaff: String?
        var kgQualified: String?
        var kgFees: String?

        var typed: [String: String] {
            let pairs: [(String, String?)] = [
                ("documentNotes", documentNotes), ("band", band), ("homeworkMinutes", homeworkMinutes),
                ("sleepHours", sleepHours), ("firstLesson", firstLesson), ("peLessons", peLessons), ("phones", phones),
                ("reading", reading), ("exercise", exercise), ("afterSchool", afterSchool), ("kgHomework", kgHomework),
                ("kgPrimaryContent", kgPrimaryContent), ("kgCare", kgCare), ("kgFood", kgFood), ("kgSafety", kgSafety),
                ("kgChildren", kgChildren), ("kgStaff", kgStaff), ("kgQualified", kgQualified), ("kgFees", kgFees),
            ]
            return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, $0.1 ?? "") })
        }
    }

    static func saveChecks(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let f = try req.content.decode(ChecksForm.self)
        let school = try await School.find(v.schoolID, on: req.db)
        let settings = try await DistrictSettings.forDistrict(school?.districtID ?? 0, on: req.db)
        let type = school?.type ?? .primary
        switch VisitSections.checks(f, profile: type.visitProfile, documents: settings.documents(for: type)) {
        case .failure(let errors):
            return try await sectionError(
                req, scope: scope, visit: v, section: "checks", errors: errors, typed: f.typed,
                lists: ["documents[]": f.documents ?? []])
        case .success(var checks):
            // Reasons given for dismissed findings stay with the record when the checks are saved again.
            checks.dismissed = v.checkRecord.dismissed
            v.checkRecord = checks
            try await v.save(on: req.db)
            return back(req, v, "checks", "已保存查阅资料和五项管理检查")
        }
    }

    struct PhotoForm: Content {
        var caption: String?
        /// What the photo shows (`PhotoSubject.formValue`).
        var about: String?
    }

    static let photoLimits = UploadLimits(
        maxFiles: 1, maxFileBytes: VisitSections.maxPhotoBytes, maxFieldBytes: 16 * 1024)

    static func addPhoto(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let upload = try await UploadReader.read(req, limits: photoLimits)
        defer { upload.discard() }
        let f = try upload.decode(PhotoForm.self)
        if !upload.errors.isEmpty {
            return try await sectionError(
                req, scope: scope, visit: v, section: "photos",
                errors: upload.errors.map { .init("photo", $0.message) }, typed: ["caption": f.caption ?? ""])
        }
        guard let file = upload.files(named: "photo").first, file.size > 0 else {
            return try await sectionError(
                req, scope: scope, visit: v, section: "photos", errors: [.init("photo", "请选择照片")],
                typed: ["caption": f.caption ?? ""])
        }
        switch VisitSections.photo(head: file.head, size: file.size, caption: f.caption ?? "") {
        case .failure(let errors):
            return try await sectionError(
                req, scope: scope, visit: v, section: "photos", errors: errors, typed: ["caption": f.caption ?? ""])
        case .success(let (kind, caption)):
            // The problem or observation it shows must be one of this visit's.
            guard let subject = PhotoSubject(formValue: f.about ?? ""),
                try await belongs(subject, to: v.id!, on: req.db)
            else {
                return try await sectionError(
                    req, scope: scope, visit: v, section: "photos", errors: [.init("about", "请重新选择照片拍的是什么")],
                    typed: ["caption": f.caption ?? ""])
            }
            let p = VisitPhoto()
            p.visitID = v.id!
            p.problemID = subject.problemID
            p.observationID = subject.observationID
            p.hash = try await req.attachments.keep(file)
            p.contentType = kind.rawValue
            p.caption = caption
            try await p.save(on: req.db)
            return back(req, v, "photos", "照片已上传")
        }
    }

    /// Whether a photo's subject is part of the visit.
    static func belongs(_ subject: PhotoSubject, to visitID: Int, on db: any Database) async throws -> Bool {
        switch subject {
        case .visit: return true
        case .problem(let id):
            return try await Problem.query(on: db).filter(\.$id == id).filter(\.$visitID == visitID).count() == 1
        case .observation(let id):
            return try await ClassObservation.query(on: db).filter(\.$id == id).filter(\.$visitID == visitID).count()
                == 1
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
        case "observation":
            try await ClassObservation.query(on: req.db).filter(\.$id == f.item).filter(\.$visitID == id).delete()
            // Its photos stay, as photos of the visit.
            try await VisitPhoto.query(on: req.db).filter(\.$visitID == id).filter(\.$observationID == f.item)
                .set(\.$observationID, to: nil).update()
        case "interview":
            try await Interview.query(on: req.db).filter(\.$id == f.item).filter(\.$visitID == id).delete()
        case "problem":
            try await Problem.query(on: req.db).filter(\.$id == f.item).filter(\.$visitID == id).delete()
            try await VisitPhoto.query(on: req.db).filter(\.$visitID == id).filter(\.$problemID == f.item)
                .set(\.$problemID, to: nil).update()
        case "photo": try await VisitPhoto.query(on: req.db).filter(\.$id == f.item).filter(\.$visitID == id).delete()
        default: throw Abort(.badRequest, reason: "无法删除该项")
        }
        return back(req, v, f.kind + "s", "已删除")
    }

    /// Deletes a draft with everything recorded in it (a stray draft, a visit that did not happen); audited with
    /// what it said. A submitted record is never deleted, only corrected.
    static func deleteDraft(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let id = v.id!
        let snapshot = v.snapshot
        let principal = scope.principal
        try await req.db.writeTransaction { db in
            guard let fresh = try await db.lockedFind(Visit.self, id), fresh.isDraft else { throw AlreadyHandled() }
            try await ClassObservation.query(on: db).filter(\.$visitID == id).delete()
            try await Interview.query(on: db).filter(\.$visitID == id).delete()
            try await Problem.query(on: db).filter(\.$visitID == id).delete()
            try await VisitPhoto.query(on: db).filter(\.$visitID == id).delete()
            try await VisitMember.query(on: db).filter(\.$visitID == id).delete()
            try await fresh.delete(on: db)
            try await Audit.record(
                on: db, actor: principal, action: "delete", entity: "visit", id: id, orgPath: fresh.orgPath,
                summary: "删除督导记录草稿（\(fresh.visitDate)）", before: snapshot)
        }
        req.flash("草稿已删除")
        return req.redirect(to: SiteURL.visits.path)
    }

    // MARK: - Submit and amend

    static func submit(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        let problems = VisitSections.submitProblems(try await VisitRecords.load(v, on: req.db))
        if !problems.isEmpty {
            return try await sectionError(req, scope: scope, visit: v, section: "submit", errors: problems)
        }
        try await VisitRecords.submit(v, principal: scope.principal, now: req.now, on: req.db)
        req.flash("督导记录已提交，记录已锁定")
        return req.redirect(to: SiteURL.visit(v.id!).path)
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
        var limits = VisitRecords.BasicForm(
            date: v.visitDate, start: v.startTime, end: v.endTime, kind: v.kind.rawValue, theme: f.theme ?? "",
            plan: nil, members: [])
        limits.summary = f.summary
        limits.highlights = f.highlights
        errors += VisitRecords.validateBasics(limits, partial: true, today: req.today).2
            .filter { ["theme", "summary", "highlights"].contains($0.field) }
        let before = v.snapshot
        if let s = f.summary { v.summary = s }
        if let h = f.highlights { v.highlights = h }
        if let t = f.theme { v.theme = t }
        let changes = AuditDiff.changes(before: before, after: v.snapshot)
        if changes.isEmpty && errors.isEmpty { errors.append(.init("summary", "没有需要更正的内容")) }
        if !errors.isEmpty {
            // The record as saved, the correction form as typed.
            let saved = try await scope.visitAccess.load(v.id!, on: req.db)
            let typed = [
                "reason": f.reason ?? "", "summary": f.summary ?? saved.summary,
                "highlights": f.highlights ?? saved.highlights,
                "theme": f.theme ?? saved.theme,
            ]
            let model = try await VisitDetail.query(
                saved, scope: scope, failure: .init(section: "amend", errors: errors, values: typed), on: req.db)
            var page = VisitDetailView(ctx: req.pageContext(), model: model).render()
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
            try await Audit.record(
                on: db, actor: p, action: "amend", entity: "visit", id: v.id!, orgPath: v.orgPath,
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
        let school = try await scope.schoolAccess.editable(try req.parameters.id(), on: req.db)
        let f = try req.content.decode(GrantForm.self)
        let inspector = try await f.inspector.asyncMap { try await Inspector.find($0, on: req.db) } ?? nil
        let until = f.until.flatMap(Day.init(parsing:))
        var errors: [FieldError] = []
        if inspector?.districtID != school.districtID { errors.append(.init("inspector", "请选择本区督学")) }
        if until.map({ $0 < req.today }) ?? true { errors.append(.init("until", "请填写不早于今天的截止日期")) }
        guard errors.isEmpty, let i = inspector, let iid = i.id, let until else {
            // The school page again, the grant form open with the choices as made.
            var model = try await SchoolDetail.query(school.id!, scope: scope, today: req.today, on: req.db)
            model.grantErrors = errors
            model.typedGrant = ["inspector": f.inspector.map(String.init) ?? "", "until": f.until ?? ""]
            return try await SchoolDetailView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        let g = VisitGrant()
        g.inspectorID = iid
        g.schoolID = school.id!
        g.until = until.description
        g.grantedBy = scope.principal.userID
        try await req.db.writeTransaction { db in
            try await g.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "grant", entity: "school", id: school.id!,
                orgPath: school.orgPath, summary: "授权督学 \(i.name) 至\(until.chinese)前可记录对\(school.name)的督导")
        }
        req.flash("已授权 \(i.name) 在\(until.chinese)前记录对本校的督导")
        return req.redirect(to: SiteURL.school(school.id!).path)
    }
}
