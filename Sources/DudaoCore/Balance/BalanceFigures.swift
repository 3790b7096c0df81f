/// Where a yearly return stands: the school fills it in and submits it; the office checks and locks it (a
/// locked return changes only after the office unlocks it).
public enum BalanceReturnState: String, LabelledEnum {
    case draft, submitted, locked
    public var label: String {
        switch self {
        case .draft: "填报中"
        case .submitted: "已报送"
        case .locked: "已审核锁定"
        }
    }

    /// The state after a save: what the office saves counts as reported (a lock stays); a school's stays a
    /// draft until it submits, and a submitted return saved again stays submitted.
    public static func afterSave(_ current: BalanceReturnState?, submit: Bool, byOffice: Bool) -> BalanceReturnState {
        if byOffice { return current == .locked ? .locked : .submitted }
        if submit { return .submitted }
        return current == .submitted ? .submitted : .draft
    }
}

/// What a school reports for one year: enrolment per section, the resources of the whole school, and for a
/// kindergarten its children and whether it is 普惠性.
public struct BalanceFigures: Sendable, Equatable {
    public var students: [SchoolSection: Int]
    public var children: Int
    public var inclusive: Bool
    public var resources: [BalanceResource: Double]

    public init(
        students: [SchoolSection: Int] = [:], children: Int = 0, inclusive: Bool = false,
        resources: [BalanceResource: Double] = [:]
    ) {
        self.students = students
        self.children = children
        self.inclusive = inclusive
        self.resources = resources
    }

    /// The sections a school of `type` reports students for: the compulsory ones it has, and the senior one of
    /// a combined school (it takes its share of the shared resources).
    public static func sections(of type: SchoolType) -> [SchoolSection] {
        let own = type.sections
        guard own.contains(.primary) || own.contains(.junior) else { return [] }
        return own.filter { [.primary, .junior, .senior].contains($0) }
    }

    /// Whether a school of `type` files a return at all: compulsory schools and kindergartens.
    public static func files(_ type: SchoolType) -> Bool {
        type == .kindergarten || !sections(of: type).isEmpty
    }

    /// The field of a section's enrolment in the return form.
    public static func studentsField(_ section: SchoolSection) -> String { BalanceColumn.students(section) }

    /// Reads the return form (or an import row keyed the same way) for a school of `type`: every field's fault.
    public static func parse(_ fields: [String: String], type: SchoolType) -> (BalanceFigures?, [FieldError]) {
        var figures = BalanceFigures()
        var errors: [FieldError] = []
        func text(_ key: String) -> String { fields[key]?.trimmingCharacters(in: .whitespaces) ?? "" }
        if type == .kindergarten {
            switch BalanceNumber.students(text("children"), minimum: 0) {
            case .success(let n): figures.children = n
            case .failure(let e): errors.append(FieldError("children", "在园幼儿数" + e.message))
            }
            figures.inclusive = ["on", "1", "是", "true"].contains(text("inclusive"))
            return (errors.isEmpty ? figures : nil, errors)
        }
        for section in sections(of: type) {
            let key = studentsField(section)
            switch BalanceNumber.students(text(key), minimum: 0) {
            case .success(let n): figures.students[section] = n
            case .failure(let e): errors.append(FieldError(key, "\(section.label)在校生数" + e.message))
            }
        }
        if errors.isEmpty, figures.students.values.allSatisfy({ $0 == 0 }) {
            errors.append(FieldError(studentsField(sections(of: type)[0]), "请填写在校生数"))
        }
        for resource in BalanceResource.allCases {
            switch BalanceNumber.resource(text(resource.rawValue), resource) {
            case .success(let v): figures.resources[resource] = v
            case .failure(let e): errors.append(FieldError(resource.rawValue, resource.label + e.message))
            }
        }
        return (errors.isEmpty ? figures : nil, errors)
    }

    /// The form's values as text (whole numbers without ".0").
    public var fields: [String: String] {
        var out: [String: String] = ["children": String(children), "inclusive": inclusive ? "on" : ""]
        for (section, n) in students { out[Self.studentsField(section)] = String(n) }
        for (resource, v) in resources { out[resource.rawValue] = Self.text(v) }
        return out
    }

    public static func text(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// The balance rows of this school: its compulsory sections with the shared resources split.
    public func rows(code: String, name: String, weights: SectionWeights) -> [BalanceRow] {
        weights.rows(code: code, name: name, students: students.filter { $0.value > 0 }, resources: resources)
    }
}
