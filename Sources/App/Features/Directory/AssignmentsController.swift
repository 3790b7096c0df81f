import DudaoCore
import Fluent
import Vapor

/// 挂牌调整: give a school a (new) responsible inspector, ending the current assignment.
enum AssignmentsController {
    static func form(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.editable(try req.parameters.id(), on: req.db)
        let model = try await SchoolAssignForm.query(.init(start: req.today.description), school: school, on: req.db)
        return SchoolAssignFormView(ctx: req.pageContext(), model: model).render()
    }

    static func assign(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.editable(try req.parameters.id(), on: req.db)
        let form = try req.content.decode(SchoolAssignForm.Values.self)
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
            let model = try await SchoolAssignForm.query(form, school: school, errors: errors, on: req.db)
            return try await SchoolAssignFormView(ctx: req.pageContext(), model: model).render().refused(for: req)
        }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespaces)
        let p = scope.principal
        var warning: String?
        if let inspector {
            let held = try await DirectoryQueries.schoolCounts(of: [inspector.id!], on: req.db)[inspector.id!] ?? 0
            let settings = try await DistrictSettings.forDistrict(school.districtID, on: req.db)
            let warnings = [
                InspectorRules.loadWarning(currentSchools: held, limit: settings.maxSchoolsPerInspector),
                InspectorRules.specialAsResponsibleWarning(
                    name: inspector.name, duties: inspector.dutyList, allowed: settings.specialMayBeResponsible),
            ].compactMap { $0 }
            warning = warnings.isEmpty ? nil : warnings.joined(separator: "；")
        }
        let chosen = inspector
        try await req.db.writeTransaction { db in
            let previous = try await current.asyncMap { try await Inspector.find($0.inspectorID, on: db) } ?? nil
            let before = ["责任督学": previous?.name ?? ""]
            if let current {
                current.endDate =
                    start.adding(days: -1) < Day(parsing: current.startDate)!
                    ? current.startDate : start.adding(days: -1).description
                try await current.save(on: db)
            }
            var after = ["责任督学": ""]
            if let inspector = chosen {
                let a = Assignment(
                    inspectorID: inspector.id!, schoolID: school.id!, start: start, note: String(note.prefix(200)))
                try await a.save(on: db)
                after["责任督学"] = inspector.name
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
