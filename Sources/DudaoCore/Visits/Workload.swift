/// 五项管理 and 双减: the measurable rules of rules.md §6, turned into findings on a visit.
public enum GradeBand: String, LabelledEnum {
    case lowerPrimary, upperPrimary, junior, senior
    public var label: String {
        switch self {
        case .lowerPrimary: "小学一二年级"
        case .upperPrimary: "小学三至六年级"
        case .junior: "初中"
        case .senior: "高中"
        }
    }

    /// Average daily written homework allowed, in minutes (grades 1–2: none).
    public var homeworkLimit: Int? {
        switch self {
        case .lowerPrimary: 0
        case .upperPrimary: 60
        case .junior: 90
        case .senior: nil
        }
    }

    /// Minimum sleep, in hours.
    public var sleepHours: Int {
        switch self {
        case .lowerPrimary, .upperPrimary: 10
        case .junior: 9
        case .senior: 8
        }
    }

    /// Earliest first lesson, minutes after midnight (8:20 primary, 8:00 secondary).
    public var earliestFirstLesson: Int {
        switch self {
        case .lowerPrimary, .upperPrimary: 8 * 60 + 20
        case .junior, .senior: 8 * 60
        }
    }

    /// PE lessons per week.
    public var peLessonsPerWeek: Int {
        switch self {
        case .lowerPrimary: 4
        case .upperPrimary, .junior: 3
        case .senior: 2
        }
    }
}

/// What the inspector measured or saw for the 五项管理 / 双减 checks; every field optional.
public struct WorkloadObservation: Sendable, Equatable, Codable {
    public var band: GradeBand?
    public var homeworkMinutes: Int?
    public var sleepHours: Double?
    /// "08:10"
    public var firstLesson: String?
    public var peLessonsPerWeek: Int?
    public var phonesManaged: Bool?
    public var readingFiled: Bool?
    public var exerciseHour: Bool?
    public var afterSchoolService: Bool?
    public init() {}
}

public struct WorkloadFinding: Sendable, Equatable, Codable {
    public let item: String
    public let ok: Bool
    public let message: String

    public init(item: String, ok: Bool, message: String) {
        self.item = item
        self.ok = ok
        self.message = message
    }
}

public enum WorkloadRules {
    /// Turns an observation into findings: each measured item, compliant or not, with the rule quoted.
    public static func findings(_ o: WorkloadObservation) -> [WorkloadFinding] {
        var out: [WorkloadFinding] = []
        if let band = o.band {
            if let minutes = o.homeworkMinutes {
                if let limit = band.homeworkLimit {
                    let ok = minutes <= limit
                    out.append(
                        .init(
                            item: "作业管理", ok: ok,
                            message: limit == 0
                                ? (ok
                                    ? "\(band.label)未布置书面家庭作业"
                                    : "\(band.label)布置了书面家庭作业（约\(minutes)分钟），不符合“一二年级不布置书面家庭作业”")
                                : (ok
                                    ? "\(band.label)书面作业平均约\(minutes)分钟，未超过\(limit)分钟"
                                    : "\(band.label)书面作业平均约\(minutes)分钟，超过\(limit)分钟的规定")))
                }
            }
            if let hours = o.sleepHours {
                let ok = hours >= Double(band.sleepHours)
                out.append(
                    .init(
                        item: "睡眠管理", ok: ok,
                        message: ok
                            ? "学生睡眠约\(format(hours))小时，达到\(band.sleepHours)小时要求"
                            : "学生睡眠约\(format(hours))小时，少于\(band.sleepHours)小时的要求"))
            }
            if let text = o.firstLesson, let minutes = minutesOfDay(text) {
                let ok = minutes >= band.earliestFirstLesson
                let limit = band.earliestFirstLesson
                out.append(
                    .init(
                        item: "睡眠管理", ok: ok,
                        message: ok
                            ? "第一节课\(text)开始，不早于\(limit / 60):\(String(format: "%02d", limit % 60))"
                            : "第一节课\(text)开始，早于\(limit / 60):\(String(format: "%02d", limit % 60))的规定"))
            }
            if let pe = o.peLessonsPerWeek {
                let ok = pe >= band.peLessonsPerWeek
                out.append(
                    .init(
                        item: "体质管理", ok: ok,
                        message: ok
                            ? "体育课每周\(pe)节，达到\(band.peLessonsPerWeek)节" : "体育课每周\(pe)节，少于\(band.peLessonsPerWeek)节的规定"))
            }
        }
        if let v = o.phonesManaged {
            out.append(.init(item: "手机管理", ok: v, message: v ? "手机原则上不进校园，确需带入的由学校统一保管" : "手机管理不到位：学生手机进入课堂或未统一保管"))
        }
        if let v = o.readingFiled {
            out.append(.init(item: "读物管理", ok: v, message: v ? "课外读物经学校审核并备案" : "课外读物未经审核备案"))
        }
        if let v = o.exerciseHour {
            out.append(.init(item: "体质管理", ok: v, message: v ? "保证学生在校每天1小时体育锻炼" : "未保证学生在校每天1小时体育锻炼"))
        }
        if let v = o.afterSchoolService {
            out.append(.init(item: "课后服务", ok: v, message: v ? "课后服务结束时间不早于当地正常下班时间" : "课后服务时间不足"))
        }
        return out
    }

    static func format(_ h: Double) -> String {
        h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
    }

    /// "8:20" / "08:20" → 500.
    public static func minutesOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }
}

/// The documents an inspector may check (district settings; these are the defaults). Seed 000: a routine visit
/// to a school must check homework marking (必查教师作业批改); a kindergarten has its own list and no homework.
public enum DocumentChecklist {
    public static let items = [
        "教师备课（教案）", "作业布置与批改", "分层作业设计", "听课评课记录", "教研活动记录", "课程表与课程开设", "实验教学记录", "信息化教学",
        "社团活动记录", "图书借阅记录", "安全工作台账",
    ]
    public static let kindergartenItems = [
        "保教计划与活动方案", "幼儿一日活动安排", "晨午检与消毒记录", "卫生保健记录", "食品采购与留样台账", "安全检查台账", "收费公示材料",
        "教职工资格证书",
    ]
    /// The item a routine visit to a school must check.
    public static let homeworkMarking = "作业布置与批改"
}

/// The JSON stored with a visit: documents checked, the 五项管理 observation, and the failed checks the
/// inspector decided not to record as problems, each with the reason (finding message → reason).
public struct VisitChecks: Sendable, Equatable, Codable {
    public var documents: [String] = []
    public var documentNotes: String = ""
    public var workload = WorkloadObservation()
    /// Optional so that records saved before it existed still decode.
    public var dismissed: [String: String]? = nil
    /// A kindergarten's checks instead of the 五项管理 (nil at a school, and in records saved before).
    public var kindergarten: KindergartenObservation? = nil
    public init() {}

    public var findings: [WorkloadFinding] {
        WorkloadRules.findings(workload) + (kindergarten.map(KindergartenRules.findings) ?? [])
    }
}

/// Failed checks drive work: each is offered as a problem until the inspector records it or dismisses it with a
/// reason, and a visit is not submitted while one is left unanswered.
public enum FindingOffers {
    /// The failed findings of `checks` not yet recorded as a problem (by its text) nor dismissed.
    public static func pending(_ checks: VisitChecks, problemDescriptions: [String]) -> [WorkloadFinding] {
        let recorded = Set(problemDescriptions)
        let dismissed = checks.dismissed ?? [:]
        var seen = Set<String>()
        return checks.findings.filter {
            !$0.ok && !recorded.contains($0.message) && dismissed[$0.message] == nil && seen.insert($0.message).inserted
        }
    }

    /// The problem category a finding is recorded under: its item or the first of its usual categories the
    /// district has, else 五项管理 or 办学行为, else the district's last category.
    public static func category(for finding: WorkloadFinding, in categories: [String]) -> String {
        let usual: [String: [String]] = [
            "作业管理": ["作业管理", "五项管理"], "睡眠管理": ["五项管理"], "体质管理": ["五项管理"], "手机管理": ["五项管理"],
            "读物管理": ["五项管理"], "课后服务": ["五项管理", "办学行为"], "小学化倾向": ["小学化倾向", "办学行为"],
            "保育与卫生保健": ["食堂卫生", "安全", "办学行为"], "食品安全": ["食堂卫生", "办学行为"], "安全防护": ["安全", "办学行为"],
            "师幼比": ["师幼比", "办学行为"], "保教人员资质": ["师德师风", "办学行为"], "收费公示": ["收费", "办学行为"],
        ]
        let candidates = [finding.item] + (usual[finding.item] ?? []) + ["五项管理", "办学行为"]
        return candidates.first(where: categories.contains) ?? categories.last ?? "其他"
    }

    /// The message refusing submission while findings are unanswered.
    public static func submitRefusal(pending: Int) -> String? {
        pending == 0 ? nil : "还有\(pending)项检查未达标：请逐项“记为问题”，或写明不作为问题的理由后再提交"
    }
}
