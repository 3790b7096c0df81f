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
        var noticePrefix: String?
        var noticeDays: String?
        var noticeRequiresApproval: String?
        var reminderAfter: String?
        var interviewAfter: String?
        var publicNoticeAfter: String?
        var holidays: String?
        var limitAccept: String?
        var limitVerify: String?
        var limitHandle: String?
        var limitReply: String?
        var webhookURL: String?

        mutating func fillRectification(_ s: DistrictSettings) {
            noticePrefix = s.noticePrefix
            noticeDays = String(s.noticeDays)
            noticeRequiresApproval = s.noticeRequiresApproval ? "on" : nil
            let steps = Dictionary(s.escalationPolicy.steps.map { ($0.step, $0.afterDaysOverdue) }, uniquingKeysWith: { a, _ in a })
            reminderAfter = steps[.reminder].map(String.init) ?? ""
            interviewAfter = steps[.interview].map(String.init) ?? ""
            publicNoticeAfter = steps[.publicNotice].map(String.init) ?? ""
            holidays = s.holidays
            let l = s.complaintTimeLimits
            limitAccept = String(l.accept)
            limitVerify = String(l.verify)
            limitHandle = String(l.handle)
            limitReply = String(l.reply)
            webhookURL = s.webhookURL
        }

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
        form.fillRectification(s)
        return page(req, district: district, form: form, errors: [])
    }

    static func page(_ req: Request, district: OrgUnit, form: Form, errors: [FieldError]) -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let ctx = req.pageContext()
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
                .el("fieldset", [("class", "form-grid")], [
                    .el("legend", [], [.text("整改与督办")]),
                    .field("整改通知书文号前缀", name: "noticePrefix", value: form.noticePrefix ?? "", error: err("noticePrefix"), hint: "如“督整”，文号为“青督整〔2026〕3号”"),
                    .field("默认整改期限（天）", name: "noticeDays", value: form.noticeDays ?? "", error: err("noticeDays"), attrs: [("inputmode", "numeric")]),
                    .el("label", [("class", "check span-all")], [.void("input", [("type", "checkbox"), ("name", "noticeRequiresApproval"), ("value", "on")] + (form.noticeRequiresApproval == "on" ? [("checked", "checked")] : [])), .text(" 整改通知书须经督导室审批后下达")]),
                    .field("逾期多少天后提醒", name: "reminderAfter", value: form.reminderAfter ?? "", error: err("reminderAfter"), hint: "0 表示到期次日即提醒；留空表示不用此步", attrs: [("inputmode", "numeric")]),
                    .field("逾期多少天后约谈", name: "interviewAfter", value: form.interviewAfter ?? "", error: err("interviewAfter"), attrs: [("inputmode", "numeric")]),
                    .field("逾期多少天后通报", name: "publicNoticeAfter", value: form.publicNoticeAfter ?? "", error: err("publicNoticeAfter"), attrs: [("inputmode", "numeric")]),
                ]),
                .el("fieldset", [("class", "form-grid")], [
                    .el("legend", [], [.text("举报投诉办理时限（工作日）")]),
                    .field("受理", name: "limitAccept", value: form.limitAccept ?? "", error: err("limitAccept"), attrs: [("inputmode", "numeric")]),
                    .field("核实", name: "limitVerify", value: form.limitVerify ?? "", error: err("limitVerify"), attrs: [("inputmode", "numeric")]),
                    .field("处理", name: "limitHandle", value: form.limitHandle ?? "", error: err("limitHandle"), attrs: [("inputmode", "numeric")]),
                    .field("回复", name: "limitReply", value: form.limitReply ?? "", error: err("limitReply"), attrs: [("inputmode", "numeric")]),
                ]),
                .textareaField("节假日安排（每行一项：2026-10-01~2026-10-07 为放假；+2026-10-10 为调休上班）", name: "holidays", value: form.holidays ?? "", error: err("holidays"), rows: 5),
                .field("消息推送地址（企业微信或钉钉群机器人，可不填）", name: "webhookURL", value: form.webhookURL ?? "", error: err("webhookURL"), type: "url"),
                .el("div", [("class", "form-actions")], [.el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存设置")])]),
            ]))
        if !errors.isEmpty { page.status = 422 }
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
        let prefix = (form.noticePrefix ?? "").trimmingCharacters(in: .whitespaces)
        if prefix.isEmpty || prefix.count > 6 { errors.append(.init("noticePrefix", "文号前缀为1到6个字")) }
        let noticeDays = Int((form.noticeDays ?? "").trimmingCharacters(in: .whitespaces))
        if noticeDays == nil || !(1...180).contains(noticeDays!) { errors.append(.init("noticeDays", "整改期限应为1到180天")) }
        var steps: [EscalationPolicy.Rule] = []
        for (field, step, text) in [("reminderAfter", EscalationStep.reminder, form.reminderAfter), ("interviewAfter", .interview, form.interviewAfter),
            ("publicNoticeAfter", .publicNotice, form.publicNoticeAfter)]
        {
            let t = (text ?? "").trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            guard let n = Int(t), (0...365).contains(n) else { errors.append(.init(field, "应为0到365之间的整数，或留空")); continue }
            steps.append(.init(step: step, afterDaysOverdue: n))
        }
        let escalation = EscalationPolicy(steps: steps)
        for e in escalation.problems { errors.append(.init("publicNoticeAfter", e.message)) }
        var calendar = WorkingCalendar()
        switch WorkingCalendar.parse(form.holidays ?? "") {
        case .success(let c): calendar = c
        case .failure(let e): errors += e.map { FieldError("holidays", $0.message) }
        }
        var limits = ComplaintTimeLimits()
        let limitNumbers = [form.limitAccept, form.limitVerify, form.limitHandle, form.limitReply].map { Int(($0 ?? "").trimmingCharacters(in: .whitespaces)) }
        if limitNumbers.contains(where: { $0 == nil }) {
            errors.append(.init("limitAccept", "办理时限应为整数（工作日）"))
        } else {
            switch ComplaintTimeLimits(accept: limitNumbers[0]!, verify: limitNumbers[1]!, handle: limitNumbers[2]!, reply: limitNumbers[3]!).validated() {
            case .success(let l): limits = l
            case .failure(let e): errors += e
            }
        }
        let webhook = (form.webhookURL ?? "").trimmingCharacters(in: .whitespaces)
        // http(s) to a public host only: checked after resolving the name (and again before each delivery).
        if !webhook.isEmpty, case .failure(let problem) = await OutboundURL.check(webhook, allowance: req.application.outboundAllowance) {
            errors.append(.init("webhookURL", problem.message))
        }
        guard errors.isEmpty, let maxSchools, let rubric, let noticeDays else {
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
        s.compliance = try JSONColumn.encode(compliance)
        s.rubric = rubric.setting
        s.problemCategories = categories.joined(separator: "、")
        s.noticePrefix = prefix
        s.noticeDays = noticeDays
        s.noticeRequiresApproval = form.noticeRequiresApproval == "on"
        s.escalation = try JSONColumn.encode(escalation)
        s.holidays = calendar.text
        s.complaintLimits = try JSONColumn.encode(limits)
        s.webhookURL = webhook
        try await req.db.writeTransaction { db in
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
         "六个一标准": s.compliance, "评估表": s.rubric, "问题类别": s.problemCategories, "文号前缀": s.noticePrefix,
         "整改期限": String(s.noticeDays), "通知书审批": s.noticeRequiresApproval ? "是" : "否", "督办步骤": s.escalation,
         "节假日": s.holidays, "投诉时限": s.complaintLimits, "推送地址": s.webhookURL]
    }
}
