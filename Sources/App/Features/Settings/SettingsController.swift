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
        var visitsPerSchoolPerMonth: String?
        var observationsPerVisit: String?
        var teachersPerVisit: String?
        var studentsPerVisit: String?
        var summariesPerSemester: String?
        var casesPerSemester: String?
        var vacationMonths: String?
        var minAssignedDaysInMonth: String?
        var rubric: String?
        var problemCategories: String?

        var complianceInput: ComplianceSettingsInput {
            var c = ComplianceSettingsInput()
            c.visitsPerSchoolPerMonth = visitsPerSchoolPerMonth ?? ""
            c.observationsPerVisit = observationsPerVisit ?? ""
            c.teachersPerVisit = teachersPerVisit ?? ""
            c.studentsPerVisit = studentsPerVisit ?? ""
            c.summariesPerSemester = summariesPerSemester ?? ""
            c.casesPerSemester = casesPerSemester ?? ""
            c.vacationMonths = vacationMonths ?? ""
            c.minAssignedDaysInMonth = minAssignedDaysInMonth ?? ""
            return c
        }

        mutating func fill(_ c: ComplianceSettingsInput) {
            visitsPerSchoolPerMonth = c.visitsPerSchoolPerMonth
            observationsPerVisit = c.observationsPerVisit
            teachersPerVisit = c.teachersPerVisit
            studentsPerVisit = c.studentsPerVisit
            summariesPerSemester = c.summariesPerSemester
            casesPerSemester = c.casesPerSemester
            vacationMonths = c.vacationMonths
            minAssignedDaysInMonth = c.minAssignedDaysInMonth
        }
    }

    static func form(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let s = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        var form = Form(officeName: s.officeName, maxSchools: String(s.maxSchoolsPerInspector),
            complaintPhone: s.complaintPhone, complaintChannel: s.complaintChannel, responsiblePerson: s.responsiblePerson,
            responsiblePhone: s.responsiblePhone, supervisionItems: s.supervisionItems)
        form.fill(ComplianceSettingsInput(s.complianceSettings))
        form.rubric = s.rubricValue.setting
        form.problemCategories = s.categories.joined(separator: "、")
        return page(req, district: district, form: form, errors: [])
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
                .el("fieldset", [("class", "form-grid")], [
                    .el("legend", [], [.text("责任督学“六个一”考核标准")]),
                    .field("每校每月至少督导（次）", name: "visitsPerSchoolPerMonth", value: form.visitsPerSchoolPerMonth ?? "", error: err("visitsPerSchoolPerMonth"), attrs: [("inputmode", "numeric")]),
                    .field("每次至少听课或教研（次）", name: "observationsPerVisit", value: form.observationsPerVisit ?? "", error: err("observationsPerVisit"), attrs: [("inputmode", "numeric")]),
                    .field("每次至少访谈教师（人）", name: "teachersPerVisit", value: form.teachersPerVisit ?? "", error: err("teachersPerVisit"), attrs: [("inputmode", "numeric")]),
                    .field("每次至少访谈学生（人）", name: "studentsPerVisit", value: form.studentsPerVisit ?? "", error: err("studentsPerVisit"), attrs: [("inputmode", "numeric")]),
                    .field("每学期工作总结（篇）", name: "summariesPerSemester", value: form.summariesPerSemester ?? "", error: err("summariesPerSemester"), attrs: [("inputmode", "numeric")]),
                    .field("每学期督导案例（篇）", name: "casesPerSemester", value: form.casesPerSemester ?? "", error: err("casesPerSemester"), attrs: [("inputmode", "numeric")]),
                    .field("假期月份（不要求到校）", name: "vacationMonths", value: form.vacationMonths ?? "", error: err("vacationMonths"), hint: "用逗号分隔，如 7,8 或 1,2,7,8"),
                    .field("挂牌满多少天的月份须督导", name: "minAssignedDaysInMonth", value: form.minAssignedDaysInMonth ?? "", error: err("minAssignedDaysInMonth"), hint: "月中调整挂牌时，不足此天数的月份不计", attrs: [("inputmode", "numeric")]),
                ]),
                .textareaField("课堂教学质量评估表（维度:满分，用分号分隔）", name: "rubric", value: form.rubric ?? "", error: err("rubric"), rows: 2),
                .textareaField("问题类别（用顿号分隔）", name: "problemCategories", value: form.problemCategories ?? "", error: err("problemCategories"), rows: 2),
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
        var compliance = ComplianceSettings()
        switch form.complianceInput.validated() {
        case .success(let c): compliance = c
        case .failure(let e): errors += e
        }
        let rubric = Rubric(setting: form.rubric ?? "")
        if rubric == nil { errors.append(.init("rubric", "评估表格式应为“教学目标:15；教学内容:20”，每项满分1到100")) }
        let categories = (form.problemCategories ?? "").split(separator: "、").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if categories.isEmpty || categories.count > 30 || categories.contains(where: { $0.count > 10 }) {
            errors.append(.init("problemCategories", "请填写1到30个问题类别，用顿号分隔，每个不超过10个字"))
        }
        guard errors.isEmpty, let maxSchools, let rubric else {
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
        s.compliance = String(decoding: try JSONEncoder().encode(compliance), as: UTF8.self)
        s.rubric = rubric.setting
        s.problemCategories = categories.joined(separator: "、")
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
         "投诉渠道": s.complaintChannel, "区级负责人": s.responsiblePerson, "负责人电话": s.responsiblePhone, "督导事项": s.supervisionItems,
         "六个一标准": s.compliance, "评估表": s.rubric, "问题类别": s.problemCategories]
    }
}
