/// What a visit records at each type of school, and the words the pages use for it (docs/school-types.md).
/// A kindergarten is not a small primary school (rules.md §5): it has a 园长 and 在园幼儿, its classes are
/// 小班/中班/大班, an inspector observes a 保教活动 instead of a lesson, interviews teachers, 保育员 and parents
/// instead of pupils, and checks 小学化倾向, care, food, safety, staffing and fees instead of homework.
public struct VisitProfile: Sendable, Equatable {
    public let type: SchoolType

    public init(_ type: SchoolType) { self.type = type }

    public var isKindergarten: Bool { type == .kindergarten }

    /// 校长 or 园长.
    public var headTitle: String { isKindergarten ? "园长" : "校长" }
    /// 在校生 or 在园幼儿.
    public var pupilsWord: String { isKindergarten ? "在园幼儿" : "在校生" }
    /// A hint for the class box of an observation.
    public var classExample: String { isKindergarten ? "如：大（1）班、中二班" : "如：四（2）班" }

    /// What an inspector may observe: a 保教活动 in a kindergarten, a lesson or a 教研活动 elsewhere.
    public var observationKinds: [ObservationKind] { isKindergarten ? [.activity] : [.lesson, .research] }

    /// Whom an inspector talks to: never children in a kindergarten.
    public var interviewGroups: [InterviewGroup] {
        isKindergarten ? [.teachers, .caregivers, .parents] : [.teachers, .students, .parents]
    }

    /// The grade bands whose 五项管理/双减 standards apply (none in a kindergarten or a 中职).
    public var gradeBands: [GradeBand] {
        switch type {
        case .kindergarten, .vocational: []
        case .primary, .teachingPoint: [.lowerPrimary, .upperPrimary]
        case .junior: [.junior]
        case .nineYear, .special: [.lowerPrimary, .upperPrimary, .junior]
        case .twelveYear: GradeBand.allCases
        case .complete: [.junior, .senior]
        case .senior: [.senior]
        }
    }

    /// The 五项管理/双减 section applies to every school but a kindergarten (which has its own checks).
    public var checksWorkload: Bool { !isKindergarten }
    /// 课后服务 is a rule of compulsory education (primary and junior sections).
    public var checksAfterSchoolService: Bool {
        type.sections.contains(where: { [.primary, .junior, .special].contains($0) })
    }
    /// A routine visit must check homework marking (seed 000: 必查教师作业批改); a kindergarten gives none.
    public var marksHomework: Bool { !isKindergarten }
}

extension SchoolType {
    public var visitProfile: VisitProfile { VisitProfile(self) }
}
