/// The form that starts a campaign: what kind, which indicator version, when, which targets and the team.
public struct CampaignInput: Sendable, Equatable {
    public var title: String
    public var kind: CampaignKind
    public var versionID: Int
    public var startsOn: Day
    public var endsOn: Day
    public var announced: Bool
    public var leadUserID: Int
    /// The team including the lead.
    public var memberUserIDs: [Int]
    /// Which targets: schools of these types (empty: all) in these townships (empty: all), or the townships, or
    /// the county itself.
    public var targetKind: TargetKind
    public var schoolTypes: [SchoolType]
    public var townshipIDs: [Int]
    /// 市级抽评: the share of targets (per cent) the city re-scores after the county; 0: none.
    public var recheckPercent: Int

    public static let maxTeam = 30

    public init(
        title: String, kind: CampaignKind, versionID: Int, startsOn: Day, endsOn: Day, announced: Bool,
        leadUserID: Int, memberUserIDs: [Int], targetKind: TargetKind, schoolTypes: [SchoolType], townshipIDs: [Int],
        recheckPercent: Int = 0
    ) {
        self.title = title
        self.kind = kind
        self.versionID = versionID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.announced = announced
        self.leadUserID = leadUserID
        self.memberUserIDs = memberUserIDs
        self.targetKind = targetKind
        self.schoolTypes = schoolTypes
        self.townshipIDs = townshipIDs
        self.recheckPercent = recheckPercent
    }

    /// Reads the form (`fields` holds single values, `lists` the repeated ones) field by field.
    public static func parse(_ fields: [String: String], lists: [String: [String]]) -> Validated<CampaignInput> {
        var errors: [FieldError] = []
        let title = (fields["title"] ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty || title.count > 100 { errors.append(FieldError("title", "请填写任务名称（100 字以内）")) }
        let kind = CampaignKind(rawValue: fields["kind"] ?? "")
        if kind == nil { errors.append(FieldError("kind", "请选择督导类型")) }
        let version = Int(fields["version"] ?? "").flatMap { $0 > 0 ? $0 : nil }
        if version == nil { errors.append(FieldError("version", "请选择已发布的指标体系")) }
        let starts = Day(parsing: fields["startsOn"] ?? "")
        let ends = Day(parsing: fields["endsOn"] ?? "")
        if starts == nil { errors.append(FieldError("startsOn", "请填写开始日期")) }
        if ends == nil { errors.append(FieldError("endsOn", "请填写结束日期")) }
        if let starts, let ends, ends < starts { errors.append(FieldError("endsOn", "结束日期不能早于开始日期")) }
        if let starts, let ends, ends > starts.adding(days: 400) {
            errors.append(FieldError("endsOn", "一个督导任务不超过 400 天"))
        }
        let lead = Int(fields["lead"] ?? "")
        if lead == nil { errors.append(FieldError("lead", "请选择督导组组长")) }
        var members = (lists["members"] ?? []).compactMap(Int.init)
        if let lead, !members.contains(lead) { members.insert(lead, at: 0) }
        members = members.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        if let kind, members.count < kind.minimumTeam {
            errors.append(
                FieldError("members", "\(kind.label)的督导组不少于 \(kind.minimumTeam) 人（含组长），现有 \(members.count) 人"))
        }
        if members.count > maxTeam { errors.append(FieldError("members", "督导组不超过 \(maxTeam) 人")) }
        let targetKind = TargetKind(rawValue: fields["targetKind"] ?? "")
        if targetKind == nil { errors.append(FieldError("targetKind", "请选择督导对象")) }
        let types = (lists["schoolTypes"] ?? []).compactMap(SchoolType.init(rawValue:))
        let townships = (lists["townships"] ?? []).compactMap(Int.init)
        var recheck = 0
        switch CityRecheck.parsePercent(fields["recheckPercent"], kind: kind) {
        case .success(let percent): recheck = percent
        case .failure(let refused): errors += refused
        }
        guard errors.isEmpty, let kind, let version, let starts, let ends, let lead, let targetKind else {
            return .failure(errors)
        }
        return .success(
            CampaignInput(
                title: title, kind: kind, versionID: version, startsOn: starts, endsOn: ends,
                announced: fields["announced"] != nil, leadUserID: lead, memberUserIDs: members, targetKind: targetKind,
                schoolTypes: types, townshipIDs: townships, recheckPercent: recheck))
    }
}
