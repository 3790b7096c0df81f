/// What the inspector saw at a kindergarten (rules.md §5): 小学化倾向, care and hygiene, food, safety, staffing,
/// qualifications and fees. Every field optional: only what was checked is judged.
public struct KindergartenObservation: Sendable, Equatable, Codable {
    /// No written homework, no tests or rankings.
    public var noWrittenHomework: Bool?
    /// No pre-teaching of primary content (拼音、汉字书写、计算), no primary-style timetable.
    public var noPrimaryContent: Bool?
    /// 晨午检、消毒、卫生保健 in place.
    public var careAndHealth: Bool?
    public var foodSafety: Bool?
    public var safetyProtection: Bool?
    /// Children and 保教人员 counted in the classes seen, for the 师幼比.
    public var children: Int?
    public var careStaff: Int?
    /// 保教人员 hold their certificates.
    public var staffQualified: Bool?
    /// Fees shown publicly.
    public var feesPublished: Bool?

    public init() {}

    /// Nothing was checked.
    public var isEmpty: Bool { self == KindergartenObservation() }
}

public enum KindergartenRules {
    /// 全日制 保教人员:幼儿 about 1:7–1:9 (2013 配备标准): more than 9 children per 保教人员 is a finding.
    public static let maxChildrenPerCareStaff = 9

    /// Turns an observation into findings, each with the rule it was judged by.
    public static func findings(_ o: KindergartenObservation) -> [WorkloadFinding] {
        var out: [WorkloadFinding] = []
        func yesNo(_ value: Bool?, _ item: String, ok: String, bad: String) {
            guard let value else { return }
            out.append(.init(item: item, ok: value, message: value ? ok : bad))
        }
        yesNo(
            o.noWrittenHomework, "小学化倾向", ok: "未布置书面作业，未组织测试和排名",
            bad: "存在小学化倾向：给幼儿布置书面作业或组织测试、排名")
        yesNo(
            o.noPrimaryContent, "小学化倾向", ok: "未提前教授小学内容，一日活动以游戏为基本活动",
            bad: "存在小学化倾向：提前教授拼音、汉字书写、计算等小学内容或按小学课表上课")
        yesNo(
            o.careAndHealth, "保育与卫生保健", ok: "晨午检、消毒和卫生保健制度落实",
            bad: "保育与卫生保健不到位：晨午检、消毒或卫生保健记录缺失")
        yesNo(o.foodSafety, "食品安全", ok: "食品采购、留样和操作规范", bad: "食品安全管理不到位：采购索证、留样或操作不规范")
        yesNo(
            o.safetyProtection, "安全防护", ok: "园舍、设施设备和接送安全防护到位",
            bad: "安全防护不到位：园舍设施存在隐患或接送管理不严")
        if let children = o.children, let staff = o.careStaff, children > 0 {
            if staff <= 0 {
                out.append(.init(item: "师幼比", ok: false, message: "查看的班级有幼儿\(children)名，没有保教人员在岗"))
            } else {
                let perStaff = Double(children) / Double(staff)
                let ok = perStaff <= Double(maxChildrenPerCareStaff)
                let ratio = "1:\(WorkloadRules.format((perStaff * 10).rounded() / 10))"
                out.append(
                    .init(
                        item: "师幼比", ok: ok,
                        message: ok
                            ? "保教人员\(staff)名、幼儿\(children)名，师幼比\(ratio)，符合1:7至1:9的配备标准"
                            : "保教人员\(staff)名、幼儿\(children)名，师幼比\(ratio)，低于1:\(maxChildrenPerCareStaff)的配备标准"))
            }
        }
        yesNo(
            o.staffQualified, "保教人员资质", ok: "保教人员持证上岗", bad: "部分保教人员无教师资格证或保育员证")
        yesNo(o.feesPublished, "收费公示", ok: "收费项目和标准已公示", bad: "收费项目和标准未公示")
        return out
    }
}
