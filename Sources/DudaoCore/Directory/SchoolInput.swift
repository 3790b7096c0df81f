/// What a form or an import row says about a school, as text, before it is checked.
/// One validator serves the edit form, the CSV/xlsx import and the API.
public struct SchoolInput: Sendable, Equatable {
    public var code = ""
    public var name = ""
    public var type = ""
    public var ownership = ""
    public var township = ""
    public var address = ""
    public var principal = ""
    public var phone = ""
    public var students = ""
    /// Enrolment by section for combined schools, e.g. "小学:820;初中:460" or per-section fields.
    public var sectionStudents: [SchoolSection: String] = [:]
    public var classes = ""
    public var staff = ""

    public init() {}

    /// Column headers of the import and export files, in order.
    public static let headers = [
        "学校标识码", "学校名称", "学校类型", "办学性质", "所属镇街", "地址", "校长", "联系电话", "在校生数", "班级数", "教职工数",
    ]

    public init(row: [String: String]) {
        code = row["学校标识码"] ?? ""
        name = row["学校名称"] ?? ""
        type = row["学校类型"] ?? ""
        ownership = row["办学性质"] ?? ""
        township = row["所属镇街"] ?? ""
        address = row["地址"] ?? ""
        principal = row["校长"] ?? ""
        phone = row["联系电话"] ?? ""
        students = row["在校生数"] ?? ""
        classes = row["班级数"] ?? ""
        staff = row["教职工数"] ?? ""
        for section in SchoolSection.allCases {
            if let v = row["\(section.label)在校生数"], !v.isEmpty { sectionStudents[section] = v }
        }
    }
}

/// A school's fields after validation; the township is still a name for the caller to resolve.
public struct SchoolRecord: Sendable, Equatable {
    public var code: String
    public var name: String
    public var type: SchoolType
    public var ownership: Ownership
    public var township: String
    public var address: String
    public var principal: String
    public var phone: String
    public var students: Int
    public var sectionStudents: [SchoolSection: Int]
    public var classes: Int
    public var staff: Int
}

extension SchoolInput {
    public func validated() -> Validated<SchoolRecord> {
        var errors: [FieldError] = []
        func t(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }
        if let e = Validate.schoolCode(code) { errors.append(.init("code", e)) }
        if let e = Validate.required(name, field: "学校名称", maxLength: 60) { errors.append(.init("name", e)) }
        let schoolType = SchoolType(label: type)
        if schoolType == nil {
            errors.append(
                .init("type", t(type).isEmpty ? "请选择学校类型" : "学校类型“\(t(type))”无法识别，应为：\(SchoolType.labelList)"))
        }
        let own = Ownership(label: ownership)
        if own == nil {
            errors.append(.init("ownership", t(ownership).isEmpty ? "请选择办学性质" : "办学性质应为“公办”或“民办”"))
        }
        if let e = Validate.required(township, field: "所属镇街", maxLength: 40) { errors.append(.init("township", e)) }
        if let e = Validate.optional(address, field: "地址", maxLength: 120) { errors.append(.init("address", e)) }
        if let e = Validate.optional(principal, field: "校长", maxLength: 30) { errors.append(.init("principal", e)) }
        if let e = Validate.phone(phone) { errors.append(.init("phone", e)) }
        let (studentCount, se) = Validate.count(students, field: "在校生数")
        if let se { errors.append(.init("students", se)) }
        let (classCount, ce) = Validate.count(classes, field: "班级数")
        if let ce { errors.append(.init("classes", ce)) }
        let (staffCount, fe) = Validate.count(staff, field: "教职工数")
        if let fe { errors.append(.init("staff", fe)) }
        var sections: [SchoolSection: Int] = [:]
        for (section, text) in sectionStudents where !t(text).isEmpty {
            let (n, e) = Validate.count(text, field: "\(section.label)在校生数")
            if let e { errors.append(.init("students_\(section.rawValue)", e)) } else { sections[section] = n }
            if let st = schoolType, !st.sections.contains(section) {
                errors.append(.init("students_\(section.rawValue)", "\(st.label)没有\(section.label)学段"))
            }
        }
        var total = studentCount ?? 0
        if !sections.isEmpty {
            let sum = sections.values.reduce(0, +)
            if t(students).isEmpty || total == 0 {
                total = sum
            } else if sum != total {
                errors.append(.init("students", "分学段在校生数之和（\(sum)）与在校生数（\(total)）不一致"))
            }
        }
        if let c = classCount, let s = studentCount, c > 0, s > 0, s / c > 120 {
            errors.append(.init("classes", "平均每班超过120人，请核对班级数"))
        }
        guard errors.isEmpty, let schoolType, let own else { return .failure(errors) }
        return .success(
            SchoolRecord(
                code: t(code), name: t(name), type: schoolType, ownership: own, township: t(township),
                address: t(address), principal: t(principal), phone: t(phone), students: total,
                sectionStudents: sections, classes: classCount ?? 0, staff: staffCount ?? 0))
    }
}
