/// A district's own rules for campaigns: which phases each kind goes through (a special-topic or random check may
/// skip the notice and the 自评) and how many working days a target has for its 申辩 after the preliminary opinion.
public struct CampaignRules: Sendable, Equatable, Codable {
    public static let defaultAppealDays = 5
    public static let appealDayRange = 1...30

    /// Working days for the 申辩, counted from the day the preliminary opinion is delivered.
    public var appealDays: Int
    /// Each kind's phases (raw values) where the district changed them; other kinds keep their default.
    public var phases: [String: [String]]

    public init(appealDays: Int = defaultAppealDays, phases: [String: [String]] = [:]) {
        self.appealDays = appealDays
        self.phases = phases
    }

    /// The phases a new campaign of `kind` goes through.
    public func phases(for kind: CampaignKind) -> [CampaignPhase] {
        CampaignProcedure.phases(from: phases[kind.rawValue] ?? [], kind: kind)
    }

    /// The last day a 申辩 is accepted when the preliminary opinion was delivered on `deliveredOn`.
    public func appealDue(deliveredOn: Day, calendar: WorkingCalendar) -> Day {
        calendar.adding(workingDays: appealDays, to: deliveredOn)
    }

    /// Why a 申辩 is refused on `today` (nil: it is in time).
    public static func lateAppeal(due: Day?, today: Day) -> String? {
        guard let due, today > due else { return nil }
        return "申辩期已于\(due.chinese)届满，不能再提出申辩"
    }

    /// Reads the settings form: `appealDays`, and per kind the ticked phases under `phases-<kind>`.
    public static func parse(_ fields: [String: String], lists: [String: [String]]) -> Validated<CampaignRules> {
        var errors: [FieldError] = []
        let days = Int((fields["appealDays"] ?? "").trimmingCharacters(in: .whitespaces))
        if days == nil || !appealDayRange.contains(days!) {
            errors.append(
                FieldError(
                    "appealDays",
                    "申辩期请填写 \(appealDayRange.lowerBound)–\(appealDayRange.upperBound) 个工作日"))
        }
        var phases: [String: [String]] = [:]
        for kind in CampaignKind.allCases {
            let ticked = Set((lists[field(kind)] ?? []).compactMap(CampaignPhase.init(rawValue:)))
            if ticked.isEmpty {
                errors.append(FieldError(field(kind), "请为\(kind.label)至少选择一个环节"))
                continue
            }
            if !ticked.contains(.onSite) {
                errors.append(FieldError(field(kind), "\(kind.label)必须包含「实地督导」环节（评分在这一环节）"))
            }
            if ticked.contains(.appeal), !ticked.contains(.preliminary) {
                errors.append(FieldError(field(kind), "\(kind.label)有「申辩」环节时必须先有「初步意见」"))
            }
            let ordered = CampaignPhase.allCases.filter { ticked.contains($0) }
            if ordered != kind.defaultPhases { phases[kind.rawValue] = ordered.map(\.rawValue) }
        }
        guard errors.isEmpty, let days else { return .failure(errors) }
        return .success(CampaignRules(appealDays: days, phases: phases))
    }

    /// The form field of a kind's phases.
    public static func field(_ kind: CampaignKind) -> String { "phases-" + kind.rawValue }
}
