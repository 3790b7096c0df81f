/// 国家义务教育质量监测 (rules.md §7): a three-year cycle of subjects, a sample of schools, and the district's
/// steps, each with a date.
public enum QualityMonitoring {
    /// The three groups of subjects, one a year.
    public static let subjectGroups = [
        ["数学", "体育与健康", "心理健康"], ["语文", "艺术", "英语"], ["德育", "科学", "劳动"],
    ]

    /// The subjects of `year` in the cycle (2024 begins with mathematics).
    public static func subjects(_ year: Int) -> [String] {
        subjectGroups[((year - 2024) % 3 + 3) % 3]
    }

    /// Sample schools a sampled county usually has, and students tested in each.
    public static let primarySample = 12
    public static let juniorSample = 8
    public static let studentsPerSchool = 30

    public struct Step: Sendable, Equatable {
        public var title: String
        public var due: Day
        public var owner: String
    }

    /// The district's steps before and after the test day, each with its date (days from the test day).
    public static func steps(testDay: Day) -> [Step] {
        let plan: [(String, Int, String)] = [
            ("确认样本校，报送四年级、八年级学生名单", -45, "督导室、样本校"),
            ("培训主视导员、视导员和测试管理员", -20, "督导室"),
            ("样本校模拟演练", -7, "样本校"),
            ("测试日：领取材料、学生签到、80分钟测试和三场问卷", 0, "主视导员、样本校"),
            ("报送突发事件情况", 1, "样本校"),
            ("回收、清点、封存测试材料并交回", 2, "督导室"),
            ("报送监测工作完成情况报告", 7, "督导室"),
        ]
        return plan.map { Step(title: $0.0, due: testDay.adding(days: $0.1), owner: $0.2) }
    }

    public enum StepStatus: Sendable, Equatable {
        case done, late, dueSoon, waiting
        public var label: String {
            switch self {
            case .done: "已完成"
            case .late: "已逾期"
            case .dueSoon: "即将到期"
            case .waiting: "未到期"
            }
        }
    }

    /// A step's status today: done, past its date, within `soon` days of it, or later.
    public static func status(due: Day, doneOn: Day?, today: Day, soon: Int = 3) -> StepStatus {
        if doneOn != nil { return .done }
        if today > due { return .late }
        return due.ordinal - today.ordinal <= soon ? .dueSoon : .waiting
    }

    /// Draws `count` of `candidates` (ids), the same for the same seed: a small deterministic generator, so that
    /// the office can show how the sample was drawn.
    public static func draw(_ candidates: [Int], count: Int, seed: UInt64) -> [Int] {
        var pool = candidates.sorted()
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var out: [Int] = []
        while out.count < count, !pool.isEmpty {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let index = Int((state >> 33) % UInt64(pool.count))
            out.append(pool.remove(at: index))
        }
        return out.sorted()
    }
}
