import DudaoCore
import Fluent
import Plot
import Vapor

/// 挂牌调整: give a school a (new) responsible inspector, ending the current assignment.
enum AssignmentsController {
    struct Form: Content {
        var inspector: String?
        var start: String?
        var note: String?
    }

    static func form(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let school = try await SchoolsController.editable(req, scope: scope)
        return try await page(req, scope: scope, school: school, form: Form(start: req.today.description), errors: [])
    }

    static func page(_ req: Request, scope: Scope, school: School, form: Form, errors: [FieldError]) async throws -> Page {
        let inspectors = try await Inspector.query(on: req.db).filter(\.$districtID == school.districtID)
            .filter(\.$status == .active).sort(\.$name).all()
        let counts = try await DirectoryQueries.schoolCounts(of: inspectors.compactMap(\.id), on: req.db)
        let current = try await DirectoryQueries.currentInspectors(of: [school.id!], on: req.db)[school.id!]
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: req.db)
        var page = AssignPage(ctx: req.pageContext(), school: school, current: current, inspectors: inspectors,
            counts: counts, limit: settings.maxSchoolsPerInspector, form: form, errors: errors).render()
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func assign(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let school = try await SchoolsController.editable(req, scope: scope)
        let form = try req.content.decode(Form.self)
        var errors: [FieldError] = []
        guard school.status == .open else { throw Abort(.badRequest, reason: "停办学校不能安排责任督学") }
        let start = form.start.flatMap(Day.init(parsing:))
        if start == nil { errors.append(.init("start", "请填写正确的开始日期，如 2026-09-01")) }
        var inspector: Inspector?
        let removing = form.inspector == "none"
        if !removing {
            if let id = form.inspector.flatMap(Int.init), let i = try await Inspector.find(id, on: req.db),
                i.districtID == school.districtID, i.status == .active
            {
                inspector = i
            } else {
                errors.append(.init("inspector", "请选择本区在岗的督学"))
            }
        }
        let current = try await Assignment.current(on: req.db).filter(\.$schoolID == school.id!).first()
        if let current, let start, let startedOn = Day(parsing: current.startDate), start < startedOn {
            errors.append(.init("start", "开始日期不能早于现任督学的挂牌开始日期（\(startedOn.chinese)）"))
        }
        if let current, current.inspectorID == inspector?.id {
            errors.append(.init("inspector", "该督学已是本校责任督学"))
        }
        guard errors.isEmpty, let start else {
            return try await page(req, scope: scope, school: school, form: form, errors: errors).encodeResponse(for: req)
        }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespaces)
        let p = scope.principal
        var warning: String?
        if let inspector {
            let held = try await DirectoryQueries.schoolCounts(of: [inspector.id!], on: req.db)[inspector.id!] ?? 0
            let limit = try await DistrictSettings.forDistrict(school.districtID, on: req.db).maxSchoolsPerInspector
            warning = InspectorRules.loadWarning(currentSchools: held, limit: limit)
        }
        let chosen = inspector
        try await req.db.writeTransaction { db in
            let before = ["责任督学": current.map { "督学#\($0.inspectorID)" } ?? ""]
            if let current {
                current.endDate = start.adding(days: -1) < Day(parsing: current.startDate)! ? current.startDate : start.adding(days: -1).description
                try await current.save(on: db)
            }
            var after = ["责任督学": ""]
            if let inspector = chosen {
                let a = Assignment(inspectorID: inspector.id!, schoolID: school.id!, start: start, note: String(note.prefix(200)))
                try await a.save(on: db)
                after["责任督学"] = "督学#\(inspector.id!)"
            }
            try await Audit.record(
                on: db, actor: p, action: "assign", entity: "school", id: school.id!, orgPath: school.orgPath,
                summary: chosen.map { "\(school.name) 的责任督学调整为 \($0.name)（\(start.chinese)起）" }
                    ?? "\(school.name) 解除责任督学", before: before, after: after)
        }
        req.flash((inspector.map { "已安排 \($0.name) 为责任督学" } ?? "已解除该校的责任督学") + (warning.map { "。注意：" + $0 } ?? ""))
        return req.redirect(to: SiteURL.school(school.id!).path)
    }
}

struct AssignPage {
    let ctx: PageContext
    let school: School
    let current: Inspector?
    let inspectors: [Inspector]
    let counts: [Int: Int]
    let limit: Int
    let form: AssignmentsController.Form
    let errors: [FieldError]

    func render() -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let options = inspectors.map { i -> (String, String) in
            let n = counts[i.id!] ?? 0
            return (String(i.id!), "\(i.name)（\(i.kind.label)，现负责\(n)所\(n >= limit ? "，已满" : "")）")
        } + [("none", "（解除责任督学，暂不安排）")]
        return Layout.page(
            "调整责任督学", ctx,
            .el("h1", [], [.text("调整责任督学：" + school.name)]),
            .el("p", [], [.text("现任责任督学：" + (current?.name ?? "无"))]),
            .errorSummary(errors),
            .el(
                "form", [("method", "post"), ("action", SiteURL.schoolAssign(school.id!).path), ("class", "card")],
                [
                    .csrf(ctx.csrf),
                    .selectField("新的责任督学", name: "inspector", options: options, selected: form.inspector ?? "",
                        error: err("inspector"), required: true),
                    .field("挂牌开始日期", name: "start", value: form.start ?? "", error: err("start"), type: "date", required: true,
                        hint: "现任督学的挂牌在前一天结束，历史记录保留"),
                    .field("说明", name: "note", value: form.note ?? "", hint: "如：学年调整、督学离任"),
                    .el("div", [("class", "form-actions")], [
                        .el("button", [("type", "submit"), ("class", "btn primary")], [.text("确认调整")]),
                        .link(SiteURL.school(school.id!).path, "取消"),
                    ]),
                ])
        )
    }
}
