/// 学前教育普及普惠 (rules.md §5): a township's or the county's figures for one year.
public struct PreschoolFigures: Sendable, Equatable {
    /// Resident children of kindergarten age (3–5), as the township reports them.
    public var ageChildren: Int
    /// Children in kindergartens (在园幼儿).
    public var enrolled: Int
    /// Children in public kindergartens.
    public var inPublic: Int
    /// Children in public and 普惠性民办 kindergartens.
    public var inInclusive: Int

    public init(ageChildren: Int = 0, enrolled: Int = 0, inPublic: Int = 0, inInclusive: Int = 0) {
        self.ageChildren = ageChildren
        self.enrolled = enrolled
        self.inPublic = inPublic
        self.inInclusive = inInclusive
    }

    public static let grossEnrolmentLine = 0.85
    public static let inclusiveLine = 0.80
    public static let publicLine = 0.50

    /// 毛入园率: enrolled / resident children of age; nil without the population.
    public var grossEnrolment: Double? { ratio(enrolled, ageChildren) }
    /// 普惠性幼儿园覆盖率.
    public var inclusiveCoverage: Double? { ratio(inInclusive, enrolled) }
    /// 公办园在园幼儿占比.
    public var publicShare: Double? { ratio(inPublic, enrolled) }

    /// Every figure computable and at its line.
    public var passes: Bool {
        guard let g = grossEnrolment, let i = inclusiveCoverage, let p = publicShare else { return false }
        return g >= Self.grossEnrolmentLine && i >= Self.inclusiveLine && p >= Self.publicLine
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(
            ageChildren: a.ageChildren + b.ageChildren, enrolled: a.enrolled + b.enrolled,
            inPublic: a.inPublic + b.inPublic, inInclusive: a.inInclusive + b.inInclusive)
    }

    /// One kindergarten's children counted into the figures.
    public mutating func add(children: Int, isPublic: Bool, isInclusive: Bool) {
        enrolled += children
        if isPublic { inPublic += children }
        if isPublic || isInclusive { inInclusive += children }
    }

    private func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
