import Foundation

/// A district's settings as values: what the office sets on the settings page and the rules read.
public struct DistrictSettingsValues: Sendable, Equatable {
    public var officeName: String
    public var maxSchoolsPerInspector: Int
    public var complaintPhone: String
    public var complaintChannel: String
    public var responsiblePerson: String
    public var responsiblePhone: String
    public var supervisionItems: String
    public var compliance: ComplianceSettings
    public var rubric: Rubric
    public var problemCategories: [String]
    public var noticePrefix: String
    public var noticeDays: Int
    public var noticeRequiresApproval: Bool
    public var escalation: EscalationPolicy
    /// The holiday calendar as text (see `WorkingCalendar.parse`).
    public var holidays: String
    public var complaintLimits: ComplaintTimeLimits
    /// The webhook address, trimmed. Whether it may be called (a public host) is checked outside the rules.
    public var webhookURL: String
    /// The term dates as text (see `TermDates.parse`); empty: the fixed months of `Semester`.
    public var termDates: String
    /// Complaint categories flagged 【紧急】 at once (a subset of `complaintCategories`).
    public var urgentCategories: [String]
    /// The rubric of a kindergarten's 保教活动, the grade lines of both rubrics.
    public var kindergartenRubric: Rubric
    public var rubricBands: RubricBands
    /// The documents an inspector ticks at a school and at a kindergarten.
    public var documentChecklist: [String]
    public var kindergartenDocuments: [String]
    /// The categories a complaint is filed under.
    public var complaintCategories: [String]
    /// Whether a 特约督学 may be a school's responsible inspector.
    public var specialMayBeResponsible: Bool

    public init(
        officeName: String, maxSchoolsPerInspector: Int, complaintPhone: String, complaintChannel: String,
        responsiblePerson: String, responsiblePhone: String, supervisionItems: String, compliance: ComplianceSettings,
        rubric: Rubric, problemCategories: [String], noticePrefix: String, noticeDays: Int,
        noticeRequiresApproval: Bool,
        escalation: EscalationPolicy, holidays: String, complaintLimits: ComplaintTimeLimits, webhookURL: String,
        termDates: String = "", urgentCategories: [String] = ComplaintIntake.urgentCategories,
        kindergartenRubric: Rubric = .kindergarten, rubricBands: RubricBands = RubricBands(),
        documentChecklist: [String] = DocumentChecklist.items,
        kindergartenDocuments: [String] = DocumentChecklist.kindergartenItems,
        complaintCategories: [String] = ComplaintIntake.categories, specialMayBeResponsible: Bool = false
    ) {
        self.specialMayBeResponsible = specialMayBeResponsible
        self.kindergartenRubric = kindergartenRubric
        self.rubricBands = rubricBands
        self.documentChecklist = documentChecklist
        self.kindergartenDocuments = kindergartenDocuments
        self.complaintCategories = complaintCategories
        self.officeName = officeName
        self.maxSchoolsPerInspector = maxSchoolsPerInspector
        self.complaintPhone = complaintPhone
        self.complaintChannel = complaintChannel
        self.responsiblePerson = responsiblePerson
        self.responsiblePhone = responsiblePhone
        self.supervisionItems = supervisionItems
        self.compliance = compliance
        self.rubric = rubric
        self.problemCategories = problemCategories
        self.noticePrefix = noticePrefix
        self.noticeDays = noticeDays
        self.noticeRequiresApproval = noticeRequiresApproval
        self.escalation = escalation
        self.holidays = holidays
        self.complaintLimits = complaintLimits
        self.webhookURL = webhookURL
        self.termDates = termDates
        self.urgentCategories = urgentCategories
    }
}

/// The settings form as typed, checked into `DistrictSettingsValues` with every field's message.
public struct DistrictSettingsInput: Sendable, Equatable {
    public var officeName = ""
    public var maxSchools = ""
    public var complaintPhone = ""
    public var complaintChannel = ""
    public var responsiblePerson = ""
    public var responsiblePhone = ""
    public var supervisionItems = ""
    /// The 六个一 thresholds.
    public var compliance = ComplianceSettingsInput()
    public var rubric = ""
    /// Separated by "、".
    public var problemCategories = ""
    public var noticePrefix = ""
    public var noticeDays = ""
    public var noticeRequiresApproval = false
    /// Days overdue before each escalation step; empty leaves the step out.
    public var reminderAfter = ""
    public var interviewAfter = ""
    public var publicNoticeAfter = ""
    public var holidays = ""
    public var termDates = ""
    /// Ticked categories of the complaint categories.
    public var urgentCategories: [String] = ComplaintIntake.urgentCategories
    public var kindergartenRubric = ""
    /// The rubric's grade lines, in percent of its total.
    public var bandExcellent = ""
    public var bandGood = ""
    public var bandPass = ""
    /// Lists separated by "、" or by lines.
    public var documentChecklist = ""
    public var kindergartenDocuments = ""
    public var complaintCategories = ""
    public var specialMayBeResponsible = false
    /// Complaint time limits, in working days.
    public var limitAccept = ""
    public var limitVerify = ""
    public var limitHandle = ""
    public var limitReply = ""
    public var webhookURL = ""

    public init() {}

    /// The form filled with saved settings.
    public init(_ v: DistrictSettingsValues) {
        officeName = v.officeName
        maxSchools = String(v.maxSchoolsPerInspector)
        complaintPhone = v.complaintPhone
        complaintChannel = v.complaintChannel
        responsiblePerson = v.responsiblePerson
        responsiblePhone = v.responsiblePhone
        supervisionItems = v.supervisionItems
        compliance = ComplianceSettingsInput(v.compliance)
        rubric = v.rubric.setting
        problemCategories = v.problemCategories.joined(separator: "、")
        noticePrefix = v.noticePrefix
        noticeDays = String(v.noticeDays)
        noticeRequiresApproval = v.noticeRequiresApproval
        // The first rule of a step counts, as when escalating.
        let steps = Dictionary(
            v.escalation.steps.map { ($0.step, $0.afterDaysOverdue) }, uniquingKeysWith: { a, _ in a })
        reminderAfter = steps[.reminder].map(String.init) ?? ""
        interviewAfter = steps[.interview].map(String.init) ?? ""
        publicNoticeAfter = steps[.publicNotice].map(String.init) ?? ""
        holidays = v.holidays
        termDates = v.termDates
        urgentCategories = v.urgentCategories
        kindergartenRubric = v.kindergartenRubric.setting
        bandExcellent = String(v.rubricBands.excellent)
        bandGood = String(v.rubricBands.good)
        bandPass = String(v.rubricBands.pass)
        documentChecklist = v.documentChecklist.joined(separator: "、")
        kindergartenDocuments = v.kindergartenDocuments.joined(separator: "、")
        complaintCategories = v.complaintCategories.joined(separator: "、")
        specialMayBeResponsible = v.specialMayBeResponsible
        limitAccept = String(v.complaintLimits.accept)
        limitVerify = String(v.complaintLimits.verify)
        limitHandle = String(v.complaintLimits.handle)
        limitReply = String(v.complaintLimits.reply)
        webhookURL = v.webhookURL
    }

    /// Every field checked, in the order of the form; text fields are saved trimmed.
    public func validated() -> Validated<DistrictSettingsValues> {
        var errors: [FieldError] = []
        func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }
        func whole(_ s: String, in range: ClosedRange<Int>) -> Int? {
            Int(trimmed(s)).flatMap { range.contains($0) ? $0 : nil }
        }

        if let e = Validate.required(officeName, field: "督导室名称", maxLength: 40) {
            errors.append(.init("officeName", e))
        }
        let maxSchools = whole(self.maxSchools, in: 1...50)
        if maxSchools == nil { errors.append(.init("maxSchools", "请填写1到50之间的整数")) }
        if let e = Validate.phone(complaintPhone) { errors.append(.init("complaintPhone", e)) }
        if let e = Validate.phone(responsiblePhone) { errors.append(.init("responsiblePhone", e)) }
        if let e = Validate.optional(complaintChannel, field: "投诉渠道", maxLength: 200) {
            errors.append(.init("complaintChannel", e))
        }
        if let e = Validate.optional(responsiblePerson, field: "区级负责人", maxLength: 40) {
            errors.append(.init("responsiblePerson", e))
        }
        if let e = Validate.optional(supervisionItems, field: "督导事项", maxLength: 2000) {
            errors.append(.init("supervisionItems", e))
        }
        var compliance = ComplianceSettings()
        switch self.compliance.validated() {
        case .success(let c): compliance = c
        case .failure(let e): errors += e
        }
        let rubric = Rubric(setting: self.rubric)
        if rubric == nil { errors.append(.init("rubric", "评估表格式应为“教学目标:15；教学内容:20”，每项满分1到100")) }
        let kindergartenRubric = Rubric(setting: self.kindergartenRubric)
        if kindergartenRubric == nil {
            errors.append(.init("kindergartenRubric", "评估表格式应为“活动目标:15；环境与材料:20”，每项满分1到100"))
        }
        let bands = RubricBands(
            excellent: Int(trimmed(bandExcellent)) ?? -1, good: Int(trimmed(bandGood)) ?? -1,
            pass: Int(trimmed(bandPass)) ?? -1)
        if bands == nil { errors.append(.init("bandExcellent", "等级线为1到100的整数，且优秀高于良好、良好高于合格")) }
        let documents = SettingsList.documents.parse(documentChecklist)
        if documents == nil { errors.append(.init("documentChecklist", "请填写1到40项，用顿号或换行分隔，每项不超过20个字")) }
        let kindergartenDocuments = SettingsList.documents.parse(self.kindergartenDocuments)
        if kindergartenDocuments == nil {
            errors.append(.init("kindergartenDocuments", "请填写1到40项，用顿号或换行分隔，每项不超过20个字"))
        }
        let categories = SettingsList.categories.parse(problemCategories)
        if categories == nil {
            errors.append(.init("problemCategories", "请填写1到30个问题类别，用顿号分隔，每个不超过10个字"))
        }
        let prefix = trimmed(noticePrefix)
        if prefix.isEmpty || prefix.count > 6 { errors.append(.init("noticePrefix", "文号前缀为1到6个字")) }
        let noticeDays = whole(self.noticeDays, in: 1...180)
        if noticeDays == nil { errors.append(.init("noticeDays", "整改期限应为1到180天")) }
        var steps: [EscalationPolicy.Rule] = []
        for (field, step, text) in [
            ("reminderAfter", EscalationStep.reminder, reminderAfter), ("interviewAfter", .interview, interviewAfter),
            ("publicNoticeAfter", .publicNotice, publicNoticeAfter),
        ] {
            let t = trimmed(text)
            if t.isEmpty { continue }
            guard let n = whole(t, in: 0...365) else {
                errors.append(.init(field, "应为0到365之间的整数，或留空"))
                continue
            }
            steps.append(.init(step: step, afterDaysOverdue: n))
        }
        let escalation = EscalationPolicy(steps: steps)
        for e in escalation.problems { errors.append(.init("publicNoticeAfter", e.message)) }
        var calendar = WorkingCalendar()
        switch WorkingCalendar.parse(holidays) {
        case .success(let c): calendar = c
        case .failure(let e): errors += e.map { FieldError("holidays", $0.message) }
        }
        let complaintCategories = SettingsList.categories.parse(self.complaintCategories)
        if complaintCategories == nil {
            errors.append(.init("complaintCategories", "请填写1到30个投诉类别，用顿号分隔，每个不超过10个字"))
        }
        var terms = TermDates()
        switch TermDates.parse(termDates) {
        case .success(let t): terms = t
        case .failure(let e): errors += e
        }
        var limits = ComplaintTimeLimits()
        // Each limit's message goes next to its own field of the form.
        let fields = ["accept": "limitAccept", "verify": "limitVerify", "handle": "limitHandle", "reply": "limitReply"]
        let typed = [
            ("limitAccept", limitAccept), ("limitVerify", limitVerify), ("limitHandle", limitHandle),
            ("limitReply", limitReply),
        ]
        let numbers = typed.map { Int(trimmed($0.1)) }
        if let accept = numbers[0], let verify = numbers[1], let handle = numbers[2], let reply = numbers[3] {
            switch ComplaintTimeLimits(accept: accept, verify: verify, handle: handle, reply: reply).validated() {
            case .success(let l): limits = l
            case .failure(let e): errors += e.map { FieldError(fields[$0.field] ?? $0.field, $0.message) }
            }
        } else {
            for (field, _) in zip(typed, numbers).filter({ $0.1 == nil }).map({ $0.0 }) {
                errors.append(.init(field, "办理时限应为整数（工作日）"))
            }
        }
        guard errors.isEmpty, let maxSchools, let rubric, let noticeDays, let categories, let kindergartenRubric,
            let bands,
            let documents, let kindergartenDocuments, let complaintCategories
        else { return .failure(errors) }
        return .success(
            DistrictSettingsValues(
                officeName: trimmed(officeName), maxSchoolsPerInspector: maxSchools,
                complaintPhone: trimmed(complaintPhone),
                complaintChannel: trimmed(complaintChannel), responsiblePerson: trimmed(responsiblePerson),
                responsiblePhone: trimmed(responsiblePhone), supervisionItems: trimmed(supervisionItems),
                compliance: compliance, rubric: rubric, problemCategories: categories, noticePrefix: prefix,
                noticeDays: noticeDays, noticeRequiresApproval: noticeRequiresApproval, escalation: escalation,
                holidays: calendar.text, complaintLimits: limits, webhookURL: trimmed(webhookURL),
                termDates: terms.text,
                urgentCategories: complaintCategories.filter { urgentCategories.contains($0) },
                kindergartenRubric: kindergartenRubric, rubricBands: bands, documentChecklist: documents,
                kindergartenDocuments: kindergartenDocuments, complaintCategories: complaintCategories,
                specialMayBeResponsible: specialMayBeResponsible))
    }
}
