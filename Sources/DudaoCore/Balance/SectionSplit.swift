import Foundation

/// How a combined school's shared resources are split between its sections: by enrolment weighted per section
/// (rules.md §4: 九年一贯制 1 : 1.1, 完全中学 junior : senior 1 : 1.2, twelve-year 1 : 1.1 : 1.32). A district
/// setting, written "小学:1；初中:1.1；高中:1.32".
public struct SectionWeights: Sendable, Equatable, Codable {
    public var primary: Double
    public var junior: Double
    public var senior: Double

    public init(primary: Double = 1, junior: Double = 1.1, senior: Double = 1.32) {
        self.primary = primary
        self.junior = junior
        self.senior = senior
    }

    public func weight(_ section: SchoolSection) -> Double {
        switch section {
        case .primary: primary
        case .junior: junior
        case .senior: senior
        default: 1
        }
    }

    /// Each section's share of the school's resources: `wₛ·Pₛ / Σ w·P`. A school with one section (or no
    /// students) keeps everything in its first section.
    public func shares(_ students: [SchoolSection: Int]) -> [SchoolSection: Double] {
        let weighted = students.mapValues { Double(max($0, 0)) }.map { ($0.key, $0.value * weight($0.key)) }
        let total = weighted.reduce(0) { $0 + $1.1 }
        guard total > 0, weighted.count > 1 else {
            return students.keys.min { $0.rawValue < $1.rawValue }.map { [$0: 1] } ?? [:]
        }
        return Dictionary(uniqueKeysWithValues: weighted.map { ($0.0, $0.1 / total) })
    }

    /// The balance rows of one school: one per compulsory section, with the shared resources split.
    public func rows(
        code: String, name: String, students: [SchoolSection: Int], resources: [BalanceResource: Double]
    ) -> [BalanceRow] {
        let shares = shares(students)
        return BalanceStandard.sections.compactMap { section in
            guard let n = students[section], n > 0, let share = shares[section] else { return nil }
            return BalanceRow(
                schoolCode: code, schoolName: name, section: section, students: n,
                resources: resources.mapValues { $0 * share })
        }
    }

    /// The setting as the office writes it.
    public var setting: String {
        "小学:\(Self.format(primary))；初中:\(Self.format(junior))；高中:\(Self.format(senior))"
    }

    /// Reads "小学:1；初中:1.1；高中:1.32" (any of "；;，," between parts, ":" or "：" inside); nil when a
    /// part is not understood or a weight is not between 0.1 and 10. Empty means the defaults.
    public init?(setting: String) {
        self.init()
        let text = setting.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        for part in text.split(whereSeparator: { "；;，,".contains($0) }) {
            let pair = part.split(whereSeparator: { ":：".contains($0) }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard pair.count == 2, let w = Double(pair[1]), w.isFinite, w >= 0.1, w <= 10 else { return nil }
            switch pair[0] {
            case "小学": primary = w
            case "初中": junior = w
            case "高中": senior = w
            default: return nil
            }
        }
    }

    static func format(_ w: Double) -> String {
        w == w.rounded() ? String(Int(w)) : String(w)
    }
}
