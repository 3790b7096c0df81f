import DudaoCore
import Vapor

/// Checks each section's form and builds its record; nothing is saved when a check fails.
enum VisitSections {
    static func trimmed(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    static func observation(_ f: VisitsController.ObservationForm, rubric: Rubric, visitID: Int) -> Validated<
        ClassObservation
    > {
        var errors: [FieldError] = []
        let kind = f.kind.flatMap(ObservationKind.init(rawValue:)) ?? .lesson
        if kind == .lesson {
            if let e = Validate.required(trimmed(f.className), field: "班级", maxLength: 30) {
                errors.append(.init("className", e))
            }
            if let e = Validate.required(trimmed(f.subject), field: "学科", maxLength: 20) {
                errors.append(.init("subject", e))
            }
        }
        if let e = Validate.optional(trimmed(f.teacher), field: "授课教师", maxLength: 20) {
            errors.append(.init("teacher", e))
        }
        if let e = Validate.required(trimmed(f.topic), field: kind == .lesson ? "课题" : "活动主题", maxLength: 100) {
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

    static func interview(_ f: VisitsController.InterviewForm, visitID: Int) -> Validated<Interview> {
        var errors: [FieldError] = []
        let group = f.group.flatMap(InterviewGroup.init(rawValue:))
        if group == nil { errors.append(.init("group", "请选择访谈对象")) }
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

    static func problem(_ f: VisitsController.ProblemForm, categories: [String], visit: Visit) -> Validated<Problem> {
        var errors: [FieldError] = []
        let category = trimmed(f.category)
        if !categories.contains(category) { errors.append(.init("category", "请选择问题类别")) }
        let severity = f.severity.flatMap(ProblemSeverity.init(rawValue:))
        if severity == nil { errors.append(.init("severity", "请选择严重程度")) }
        let disposition = f.disposition.flatMap(ProblemDisposition.init(rawValue:))
        if disposition == nil { errors.append(.init("disposition", "请选择处理方式")) }
        if let e = Validate.required(trimmed(f.description), field: "问题描述", maxLength: 2000) {
            errors.append(.init("description", e))
        }
        guard errors.isEmpty, let severity, let disposition else { return .failure(errors) }
        let p = Problem()
        p.visitID = visit.id!
        p.schoolID = visit.schoolID
        p.orgPath = visit.orgPath
        p.inspectorID = visit.inspectorID
        p.category = category
        p.severity = severity
        p.disposition = disposition
        p.description = trimmed(f.description)
        p.state = .open
        p.referralDepartment = ""
        p.referralReply = ""
        return .success(p)
    }

    static func checks(_ f: VisitsController.ChecksForm) -> Validated<VisitChecks> {
        var errors: [FieldError] = []
        var c = VisitChecks()
        c.documents = (f.documents ?? []).filter { DocumentChecklist.items.contains($0) }
        c.documentNotes = trimmed(f.documentNotes)
        if let e = Validate.optional(c.documentNotes, field: "查阅情况", maxLength: 2000) {
            errors.append(.init("documentNotes", e))
        }
        c.workload.band = f.band.flatMap(GradeBand.init(rawValue:))
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
        func yesNo(_ s: String?) -> Bool? { s == "yes" ? true : s == "no" ? false : nil }
        c.workload.phonesManaged = yesNo(f.phones)
        c.workload.readingFiled = yesNo(f.reading)
        c.workload.exerciseHour = yesNo(f.exercise)
        c.workload.afterSchoolService = yesNo(f.afterSchool)
        if c.workload.band == nil
            && (c.workload.homeworkMinutes != nil || c.workload.sleepHours != nil || c.workload.peLessonsPerWeek != nil
                || c.workload.firstLesson != nil)
        {
            errors.append(.init("band", "请选择检查的年级段，作业、睡眠和体育课的标准按年级段判断"))
        }
        return errors.isEmpty ? .success(c) : .failure(errors)
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
        let category =
            categories.contains(finding.item)
            ? finding.item : categories.contains("五项管理") ? "五项管理" : (categories.last ?? "其他")
        return VisitsController.ProblemForm(
            category: category, severity: ProblemSeverity.serious.rawValue,
            disposition: ProblemDisposition.rectify.rawValue, description: finding.message)
    }

    /// The 六个一 checks of one visit, shown on the page before submitting.
    static func reminders(_ l: VisitRecords.Loaded, settings: ComplianceSettings) -> [String] {
        var out: [String] = []
        if l.plan == nil { out.append("未关联督导方案（六个一：每次督导前制定一份方案）") }
        if l.observations.count < settings.observationsPerVisit {
            out.append("尚未记录听课或教研活动（每次至少\(settings.observationsPerVisit)节）")
        }
        let teachers = l.interviews.filter { $0.group == .teachers }.reduce(0) { $0 + $1.people }
        let students = l.interviews.filter { $0.group == .students }.reduce(0) { $0 + $1.people }
        if teachers < settings.teachersPerVisit { out.append("已访谈教师\(teachers)名，应至少\(settings.teachersPerVisit)名") }
        if students < settings.studentsPerVisit { out.append("已访谈学生\(students)名，应至少\(settings.studentsPerVisit)名") }
        // Seed 000: 必查作业批改 is for routine visits to schools; a kindergarten has no homework to mark.
        if l.visit.kind == .routine, l.school.type != .kindergarten,
            !l.visit.checkRecord.documents.contains("作业布置与批改")
        {
            out.append("常规督导必查教师作业批改，尚未勾选")
        }
        return out
    }
}
