import Foundation

/// One school section's figures for one year: the unit the coefficients are computed over.
public struct BalanceRow: Sendable, Equatable {
    public var schoolCode: String
    public var schoolName: String
    public var section: SchoolSection
    public var students: Int
    public var resources: [BalanceResource: Double]

    public init(
        schoolCode: String, schoolName: String, section: SchoolSection, students: Int,
        resources: [BalanceResource: Double]
    ) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.section = section
        self.students = students
        self.resources = resources
    }

    /// The school's value of an indicator, `R / P` (× 100 for the per-100 ones); nil without students.
    public func value(_ indicator: BalanceIndicator) -> Double? {
        guard students > 0 else { return nil }
        return (resources[indicator.resource] ?? 0) / Double(students) * indicator.scale
    }
}

/// The coefficient of one indicator in one section.
public struct BalanceCoefficient: Sendable, Equatable {
    public var indicator: BalanceIndicator
    /// `X̄ = ΣR / ΣP` (pooled, × 100 for the per-100 ones), not the mean of the schools' values.
    public var countyValue: Double
    /// `S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²)`, weighted by enrolment, no n − 1.
    public var deviation: Double
    /// `S / X̄`, unrounded; 0 when every school has the same value (also when that value is 0).
    public var cv: Double
    /// 2017: the line this coefficient must stay under; 2012 has a line for the composite only.
    public var line: Double?
    /// Each row's share of `S²` (Σ = 1): who pulls the coefficient up. Same order as the rows.
    public var pull: [Double]

    public var passes: Bool? { line.map { cv <= $0 } }
}

/// One school section's attainment of the 2017 standards.
public struct BalanceAttainment: Sendable, Equatable {
    public struct Shortfall: Sendable, Equatable {
        public var indicator: BalanceIndicator
        public var value: Double
        public var standard: Double
        /// `value / standard`: under 0.85 fails the school whatever else it meets.
        public var ratio: Double { value / standard }
    }
    public var row: Int
    public var met: Int
    public var shortfalls: [Shortfall]
    public var passes: Bool {
        met >= BalanceStandard.requiredMet && shortfalls.allSatisfy { $0.ratio >= BalanceStandard.floorShare }
    }
}

/// The statistics of one section (小学 or 初中).
public struct BalanceSectionResult: Sendable, Equatable {
    public var section: SchoolSection
    public var standard: BalanceStandard
    /// Indices into the computation's rows.
    public var rows: [Int]
    public var students: Int
    public var coefficients: [BalanceCoefficient]
    /// 2017: each school's attainment of the seven standards; empty under 2012.
    public var attainment: [BalanceAttainment]

    public var line: Double { standard.coefficientLine(section) }
    /// 2012: the mean of the eight coefficients; nil under 2017, which has no combined value.
    public var compositeCV: Double? {
        guard standard == .basic2012, !coefficients.isEmpty else { return nil }
        return coefficients.map(\.cv).reduce(0, +) / Double(coefficients.count)
    }
    public var passes: Bool {
        if let compositeCV { return compositeCV <= line }
        return coefficients.allSatisfy { $0.cv <= line }
    }
    public func coefficient(_ indicator: BalanceIndicator) -> BalanceCoefficient? {
        coefficients.first { $0.indicator == indicator }
    }
}

/// The county's balance statistics for one standard (rules.md §4), computed per section.
public struct BalanceComputation: Sendable, Equatable {
    public var standard: BalanceStandard
    public var rows: [BalanceRow]
    public var sections: [BalanceSectionResult]

    /// Computes every section that has a row with students; rows without students are left out (the input
    /// readers refuse them, so they only come from a school that has not reported).
    public init(rows: [BalanceRow], standard: BalanceStandard) {
        self.standard = standard
        self.rows = rows
        sections = BalanceStandard.sections.compactMap { section in
            let members = rows.indices.filter { rows[$0].section == section && rows[$0].students > 0 }
            guard !members.isEmpty else { return nil }
            return Self.section(section, members: members, rows: rows, standard: standard)
        }
    }

    public func section(_ section: SchoolSection) -> BalanceSectionResult? {
        sections.first { $0.section == section }
    }

    static func section(
        _ section: SchoolSection, members: [Int], rows: [BalanceRow], standard: BalanceStandard
    ) -> BalanceSectionResult {
        let students = members.reduce(0) { $0 + rows[$1].students }
        let line = standard == .quality2017 ? standard.coefficientLine(section) : nil
        let memberRows = members.map { rows[$0] }
        let coefficients = standard.indicators.map { Self.coefficient($0, memberRows, line: line) }
        let attainment =
            standard == .quality2017
            ? members.map { Self.attainment(rows[$0], index: $0, standard: standard) } : []
        return BalanceSectionResult(
            section: section, standard: standard, rows: members, students: students, coefficients: coefficients,
            attainment: attainment)
    }

    /// The enrolment-weighted coefficient of variation of one indicator over `rows` (all with students).
    public static func coefficient(_ indicator: BalanceIndicator, _ rows: [BalanceRow], line: Double?)
        -> BalanceCoefficient
    {
        let total = Double(rows.reduce(0) { $0 + $1.students })
        let resources = rows.reduce(0.0) { $0 + ($1.resources[indicator.resource] ?? 0) }
        let county = resources / total * indicator.scale
        let terms = rows.map { row -> Double in
            let gap = (row.value(indicator) ?? 0) - county
            return Double(row.students) / total * gap * gap
        }
        let variance = terms.reduce(0, +)
        let deviation = variance.squareRoot()
        let cv = deviation == 0 ? 0 : deviation / county
        let pull = variance == 0 ? terms.map { _ in 0 } : terms.map { $0 / variance }
        return BalanceCoefficient(
            indicator: indicator, countyValue: county, deviation: deviation, cv: cv, line: line, pull: pull)
    }

    public static func attainment(_ row: BalanceRow, index: Int, standard: BalanceStandard) -> BalanceAttainment {
        var met = 0
        var shortfalls: [BalanceAttainment.Shortfall] = []
        for indicator in standard.indicators {
            guard let required = standard.schoolStandard(indicator, row.section) else { continue }
            let value = row.value(indicator) ?? 0
            if value >= required {
                met += 1
            } else {
                shortfalls.append(.init(indicator: indicator, value: value, standard: required))
            }
        }
        return BalanceAttainment(row: index, met: met, shortfalls: shortfalls)
    }
}
