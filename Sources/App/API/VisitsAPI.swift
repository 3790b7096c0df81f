import DudaoCore
import Fluent
import Vapor

/// The visit part of /api/v1, for a mobile or offline client: the same checks and scope as the pages.
enum VisitsAPI {
    static let handlers: [String: APIRouteTable.Handler] = [
        "listVisitPlans": .init(visitPlans),
        "createVisitPlan": .init(createVisitPlan),
        "listVisits": .init(list),
        "getVisit": .init(show),
        "createVisit": .init(create),
        "updateVisit": .init(update),
        "addObservation": .init(addObservation),
        "addInterview": .init(addInterview),
        "addProblem": .init(addProblem),
        "addPhoto": .init(streamedLimit: VisitSections.maxPhotoBytes, addPhoto),
        "submitVisit": .init(submit),
        "getCompliance": .init(compliance),
    ]

    static func invalid(_ errors: [FieldError]) -> APIError {
        APIError(
            status: .unprocessableEntity, code: "invalid", message: errors.map(\.message).joined(separator: "；"),
            fields: errors)
    }

    static func requireInspector(_ scope: Scope) throws {
        guard scope.principal.role == .inspector, scope.principal.inspectorID != nil else {
            throw APIError(status: .forbidden, code: "forbidden", message: "只有督学账号可以记录督导")
        }
    }

    // MARK: - Visit plans

    struct VisitPlanDTO: Content {
        let id: Int
        let schoolId: Int
        let plannedDate: String
        let tasks: String
        let methods: String
        let focus: String
        init(_ p: VisitPlan) {
            id = p.id!
            schoolId = p.schoolID
            plannedDate = p.plannedDate
            tasks = p.tasks
            methods = p.methods
            focus = p.focus
        }
    }

    static func visitPlans(req: Request) async throws -> [VisitPlanDTO] {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        return try await VisitPlan.query(on: req.db).filter(\.$inspectorID == scope.principal.inspectorID!)
            .sort(\.$plannedDate, .descending).limit(200).all().map(VisitPlanDTO.init)
    }

    struct NewVisitPlan: Content {
        @RecordID var schoolId: Int?
        var date: String?
        var tasks: String?
        var methods: String?
        var focus: String?
    }

    static func createVisitPlan(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        let body = try decode(NewVisitPlan.self, req)
        let form = VisitRecords.VisitPlanForm(
            school: body.schoolId.map(String.init), date: body.date, tasks: body.tasks,
            methods: body.methods, focus: body.focus)
        switch try await VisitRecords.buildVisitPlan(form, scope: scope, today: req.today, on: req.db) {
        case .failure(let e): throw invalid(e)
        case .success(let plan):
            try await plan.save(on: req.db)
            return try await VisitPlanDTO(plan).encodeResponse(status: .created, for: req)
        }
    }

    // MARK: - Visits

    struct VisitDTO: Content {
        let id: Int
        let schoolId: Int
        let inspectorId: Int?
        let memberIds: [Int]
        let date: String
        let start: String
        let end: String
        let kind: String
        let theme: String
        let planId: Int?
        let summary: String
        let highlights: String
        let status: String
        let observations: [Observation]?
        let interviews: [InterviewDTO]?
        let problems: [ProblemDTO]?
        let photoIds: [Int]?

        struct Observation: Content {
            let id: Int
            let kind: String
            let className: String
            let subject: String
            let teacher: String
            let topic: String
            let scores: [String: Int]
            let comment: String
        }
        struct InterviewDTO: Content {
            let id: Int
            let group: String
            let people: Int
            let notes: String
            let internalOnly: Bool
        }
        struct ProblemDTO: Content {
            let id: Int
            let category: String
            let severity: String
            let disposition: String
            let description: String
            let state: String
        }
    }

    static func dto(_ v: Visit, loaded: VisitRecords.Loaded?, hideInternal: Bool) -> VisitDTO {
        VisitDTO(
            id: v.id!, schoolId: v.schoolID, inspectorId: v.inspectorID,
            memberIds: loaded?.members.compactMap(\.id) ?? [],
            date: v.visitDate, start: v.startTime, end: v.endTime, kind: v.kind.rawValue, theme: v.theme,
            planId: v.visitPlanID,
            summary: v.summary, highlights: v.highlights, status: v.status.rawValue,
            observations: loaded?.observations.map {
                .init(
                    id: $0.id!, kind: $0.kind.rawValue, className: $0.className, subject: $0.subject,
                    teacher: $0.teacher,
                    topic: $0.topic, scores: $0.scoreMap, comment: $0.comment)
            },
            interviews: loaded?.interviews.filter { !(hideInternal && $0.isInternal) }.map {
                .init(
                    id: $0.id!, group: $0.group.rawValue, people: $0.people, notes: $0.notes,
                    internalOnly: $0.isInternal)
            },
            problems: loaded?.problems.map {
                .init(
                    id: $0.id!, category: $0.category, severity: $0.severity.rawValue,
                    disposition: $0.disposition.rawValue,
                    description: $0.description, state: $0.state.rawValue)
            },
            photoIds: loaded?.photos.compactMap(\.id))
    }

    static func list(req: Request) async throws -> APIController.PageOf<VisitDTO> {
        let scope = try await Scope.of(req)
        let paging = try APIController.paging(req)
        var q = scope.visitAccess.readable(Visit.query(on: req.db))
        if let s = try req.query.bounded("school", InputBounds.ID.self) { q = q.filter(\.$schoolID == s) }
        let total = try await q.copy().rowCount()
        let rows = try await q.sort(\.$visitDate, .descending).sort(\.$id, .descending).range(
            paging.offset..<(paging.offset + paging.per)
        ).all()
        return .init(
            items: rows.map { dto($0, loaded: nil, hideInternal: true) }, page: paging.page, per: paging.per,
            total: total)
    }

    static func show(req: Request) async throws -> VisitDTO {
        let scope = try await Scope.of(req)
        let v = try await scope.visitAccess.load(try req.parameters.id(), on: req.db)
        return dto(v, loaded: try await VisitRecords.load(v, on: req.db), hideInternal: scope.principal.role == .school)
    }

    struct NewVisit: Content {
        @RecordID var schoolId: Int?
        var date: String?
        var start: String?
        var end: String?
        var kind: String?
        var theme: String?
        @RecordID var planId: Int?
        var memberIds: [Int]?
        var summary: String?
        var highlights: String?

        var form: VisitRecords.BasicForm {
            var f = VisitRecords.BasicForm(
                date: date ?? "", start: start ?? "", end: end ?? "", kind: kind ?? "routine",
                theme: theme ?? "", plan: planId.map(String.init), members: memberIds ?? [])
            if date == nil { f.date = nil }
            f.summary = summary
            f.highlights = highlights
            f.school = schoolId
            return f
        }
    }

    static func decode<T: Content>(_ type: T.Type, _ req: Request) throws -> T {
        try APIBody.decode(T.self, req, message: "请求体应为有效的 JSON")
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        let body = try decode(NewVisit.self, req)
        let school = try await VisitRecords.writableSchool(body.schoolId, scope: scope, today: req.today, on: req.db)
        switch try await VisitRecords.createDraft(body.form, school: school, scope: scope, today: req.today, on: req.db)
        {
        case .failure(let e): throw invalid(e)
        case .success(let v):
            return try await dto(v, loaded: nil, hideInternal: false).encodeResponse(status: .created, for: req)
        }
    }

    /// The fields of a draft that PUT changes; the school, plan and team are fixed when the draft is made.
    struct VisitPatch: Content {
        var date: String?
        var start: String?
        var end: String?
        var kind: String?
        var theme: String?
        var summary: String?
        var highlights: String?

        var form: VisitRecords.BasicForm {
            var f = VisitRecords.BasicForm(date: "", start: "", end: "", kind: "", theme: "", plan: nil, members: [])
            (f.date, f.start, f.end, f.kind) = (date, start, end, kind)
            (f.theme, f.summary, f.highlights) = (theme, summary, highlights)
            return f
        }
    }

    static func update(req: Request) async throws -> VisitDTO {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        let v = try await scope.visitAccess.draft(try req.parameters.id(), on: req.db)
        let body = try decode(VisitPatch.self, req).form
        let (day, kind, errors) = VisitRecords.validateBasics(body, partial: true, today: req.today)
        guard errors.isEmpty else { throw invalid(errors) }
        if let day { v.visitDate = day.description }
        if let kind { v.kind = kind }
        if let s = body.start, !s.isEmpty { v.startTime = s }
        if let e = body.end, !e.isEmpty { v.endTime = e }
        if let t = body.theme, !t.isEmpty { v.theme = t }
        if let s = body.summary { v.summary = s }
        if let h = body.highlights { v.highlights = h }
        try await v.save(on: req.db)
        return dto(v, loaded: try await VisitRecords.load(v, on: req.db), hideInternal: false)
    }

    /// JSON bodies use numbers and booleans; the web forms' checks take the same values as text.
    struct NewObservation: Content {
        var kind: String?
        var className: String?
        var subject: String?
        var teacher: String?
        var topic: String?
        var comment: String?
        var scores: [String: Lenient]?

        var form: VisitsController.ObservationForm {
            .init(
                kind: kind, className: className, subject: subject, teacher: teacher, topic: topic, comment: comment,
                scores: scores?.mapValues(\.text))
        }

        /// What JSON can send and the page's form cannot: an unknown kind or score name, and a class or
        /// subject on a research record (the form shows those fields for lessons only).
        func checksBeyondTheForm(rubric: Rubric, profile: VisitProfile) -> [FieldError] {
            var errors: [FieldError] = []
            if let k = kind, !profile.observationKinds.contains(where: { $0.rawValue == k }) {
                let allowed = profile.observationKinds.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "或")
                errors.append(.init("kind", "类型应为 \(allowed)"))
            }
            if VisitSections.trimmed(className).count > 30 { errors.append(.init("className", "班级不能超过30个字")) }
            if VisitSections.trimmed(subject).count > 20 { errors.append(.init("subject", "学科不能超过20个字")) }
            let names = rubric.dimensions.map(\.name)
            for name in (scores ?? [:]).keys.sorted() where !names.contains(name) {
                errors.append(.init("scores", "没有名为“\(name)”的评分项，可用：\(names.joined(separator: "、"))"))
            }
            return errors
        }
    }

    struct NewInterview: Content {
        var group: String?
        var people: Lenient?
        var notes: String?
        var internalOnly: Lenient?

        var form: VisitsController.InterviewForm {
            .init(
                group: group, people: people?.text ?? "", notes: notes,
                internalOnly: internalOnly?.isTrue == true ? "on" : nil)
        }
    }

    /// A JSON value given as a number, a boolean or text; the checks downstream read it as text.
    struct Lenient: Codable, Sendable {
        let text: String
        var isTrue: Bool { ["true", "1", "on"].contains(text) }

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) {
                text = String(n)
            } else if let d = try? c.decode(Double.self) {
                text = String(d)
            } else if let b = try? c.decode(Bool.self) {
                text = b ? "true" : "false"
            } else {
                text = try c.decode(String.self)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(text)
        }
    }

    static func addObservation(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        let v = try await scope.visitAccess.draft(try req.parameters.id(), on: req.db)
        let school = try await School.find(v.schoolID, on: req.db)
        let settings = try await DistrictSettings.forDistrict(school?.districtID ?? 0, on: req.db)
        let body = try decode(NewObservation.self, req)
        let type = school?.type ?? .primary
        let rubric = settings.rubric(for: type)
        let beyond = body.checksBeyondTheForm(rubric: rubric, profile: type.visitProfile)
        guard beyond.isEmpty else { throw invalid(beyond) }
        switch VisitSections.observation(body.form, profile: type.visitProfile, rubric: rubric, visitID: v.id!) {
        case .failure(let e): throw invalid(e)
        case .success(let o):
            try await o.save(on: req.db)
            return Response(status: .created)
        }
    }

    static func addInterview(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        let v = try await scope.visitAccess.draft(try req.parameters.id(), on: req.db)
        let type = try await School.find(v.schoolID, on: req.db)?.type ?? .primary
        switch VisitSections.interview(
            try decode(NewInterview.self, req).form, profile: type.visitProfile, visitID: v.id!)
        {
        case .failure(let e): throw invalid(e)
        case .success(let i):
            try await i.save(on: req.db)
            return Response(status: .created)
        }
    }

    static func addProblem(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        let v = try await scope.visitAccess.draft(try req.parameters.id(), on: req.db)
        let school = try await School.find(v.schoolID, on: req.db)
        let settings = try await DistrictSettings.forDistrict(school?.districtID ?? 0, on: req.db)
        let followUpBy = try await VisitRecords.followUpInspector(v, on: req.db)
        switch VisitSections.problem(
            try decode(VisitsController.ProblemForm.self, req), categories: settings.categories, visit: v,
            followUpBy: followUpBy)
        {
        case .failure(let e): throw invalid(e)
        case .success(let p):
            try await p.save(on: req.db)
            return Response(status: .created)
        }
    }

    /// The photo is the request body itself (image/jpeg, image/png or image/webp); `?caption=` optional.
    static func addPhoto(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        let v = try await scope.visitAccess.draft(try req.parameters.id(), on: req.db)
        let upload = try await UploadReader.readRaw(req, maxBytes: VisitSections.maxPhotoBytes)
        defer { upload.discard() }
        guard let file = upload.files.first, file.size > 0 else { throw invalid([.init("photo", "请求体应为照片文件")]) }
        switch VisitSections.photo(
            head: file.head, size: file.size, caption: req.query[String.self, at: "caption"] ?? "")
        {
        case .failure(let e): throw invalid(e)
        case .success(let (kind, caption)):
            let p = VisitPhoto()
            p.visitID = v.id!
            p.hash = try await req.attachments.keep(file)
            p.contentType = kind.rawValue
            p.caption = caption
            try await p.save(on: req.db)
            return Response(status: .created)
        }
    }

    static func submit(req: Request) async throws -> VisitDTO {
        let scope = try await Scope.of(req)
        try requireInspector(scope)
        let v = try await scope.visitAccess.draft(try req.parameters.id(), on: req.db)
        let loaded = try await VisitRecords.load(v, on: req.db)
        let problems = VisitSections.submitProblems(loaded)
        guard problems.isEmpty else { throw invalid(problems) }
        try await VisitRecords.submit(v, principal: scope.principal, now: req.now, on: req.db)
        return dto(v, loaded: loaded, hideInternal: false)
    }

    // MARK: - Compliance

    struct ComplianceDTO: Content {
        struct Row: Content {
            let inspectorId: Int
            let rules: [String: String]
            let shortfalls: [Shortfall]
        }
        let semester: String
        let items: [Row]
        let page: Int
        let per: Int
        let total: Int
    }

    /// The 六个一 figures: an inspector gets their own; office and leader a page of their inspectors.
    static func compliance(req: Request) async throws -> ComplianceDTO {
        let scope = try await Scope.of(req)
        try scope.requireAPIRole(.supervisors, "学校账号无权查看")
        if let code = req.query[String.self, at: "semester"], Semester(code: code) == nil {
            throw APIError(
                status: .badRequest, code: "bad_request", message: "学期应写成 2026-autumn（秋季学期）或 2027-spring（春季学期）")
        }
        let semester = try await ComplianceService.semester(req)
        let paging = try APIController.paging(req)
        let base = scope.inspectorAccess.readable(Inspector.query(on: req.db)).filter(\.$status == .active)
        let total = try await base.copy().rowCount()
        let inspectors = try await base.sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        let district = try await scope.district(on: req.db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db).complianceSettings
        let result = try await ComplianceService.evaluate(
            inspectorIDs: inspectors.compactMap(\.id), semester: semester,
            today: req.today, settings: settings, on: req.db)
        func code(_ s: RuleState) -> String {
            switch s {
            case .met: "met"
            case .pending: "pending"
            case .short(let n): "short:\(n)"
            }
        }
        return ComplianceDTO(
            semester: semester.code,
            items: inspectors.map { i in
                .init(
                    inspectorId: i.id!,
                    rules: Dictionary(
                        uniqueKeysWithValues: result.ruleStates(inspectorID: i.id!).map {
                            ($0.key.rawValue, code($0.value))
                        }),
                    shortfalls: result.shortfalls(inspectorID: i.id!))
            }, page: paging.page, per: paging.per, total: total)
    }
}
