import DudaoCore
import Vapor

/// Checks each section's form and builds its record; nothing is saved when a check fails.
enum VisitSections {
    static func trimmed(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// A lesson or 教研活动 at a school; a 保教活动 at a kindergarten (its kind of activity in `subject`).
    static func observation(
        _ f: VisitsController.ObservationForm, profile: VisitProfile, rubric: Rubric, visitID: Int
    ) -> Validated<ClassObservation> {
        var errors: [FieldError] = []
        let requested = f.kind.flatMap(ObservationKind.init(rawValue:)) ?? profile.observationKinds[0]
        // A kindergarten has no lessons, a school no 保教活动: the kind follows the school.
        let kind = profile.observationKinds.contains(requested) ? requested : profile.observationKinds[0]
        if kind != .research {
            if let e = Validate.required(trimmed(f.className), field: "班级", maxLength: 30) {
                errors.append(.init("className", e))
            }
        }
        if kind == .lesson, let e = Validate.required(trimmed(f.subject), field: "学科", maxLength: 20) {
            errors.append(.init("subject", e))
        }
        if kind == .activity, !KindergartenActivity.kinds.contains(trimmed(f.subject)) {
            errors.append(.init("subject", "请选择活动类型"))
        }
        if let e = Validate.optional(trimmed(f.teacher), field: "授课教师", maxLength: 20) {
            errors.append(.init("teacher", e))
        }
        if let e = Validate.required(trimmed(f.topic), field: kind == .lesson ? "课题" : "活动名称", maxLength: 100) {
            errors.append(.init("topic", e))
        }
        if let e = Validate.optional(trimmed(f.comment), field: "评价意见", maxLength: 2000) {
            errors.append(.init("comment", e))
        }
        var scores: [String: Int] = [:]
        switch rubric.validate(f.scores ?? [:]) {
        case .success(let s): scores = s
        case .failure(let e): errors += e
        }
        guard errors.isEmpty else { return .failure(errors) }
        let o = ClassObservation()
        o.visitID = visitID
        o.kind = kind
        o.className = trimmed(f.className)
        o.subject = trimmed(f.subject)
        o.teacher = trimmed(f.teacher)
        o.topic = trimmed(f.topic)
        o.comment = trimmed(f.comment)
        o.scores = String(decoding: (try? JSONEncoder().encode(scores)) ?? Data("{}".utf8), as: UTF8.self)
        return .success(o)
    }

    static func interview(_ f: VisitsController.InterviewForm, profile: VisitProfile, visitID: Int) -> Validated<
        Interview
    > {
        var errors: [FieldError] = []
        // Children in a kindergarten are not interviewed; a school has no 保育员.
        let group = f.group.flatMap(InterviewGroup.init(rawValue:)).flatMap {
            profile.interviewGroups.contains($0) ? $0 : nil
        }
        if group == nil {
            errors.append(.init("group", "请选择访谈对象（\(profile.interviewGroups.map(\.label).joined(separator: "、"))）"))
        }
        let (n, e) = Validate.count(f.people ?? "", field: "人数", optional: false)
        if let e { errors.append(.init("people", e)) } else if n == 0 { errors.append(.init("people", "人数至少为1")) }
        if let n, n > 500 { errors.append(.init("people", "人数过大，请核对")) }
        if let e = Validate.optional(trimmed(f.notes), field: "访谈内容", maxLength: 3000) {
            errors.append(.init("notes", e))
        }
        guard errors.isEmpty, let group, let n else { return .failure(errors) }
        let i = Interview()
        i.visitID = visitID
        i.group = group
        i.people = n
        i.notes = trimmed(f.notes)
        i.isInternal = ["on", "true", "1"].contains(f.internalOnly ?? "")
        return .success(i)
    }

    /// A problem found on `visit`, followed up by `followUpBy` (see `VisitRecords.followUpInspector`).
    static func problem(_ f: VisitsController.ProblemForm, categories: [String], visit: Visit, followUpBy: Int?)
        -> Validated<Problem>
    {
        var errors: [FieldError] = []
        if followUpBy == nil {
            errors.append(.init("description", "该校没有责任督学，本次督导也没有督学同行：请先为学校安排责任督学，再记录问题"))
        }
        let category = trimmed(f.category)
        if !categories.contains(category) { errors.append(.init("category", "请选择问题类别")) }
        let severity = f.severity.flatMap(ProblemSeverity.init(rawValue:))
        if severity == nil { errors.append(.init("severity", "请选择严重程度")) }
        let disposition = f.disposition.flatMap(ProblemDisposition.init(rawValue:))
        if disposition == nil { errors.append(.init("disposition", "请选择处理方式")) }
        if let e = Validate.required(trimmed(f.description), field: "问题描述", maxLength: 2000) {
            errors.append(.init("description", e))
        }
        guard errors.isEmpty, let severity, let disposition, let followUpBy else { return .failure(errors) }
        let p = Problem()
        p.visitID = visit.id!
        p.schoolID = visit.schoolID
        p.orgPath = visit.orgPath
        p.inspectorID = followUpBy
        p.category = category
        p.severity = severity
        p.disposition = disposition
        p.description = trimmed(f.description)
        p.state = .open
        p.draft = visit.status == .draft
        p.referralDepartment = ""
        p.referralReply = ""
        return .success(p)
    }

    /// The documents ticked (from the district's list for this type of school) and the checks that apply to it:
    /// 五项管理/双减 at a school, the kindergarten checks at a kindergarten.
    static func checks(_ f: VisitsController.ChecksForm, profile: VisitProfile, documents: [String]) -> Validated<
        VisitChecks
    > {
        var errors: [FieldError] = []
        var c = VisitChecks()
        c.documents = (f.documents ?? []).filter { documents.contains($0) }
        c.documentNotes = trimmed(f.documentNotes)
        if let e = Validate.optional(c.documentNotes, field: "查阅情况", maxLength: 2000) {
            errors.append(.init("documentNotes", e))
        }
        if profile.isKindergarten {
            switch kindergartenChecks(f) {
            case .success(let k): c.kindergarten = k.isEmpty ? nil : k
            case .failure(let e): errors += e
            }
            return errors.isEmpty ? .success(c) : .failure(errors)
        }
        c.workload.band = f.band.flatMap(GradeBand.init(rawValue:)).flatMap {
            profile.gradeBands.contains($0) ? $0 : nil
        }
        func number(_ s: String?, _ field: String, _ name: String, _ range: ClosedRange<Double>) -> Double? {
            let t = trimmed(s)
            if t.isEmpty { return nil }
            guard let v = Double(t), range.contains(v) else {
                errors.append(.init(field, "\(name)应为\(Int(range.lowerBound))到\(Int(range.upperBound))之间的数"))
                return nil
            }
            return v
        }
        c.workload.homeworkMinutes = number(f.homeworkMinutes, "homeworkMinutes", "作业时长（分钟）", 0...300).map { Int($0) }
        c.workload.sleepHours = number(f.sleepHours, "sleepHours", "睡眠时间（小时）", 0...14)
        c.workload.peLessonsPerWeek = number(f.peLessons, "peLessons", "每周体育课节数", 0...10).map { Int($0) }
        let first = trimmed(f.firstLesson)
        if !first.isEmpty {
            if WorkloadRules.minutesOfDay(first) == nil {
                errors.append(.init("firstLesson", "时间格式应为 08:20"))
            } else {
                c.workload.firstLesson = first
            }
        }
        c.workload.phonesManaged = yesNo(f.phones)
        c.workload.readingFiled = yesNo(f.reading)
        c.workload.exerciseHour = yesNo(f.exercise)
        c.workload.afterSchoolService = profile.checksAfterSchoolService ? yesNo(f.afterSchool) : nil
        if c.workload.band == nil
            && (c.workload.homeworkMinutes != nil || c.workload.sleepHours != nil || c.workload.peLessonsPerWeek != nil
                || c.workload.firstLesson != nil)
        {
            errors.append(.init("band", "请选择检查的年级段，作业、睡眠和体育课的标准按年级段判断"))
        }
        return errors.isEmpty ? .success(c) : .failure(errors)
    }

    static func yesNo(_ s: String?) -> Bool? { s == "yes" ? true : s == "no" ? false : nil }

    /// The kindergarten checks: each 符合/不符合/未检查, and the children and 保教人员 counted for the 师幼比.
    static func kindergartenChecks(_ f: VisitsController.ChecksForm) -> Validated<KindergartenObservation> {
        var errors: [FieldError] = []
        var k = KindergartenObservation()
        k.noWrittenHomework = yesNo(f.kgHomework)
        k.noPrimaryContent = yesNo(f.kgPrimaryContent)
        k.careAndHealth = yesNo(f.kgCare)
        k.foodSafety = yesNo(f.kgFood)
        k.safetyProtection = yesNo(f.kgSafety)
        k.staffQualified = yesNo(f.kgQualified)
        k.feesPublished = yesNo(f.kgFees)
        let (children, ce) = Validate.count(f.kgChildren ?? "", field: "幼儿人数")
        let (staff, se) = Validate.count(f.kgStaff ?? "", field: "保教人员人数")
        if let ce {
            errors.append(.init("kgChildren", ce))
        } else if let n = children, n > 2000 {
            errors.append(.init("kgChildren", "幼儿人数过大，请核对"))
        }
        if let se {
            errors.append(.init("kgStaff", se))
        } else if let n = staff, n > 500 {
            errors.append(.init("kgStaff", "保教人员人数过大，请核对"))
        }
        if (children == nil) != (staff == nil), ce == nil, se == nil {
            errors.append(.init(children == nil ? "kgChildren" : "kgStaff", "计算师幼比须同时填写幼儿人数和保教人员人数"))
        }
        k.children = children
        k.careStaff = staff
        return errors.isEmpty ? .success(k) : .failure(errors)
    }

    static let maxPhotoBytes = 8 * 1024 * 1024

    /// Checks a photo by its first bytes and size (the upload itself is on disk).
    static func photo(head: Data, size: Int, caption: String) -> Validated<(ImageKind, String)> {
        guard let kind = ImageKind(sniffing: head) else { return .failure([.init("photo", "只能上传 JPG、PNG 或 WebP 照片")]) }
        guard size <= maxPhotoBytes else { return .failure([.init("photo", "照片不能超过8MB")]) }
        let c = trimmed(caption)
        if c.count > 100 { return .failure([.init("caption", "照片说明不能超过100个字")]) }
        return .success((kind, c))
    }

    /// What a visit needs before it can be submitted: a summary. The 六个一 shortfalls are shown, not enforced.
    static func submitProblems(_ l: VisitRecords.Loaded) -> [FieldError] {
        var errors: [FieldError] = []
        if l.visit.summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(.init("summary", "请先填写“督导情况”再提交"))
        }
        if l.visit.startTime.isEmpty { errors.append(.init("start", "请填写到校时间")) }
        if let refusal = FindingOffers.submitRefusal(pending: pendingFindings(l).count) {
            errors.append(.init("findings", refusal))
        }
        return errors
    }

    /// The failed checks of the visit still waiting to be recorded as a problem or dismissed.
    static func pendingFindings(_ l: VisitRecords.Loaded) -> [WorkloadFinding] {
        FindingOffers.pending(l.visit.checkRecord, problemDescriptions: l.problems.map(\.description))
    }

    /// The problem a failed check becomes: its item as the category where the district has one (else 五项管理,
    /// else the last category), 较重, to be rectified, the finding's words as the description.
    static func problemForm(for finding: WorkloadFinding, categories: [String]) -> VisitsController.ProblemForm {
        VisitsController.ProblemForm(
            category: FindingOffers.category(for: finding, in: categories), severity: ProblemSeverity.serious.rawValue,
            disposition: ProblemDisposition.rectify.rawValue, description: finding.message)
    }

    /// The 六个一 checks of one visit, shown on the page before submitting.
    static func reminders(_ l: VisitRecords.Loaded, settings: ComplianceSettings) -> [String] {
        var out: [String] = []
        let profile = l.school.type.visitProfile
        // A plan is an inspector's 六个一; the office recording a visit itself has none to link.
        if l.plan == nil, l.visit.inspectorID != nil { out.append("未关联督导方案（六个一：每次督导前制定一份方案）") }
        if l.observations.count < settings.observationsPerVisit {
            out.append(
                profile.isKindergarten
                    ? "尚未记录保教活动观察（每次至少\(settings.observationsPerVisit)次）"
                    : "尚未记录听课或教研活动（每次至少\(settings.observationsPerVisit)节）")
        }
        func people(_ groups: Set<InterviewGroup>) -> Int {
            l.interviews.filter { groups.contains($0.group) }.reduce(0) { $0 + $1.people }
        }
        if profile.isKindergarten {
            let staff = people([.teachers, .caregivers])
            let parents = people([.parents])
            if staff < settings.kindergartenStaffPerVisit {
                out.append("已访谈教师和保育员\(staff)名，应至少\(settings.kindergartenStaffPerVisit)名")
            }
            if parents < settings.kindergartenParentsPerVisit {
                out.append("已访谈家长\(parents)名，应至少\(settings.kindergartenParentsPerVisit)名")
            }
        } else {
            let teachers = people([.teachers])
            let students = people([.students])
            if teachers < settings.teachersPerVisit { out.append("已访谈教师\(teachers)名，应至少\(settings.teachersPerVisit)名") }
            if students < settings.studentsPerVisit { out.append("已访谈学生\(students)名，应至少\(settings.studentsPerVisit)名") }
        }
        // Seed 000: 必查作业批改 is for routine visits to schools; a kindergarten has no homework to mark.
        if l.visit.kind == .routine, profile.marksHomework,
            !l.visit.checkRecord.documents.contains(DocumentChecklist.homeworkMarking)
        {
            out.append("常规督导必查教师作业批改，尚未勾选")
        }
        return out
    }
}
