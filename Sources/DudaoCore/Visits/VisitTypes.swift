/// The vocabulary of visit records, stored as raw strings and shown by label.
/// The kind of one inspector's visit. 综合督导 is a campaign of the office (条例: a team, a notice, a self-assessment,
/// a report), not something one inspector records: older records keep the kind, shown as such, but it is not offered.
public enum VisitKind: String, LabelledEnum {
    case routine, followUp, special, random, fullDay, comprehensive
    public var label: String {
        switch self {
        case .routine: "常规督导"
        case .followUp: "随访督导"
        case .special: "专项督导"
        case .random: "随机督导"
        case .fullDay: "一日督导"
        case .comprehensive: "综合督导（旧记录）"
        }
    }

    /// The kinds a visit may be recorded as.
    public static let choosable: [VisitKind] = allCases.filter { $0 != .comprehensive }
}

public enum VisitStatus: String, LabelledEnum {
    case draft, submitted
    public var label: String { self == .draft ? "草稿" : "已提交" }
}

/// A lesson or a 教研活动 at a school; a 保教活动 (game, daily routine or educational activity) at a kindergarten.
public enum ObservationKind: String, LabelledEnum {
    case lesson, research, activity
    public var label: String {
        switch self {
        case .lesson: "听课"
        case .research: "教研活动"
        case .activity: "保教活动"
        }
    }
}

/// The kinds of 保教活动 in a kindergarten's day (一日活动), stored in the observation's subject.
public enum KindergartenActivity {
    public static let kinds = ["游戏活动", "生活活动", "教育活动", "户外体育活动"]
}

public enum InterviewGroup: String, LabelledEnum {
    case teachers, students, parents, caregivers
    public var label: String {
        switch self {
        case .teachers: "教师"
        case .students: "学生"
        case .parents: "家长"
        case .caregivers: "保育员"
        }
    }
}

public enum ProblemSeverity: String, LabelledEnum {
    case minor, serious, urgent
    public var label: String {
        switch self {
        case .minor: "一般"
        case .serious: "较重"
        case .urgent: "严重"
        }
    }
}

/// 整改 (rectification), 协商 (referral to a bureau department) or 建议 (a suggestion only).
public enum ProblemDisposition: String, LabelledEnum {
    case rectify, refer, suggest
    public var label: String {
        switch self {
        case .rectify: "整改"
        case .refer: "协商"
        case .suggest: "建议"
        }
    }
}

public enum ProblemState: String, LabelledEnum {
    case open, closed
    public var label: String { self == .open ? "待处理" : "已销号" }
}

public enum PlanStatus: String, LabelledEnum {
    case draft, submitted, filed, returned
    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "待备案"
        case .filed: "已备案"
        case .returned: "已退回"
        }
    }
}

/// The district's list of problem categories (a setting; this is the default).
public enum ProblemCategories {
    public static let defaults = ["办学行为", "课程教学", "作业管理", "安全", "食堂卫生", "师德师风", "校园环境", "五项管理", "其他"]
}

/// The classroom-teaching rubric (课堂教学质量评估表): dimensions with their maximum score.
public struct Rubric: Sendable, Equatable {
    public struct Dimension: Sendable, Equatable {
        public let name: String
        public let max: Int
    }
    public let dimensions: [Dimension]

    public static let standard = Rubric(dimensions: [
        .init(name: "教学目标", max: 15), .init(name: "教学内容", max: 20), .init(name: "教学方法", max: 20),
        .init(name: "学生参与", max: 25), .init(name: "教学效果", max: 20),
    ])

    /// The 保教活动 rubric of a kindergarten: no subject teaching, the child's activity and the adults' care.
    public static let kindergarten = Rubric(dimensions: [
        .init(name: "活动目标", max: 15), .init(name: "环境与材料", max: 20), .init(name: "师幼互动", max: 25),
        .init(name: "幼儿参与", max: 25), .init(name: "保育与安全", max: 15),
    ])

    /// Parses the district setting "教学目标:15；教学内容:20 …"; nil when malformed.
    public init?(setting: String) {
        let parts = setting.split(whereSeparator: { "；;\n".contains($0) }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }
        var dims: [Dimension] = []
        for part in parts {
            let kv = part.split(whereSeparator: { ":：".contains($0) })
            guard kv.count == 2, let max = Int(kv[1].trimmingCharacters(in: .whitespaces)), max > 0, max <= 100 else {
                return nil
            }
            dims.append(.init(name: kv[0].trimmingCharacters(in: .whitespaces), max: max))
        }
        guard !dims.isEmpty else { return nil }
        dimensions = dims
    }

    public init(dimensions: [Dimension]) { self.dimensions = dimensions }

    public var setting: String { dimensions.map { "\($0.name):\($0.max)" }.joined(separator: "；") }
    public var total: Int { dimensions.reduce(0) { $0 + $1.max } }

    /// Checks scores typed on a form: each present, whole, within 0…max.
    public func validate(_ raw: [String: String]) -> Validated<[String: Int]> {
        var scores: [String: Int] = [:]
        var errors: [FieldError] = []
        for d in dimensions {
            let text = (raw[d.name] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let n = Int(text), (0...d.max).contains(n) else {
                errors.append(.init("score_" + d.name, "“\(d.name)”应为0到\(d.max)之间的整数"))
                continue
            }
            scores[d.name] = n
        }
        return errors.isEmpty ? .success(scores) : .failure(errors)
    }

    /// The grade of the scores by the district's bands (default 优秀 ≥ 85%, 良好 ≥ 75%, 合格 ≥ 60%, else 待改进);
    /// nil until every dimension is scored.
    public func grade(_ scores: [String: Int], bands: RubricBands = RubricBands()) -> String? {
        guard dimensions.allSatisfy({ scores[$0.name] != nil }) else { return nil }
        let sum = dimensions.reduce(0) { $0 + scores[$1.name]! }
        // Compared in whole hundredths of the total, so 85 of 100 is 优秀 exactly at the line.
        let percent = Double(sum) * 100 / Double(total)
        let word =
            percent >= Double(bands.excellent)
            ? "优秀" : percent >= Double(bands.good) ? "良好" : percent >= Double(bands.pass) ? "合格" : "待改进"
        return "\(word)（\(sum)分）"
    }
}

/// The rubric's grade lines, as percentages of its total: a district setting (default 85 / 75 / 60).
public struct RubricBands: Sendable, Equatable, Codable {
    public var excellent = 85
    public var good = 75
    public var pass = 60

    public init() {}

    public init?(excellent: Int, good: Int, pass: Int) {
        guard (1...100).contains(excellent), (1...100).contains(good), (1...100).contains(pass),
            excellent > good, good > pass
        else { return nil }
        self.excellent = excellent
        self.good = good
        self.pass = pass
    }

    /// "85,75,60" as stored; nil when malformed.
    public init?(setting: String) {
        let parts = setting.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 3 else { return nil }
        self.init(excellent: parts[0], good: parts[1], pass: parts[2])
    }

    public var setting: String { "\(excellent),\(good),\(pass)" }
}
