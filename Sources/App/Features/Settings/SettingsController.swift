import DudaoCore
import Fluent
import Plot
import Vapor

/// District settings: the inspector load limit and what the public page discloses.
enum SettingsController {
    struct Form: Content {
        var officeName: String?
        var maxSchools: String?
        var complaintPhone: String?
        var complaintChannel: String?
        var responsiblePerson: String?
        var responsiblePhone: String?
        var supervisionItems: String?
    }

    static func form(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let s = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        return page(req, district: district, form: Form(officeName: s.officeName, maxSchools: String(s.maxSchoolsPerInspector),
            complaintPhone: s.complaintPhone, complaintChannel: s.complaintChannel, responsiblePerson: s.responsiblePerson,
            responsiblePhone: s.responsiblePhone, supervisionItems: s.supervisionItems), errors: [])
    }

    static func page(_ req: Request, district: OrgUnit, form: Form, errors: [FieldError]) -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let ctx = PageContext(req)
        var page = Layout.page(
            "设置", ctx,
            .el("h1", [], [.text("\(district.name)督导设置")]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.settings.path), ("class", "card")], [
                .csrf(ctx.csrf),
                .field("督导室名称", name: "officeName", value: form.officeName ?? "", error: err("officeName"), required: true),
                .field("每名督学负责学校数上限", name: "maxSchools", value: form.maxSchools ?? "", error: err("maxSchools"),
                    required: true, hint: "超过时在挂牌调整和督学名录中提示；国家要求一般每人约5所", attrs: [("inputmode", "numeric")]),
                .field("举报投诉电话", name: "complaintPhone", value: form.complaintPhone ?? "", error: err("complaintPhone"), type: "tel"),
                .field("其他投诉渠道", name: "complaintChannel", value: form.complaintChannel ?? "", error: err("complaintChannel"),
                    hint: "如邮箱、信箱地址、公众号"),
                .field("区级负责人", name: "responsiblePerson", value: form.responsiblePerson ?? "", error: err("responsiblePerson")),
                .field("区级负责人电话", name: "responsiblePhone", value: form.responsiblePhone ?? "", error: err("responsiblePhone"), type: "tel"),
                .textareaField("督导事项（公开）", name: "supervisionItems", value: form.supervisionItems ?? "", error: err("supervisionItems"), rows: 5),
                .el("div", [("class", "form-actions")], [.el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存设置")])]),
            ]))
        if !errors.isEmpty { page.status = .unprocessableEntity }
        return page
    }

    static func save(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let form = try req.content.decode(Form.self)
        var errors: [FieldError] = []
        if let e = Validate.required(form.officeName ?? "", field: "督导室名称", maxLength: 40) { errors.append(.init("officeName", e)) }
        let maxSchools = Int((form.maxSchools ?? "").trimmingCharacters(in: .whitespaces))
        if maxSchools == nil || !(1...50).contains(maxSchools!) { errors.append(.init("maxSchools", "请填写1到50之间的整数")) }
        if let e = Validate.phone(form.complaintPhone ?? "") { errors.append(.init("complaintPhone", e)) }
        if let e = Validate.phone(form.responsiblePhone ?? "") { errors.append(.init("responsiblePhone", e)) }
        if let e = Validate.optional(form.complaintChannel ?? "", field: "投诉渠道", maxLength: 200) { errors.append(.init("complaintChannel", e)) }
        if let e = Validate.optional(form.responsiblePerson ?? "", field: "区级负责人", maxLength: 40) { errors.append(.init("responsiblePerson", e)) }
        if let e = Validate.optional(form.supervisionItems ?? "", field: "督导事项", maxLength: 2000) { errors.append(.init("supervisionItems", e)) }
        guard errors.isEmpty, let maxSchools else {
            return try await page(req, district: district, form: form, errors: errors).encodeResponse(for: req)
        }
        let s = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        let before = snapshot(s)
        let t = { (v: String?) in (v ?? "").trimmingCharacters(in: .whitespaces) }
        s.officeName = t(form.officeName)
        s.maxSchoolsPerInspector = maxSchools
        s.complaintPhone = t(form.complaintPhone)
        s.complaintChannel = t(form.complaintChannel)
        s.responsiblePerson = t(form.responsiblePerson)
        s.responsiblePhone = t(form.responsiblePhone)
        s.supervisionItems = t(form.supervisionItems)
        try await req.db.transaction { db in
            try await s.save(on: db)
            try await Audit.record(on: db, actor: scope.principal, action: "update", entity: "settings", id: district.id!,
                orgPath: district.path, summary: "修改\(district.name)督导设置", before: before, after: snapshot(s))
        }
        req.flash("设置已保存")
        return req.redirect(to: SiteURL.settings.path)
    }

    static func snapshot(_ s: DistrictSettings) -> [String: String] {
        ["督导室名称": s.officeName, "负责学校数上限": String(s.maxSchoolsPerInspector), "投诉电话": s.complaintPhone,
         "投诉渠道": s.complaintChannel, "区级负责人": s.responsiblePerson, "负责人电话": s.responsiblePhone, "督导事项": s.supervisionItems]
    }
}
