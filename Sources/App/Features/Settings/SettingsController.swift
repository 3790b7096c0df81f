import DudaoCore
import Fluent
import Vapor

/// District settings: the office, what the public page discloses, the 六个一 standard, rectification and
/// escalation, complaint time limits, holidays, the webhook. The rules are `DistrictSettingsInput`'s.
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
        var kindergartenStaffPerVisit: String?
        var kindergartenParentsPerVisit: String?
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
        var termDates: String?
        var urgentCategories: [String]?
        var kindergartenRubric: String?
        var bandExcellent: String?
        var bandGood: String?
        var bandPass: String?
        var documentChecklist: String?
        var kindergartenDocuments: String?
        var complaintCategories: String?
        var specialMayBeResponsible: String?
        var limitAccept: String?
        var limitVerify: String?
        var limitHandle: String?
        var limitReply: String?
        var webhookURL: String?

        /// The form as typed (absent fields empty).
        var input: DistrictSettingsInput {
            var i = DistrictSettingsInput()
            i.officeName = officeName ?? ""
            i.maxSchools = maxSchools ?? ""
            i.complaintPhone = complaintPhone ?? ""
            i.complaintChannel = complaintChannel ?? ""
            i.responsiblePerson = responsiblePerson ?? ""
            i.responsiblePhone = responsiblePhone ?? ""
            i.supervisionItems = supervisionItems ?? ""
            i.compliance.visitsPerSchoolPerMonth = visitsPerSchoolPerMonth ?? ""
            i.compliance.observationsPerVisit = observationsPerVisit ?? ""
            i.compliance.teachersPerVisit = teachersPerVisit ?? ""
            i.compliance.studentsPerVisit = studentsPerVisit ?? ""
            i.compliance.kindergartenStaffPerVisit = kindergartenStaffPerVisit ?? ""
            i.compliance.kindergartenParentsPerVisit = kindergartenParentsPerVisit ?? ""
            i.compliance.summariesPerSemester = summariesPerSemester ?? ""
            i.compliance.casesPerSemester = casesPerSemester ?? ""
            i.compliance.vacationMonths = vacationMonths ?? ""
            i.compliance.minAssignedDaysInMonth = minAssignedDaysInMonth ?? ""
            i.rubric = rubric ?? ""
            i.problemCategories = problemCategories ?? ""
            i.noticePrefix = noticePrefix ?? ""
            i.noticeDays = noticeDays ?? ""
            i.noticeRequiresApproval = noticeRequiresApproval == "on"
            i.reminderAfter = reminderAfter ?? ""
            i.interviewAfter = interviewAfter ?? ""
            i.publicNoticeAfter = publicNoticeAfter ?? ""
            i.holidays = holidays ?? ""
            i.termDates = termDates ?? ""
            i.urgentCategories = urgentCategories ?? []
            i.kindergartenRubric = kindergartenRubric ?? ""
            i.bandExcellent = bandExcellent ?? ""
            i.bandGood = bandGood ?? ""
            i.bandPass = bandPass ?? ""
            i.documentChecklist = documentChecklist ?? ""
            i.kindergartenDocuments = kindergartenDocuments ?? ""
            i.complaintCategories = complaintCategories ?? ""
            i.specialMayBeResponsible = specialMayBeResponsible == "on"
            i.limitAccept = limitAccept ?? ""
            i.limitVerify = limitVerify ?? ""
            i.limitHandle = limitHandle ?? ""
            i.limitReply = limitReply ?? ""
            i.webhookURL = webhookURL ?? ""
            return i
        }
    }

    static func form(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let s = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        let model = SettingsForm(districtName: district.name, input: DistrictSettingsInput(s.values), errors: [])
        return SettingsFormView(ctx: req.pageContext(), model: model).render()
    }

    static func save(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let input = try req.content.decode(Form.self).input
        let checked = input.validated()
        // http(s) to a public host only: checked after resolving the name (and again before each delivery).
        var webhookError: FieldError?
        let webhook = input.webhookURL.trimmingCharacters(in: .whitespaces)
        if !webhook.isEmpty,
            case .failure(let problem) = await OutboundURL.check(webhook, allowance: req.application.outboundAllowance)
        {
            webhookError = FieldError("webhookURL", problem.message)
        }
        guard case .success(let values) = checked, webhookError == nil else {
            let model = SettingsForm(
                districtName: district.name, input: input, errors: checked.errors + [webhookError].compactMap { $0 })
            return try await SettingsFormView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        let s = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        let before = s.auditSnapshot
        try s.apply(values)
        try await req.db.writeTransaction { db in
            try await s.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "update", entity: "settings", id: district.id!,
                orgPath: district.path, summary: "修改\(district.name)督导设置", before: before, after: s.auditSnapshot)
        }
        req.flash("设置已保存")
        return req.redirect(to: SiteURL.settings.path)
    }
}
