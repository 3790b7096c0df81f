/// What a form or an import row says about an inspector, as text, before it is checked.
public struct InspectorInput: Sendable, Equatable {
    public var name = ""
    public var kind = ""
    public var gender = ""
    public var phone = ""
    public var employer = ""
    public var post = ""
    public var termStart = ""
    public var termEnd = ""
    public var duties = ""
    /// 督学类别 as typed ("责任督学、特约督学") or ticked (raw values); empty: 督学.
    public var roles: [String] = []
    /// Whether 督学类别 was given at all: an import file without the column leaves an inspector's duties as they are.
    public var rolesGiven = true

    public init() {}

    public static let headers = ["姓名", "聘任方式", "督学类别", "性别", "手机号", "工作单位", "职务", "聘期开始", "聘期结束"]

    public init(row: [String: String]) {
        name = row["姓名"] ?? ""
        // Files made from the older template have one column, 督学类型, mixing the two.
        kind = row["聘任方式"] ?? row["督学类型"] ?? ""
        roles = (row["督学类别"] ?? "").split(whereSeparator: { "、,，;； ".contains($0) }).map(String.init)
        rolesGiven = row["督学类别"] != nil
        gender = row["性别"] ?? ""
        phone = row["手机号"] ?? ""
        employer = row["工作单位"] ?? ""
        post = row["职务"] ?? ""
        termStart = row["聘期开始"] ?? ""
        termEnd = row["聘期结束"] ?? ""
        duties = row["职责"] ?? ""
    }
}

public struct InspectorRecord: Sendable, Equatable {
    public var name: String
    public var kind: InspectorKind
    public var gender: Gender
    public var phone: String
    public var employer: String
    public var post: String
    public var term: InspectorRules.Term?
    public var duties: String
    public var roles: [InspectorDuty]
    /// False when the input said nothing about duties (keep the inspector's).
    public var rolesGiven = true
}

extension InspectorInput {
    public func validated() -> Validated<InspectorRecord> {
        var errors: [FieldError] = []
        func t(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }
        if let e = Validate.required(name, field: "姓名", maxLength: 20) { errors.append(.init("name", e)) }
        // The older single choice: 特约 and 责任督学 were kinds; they are part-time appointments with that duty.
        var roleWords = roles.map(t).filter { !$0.isEmpty }
        var legacyRole = false
        var k = InspectorKind(label: kind)
        if k == nil, let legacy = InspectorDuty(label: t(kind) == "特约" ? "特约督学" : t(kind)), legacy != .inspector {
            k = .partTime
            roleWords.append(legacy.rawValue)
            legacyRole = true
        }
        if k == nil {
            errors.append(.init("kind", t(kind).isEmpty ? "请选择聘任方式" : "聘任方式应为：\(InspectorKind.labelList)"))
        }
        var parsedRoles: [InspectorDuty] = []
        for word in roleWords {
            if let d = InspectorDuty(label: word) ?? (word == "特约" ? .special : nil) {
                parsedRoles.append(d)
            } else {
                errors.append(.init("roles", "督学类别应为：\(InspectorDuty.labelList)，可多选"))
                break
            }
        }
        let roleSet = Set(parsedRoles)
        let finalRoles = roleSet.isEmpty ? [InspectorDuty.inspector] : InspectorDuty.allCases.filter(roleSet.contains)
        let g = Gender(label: gender)
        if g == nil { errors.append(.init("gender", "性别应为“男”或“女”")) }
        if t(phone).isEmpty {
            errors.append(.init("phone", "请填写手机号"))
        } else if !Validate.isMobile(t(phone)) {
            errors.append(.init("phone", "手机号应为11位数字"))
        }
        if let e = Validate.optional(employer, field: "工作单位", maxLength: 60) { errors.append(.init("employer", e)) }
        if let e = Validate.optional(post, field: "职务", maxLength: 30) { errors.append(.init("post", e)) }
        if let e = Validate.optional(duties, field: "职责", maxLength: 500) { errors.append(.init("duties", e)) }
        var term: InspectorRules.Term?
        let s = t(termStart)
        let e = t(termEnd)
        if !s.isEmpty || !e.isEmpty {
            let start = Day(parsing: s)
            let end = Day(parsing: e)
            if start == nil { errors.append(.init("termStart", "聘期开始日期格式应为 2026-09-01")) }
            if end == nil { errors.append(.init("termEnd", "聘期结束日期格式应为 2029-08-31")) }
            if let start, let end {
                let candidate = InspectorRules.Term(start: start, end: end)
                if let problem = InspectorRules.validate(term: candidate) {
                    errors.append(.init("termEnd", problem))
                } else {
                    term = candidate
                }
            }
        }
        guard errors.isEmpty, let k, let g else { return .failure(errors) }
        return .success(
            InspectorRecord(
                name: t(name), kind: k, gender: g, phone: t(phone), employer: t(employer), post: t(post),
                term: term, duties: t(duties), roles: finalRoles, rolesGiven: rolesGiven || legacyRole))
    }
}
