/// The shades of an indicator × target heat map: a share of an indicator's points falls in one of five steps,
/// with the lines of the usual grade bands (90 %, 80 %, 60 %) so a cell's colour reads like a grade.
public enum HeatScale {
    public enum Step: Int, Sendable, CaseIterable {
        case notApplicable, failing, passing, good, excellent

        public var label: String {
            switch self {
            case .notApplicable: "不适用"
            case .failing: "低于60%"
            case .passing: "60%–80%"
            case .good: "80%–90%"
            case .excellent: "90%及以上"
            }
        }

        /// Fill colours: red to green, with grey for not applicable; each dark enough for white-free labels.
        public var fill: String {
            switch self {
            case .notApplicable: "#d5d9de"
            case .failing: "#e8a39b"
            case .passing: "#f3d48a"
            case .good: "#b5dba0"
            case .excellent: "#6fbf73"
            }
        }
    }

    /// The step of a share (0 … 1; nil: not applicable). A millionth of tolerance, as for grade bands.
    public static func step(_ ratio: Double?) -> Step {
        guard let ratio, ratio.isFinite else { return .notApplicable }
        if ratio >= 0.9 - 1e-6 { return .excellent }
        if ratio >= 0.8 - 1e-6 { return .good }
        if ratio >= 0.6 - 1e-6 { return .passing }
        return .failing
    }
}
