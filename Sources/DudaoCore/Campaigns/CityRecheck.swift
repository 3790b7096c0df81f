/// 市级抽评, the third tier of an assessment: after the county's review (the team's score), the city's office
/// re-scores a share of the targets drawn at random. The share is set when the assessment starts; every tier's score
/// is kept side by side (自评, the county's, the city's).
public enum CityRecheck {
    /// Reads the form's share (per cent). Empty or 0: no re-check. Only an assessment (评估考核) has the tier.
    public static func parsePercent(_ text: String?, kind: CampaignKind?) -> Validated<Int> {
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .success(0) }
        guard text.count <= 3, let percent = Int(text), (0...100).contains(percent) else {
            return .failure([FieldError("recheckPercent", "市级抽评比例请填写 0–100 的整数（不抽评填 0 或留空）")])
        }
        if percent > 0, let kind, kind != .assessment {
            return .failure([FieldError("recheckPercent", "只有评估考核设市级抽评，\(kind.label)请填 0 或留空")])
        }
        return .success(percent)
    }

    /// How many of `count` targets a share of `percent` takes: rounded up, so a share above zero takes one at least.
    public static func sampleSize(of count: Int, percent: Int) -> Int {
        guard count > 0, percent > 0 else { return 0 }
        let percent = min(percent, 100)
        return (count * percent + 99) / 100
    }

    /// Draws the sample from the targets' ids with `generator` (the server uses the system's, so no one can tell the
    /// sample in advance). Each id is taken at most once; the result is in ascending order.
    public static func draw<G: RandomNumberGenerator>(_ ids: [Int], percent: Int, using generator: inout G) -> [Int] {
        let unique = Array(Set(ids)).sorted()
        let size = sampleSize(of: unique.count, percent: percent)
        return Array(unique.shuffled(using: &generator).prefix(size)).sorted()
    }

    /// Why the city may not draw its sample now, or nil when it may: the assessment must have the tier, be drawn
    /// once only, and every target's county score be fixed first (the sample is of the county's results, and no one
    /// learns which targets are drawn before the county has scored them all).
    public static func drawRefusal(percent: Int, drawnOn: Day?, unscored: Int) -> String? {
        if percent <= 0 { return "该任务未设市级抽评" }
        if let drawnOn { return "已于\(drawnOn.chinese)抽取抽评对象，不能重新抽取" }
        if unscored > 0 { return "还有 \(unscored) 个对象的区（县）复评未确定，全部确定后再抽取抽评对象" }
        return nil
    }

    /// Why the city may not re-score a target now, or nil when it may: the target must be in the sample, the
    /// county's score fixed, and the re-check not yet handed in.
    public static func refusal(inSample: Bool, countyScored: Bool, submitted: Bool) -> String? {
        if !inSample { return "该对象不在市级抽评样本中" }
        if !countyScored { return "区（县）复评确定后才能进行市级抽评" }
        if submitted { return "市级抽评已提交，不能再修改" }
        return nil
    }

    /// The city's score against the county's: positive when the city gave more.
    public static func difference(county: Double, city: Double) -> Double { city - county }
}
