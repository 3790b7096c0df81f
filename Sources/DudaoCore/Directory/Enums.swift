/// Enumerations of the directory, stored as their `rawValue` strings and shown by `label`.
/// Each parses from its Chinese label too, so imports accept what an office types.
public protocol LabelledEnum: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String {
    var label: String { get }
}

extension LabelledEnum {
    /// Parses a raw code or a Chinese label (also a few common aliases via `aliases`).
    public init?(label text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let byLabel = Self.allCases.first(where: { $0.label == trimmed || $0.rawValue == trimmed }) {
            self = byLabel
        } else {
            return nil
        }
    }

    public static var labelList: String { allCases.map(\.label).joined(separator: "、") }
}

public enum SchoolType: String, LabelledEnum {
    case kindergarten, primary, junior, nineYear, twelveYear, complete, senior, vocational, special,
        teachingPoint

    public var label: String {
        switch self {
        case .kindergarten: "幼儿园"
        case .primary: "小学"
        case .junior: "初中"
        case .nineYear: "九年一贯制"
        case .twelveYear: "十二年一贯制"
        case .complete: "完全中学"
        case .senior: "高中"
        case .vocational: "中职"
        case .special: "特殊教育"
        case .teachingPoint: "教学点"
        }
    }

    /// The sections (学段) whose enrolment is recorded separately for a combined school.
    public var sections: [SchoolSection] {
        switch self {
        case .kindergarten: [.preschool]
        case .primary, .teachingPoint: [.primary]
        case .junior: [.junior]
        case .nineYear: [.primary, .junior]
        case .twelveYear: [.primary, .junior, .senior]
        case .complete: [.junior, .senior]
        case .senior: [.senior]
        case .vocational: [.vocational]
        case .special: [.special]
        }
    }

    public var isCombined: Bool { sections.count > 1 }
}

public enum SchoolSection: String, LabelledEnum {
    case preschool, primary, junior, senior, vocational, special
    public var label: String {
        switch self {
        case .preschool: "学前"
        case .primary: "小学"
        case .junior: "初中"
        case .senior: "高中"
        case .vocational: "中职"
        case .special: "特教"
        }
    }
}

public enum Ownership: String, LabelledEnum {
    case publicSchool = "public"
    case privateSchool = "private"
    public var label: String { self == .publicSchool ? "公办" : "民办" }
}

public enum SchoolStatus: String, LabelledEnum {
    case open, closed
    public var label: String { self == .open ? "在办" : "停办" }
}

/// How an inspector is appointed (聘任方式). What they do is separate: `InspectorDuty`, which may combine.
public enum InspectorKind: String, LabelledEnum {
    case fullTime, partTime
    public var label: String { self == .fullTime ? "专职" : "兼职" }
}

/// What an appointed inspector does (督学类别): 督学, 责任督学 (responsible for schools), 特约督学 (invited, e.g.
/// from the People's Congress). One inspector may hold several.
public enum InspectorDuty: String, LabelledEnum {
    case inspector, responsible, special
    public var label: String {
        switch self {
        case .inspector: "督学"
        case .responsible: "责任督学"
        case .special: "特约督学"
        }
    }

    /// "responsible,special" as stored → the duties, in their order; unknown words are skipped.
    public static func parseStored(_ text: String) -> [InspectorDuty] {
        let set = Set(text.split(separator: ",").compactMap { InspectorDuty(rawValue: String($0)) })
        return allCases.filter(set.contains)
    }

    /// The duties as stored: their raw values in order, comma-separated.
    public static func stored(_ duties: some Sequence<InspectorDuty>) -> String {
        let set = Set(duties)
        return allCases.filter(set.contains).map(\.rawValue).joined(separator: ",")
    }

    /// "责任督学、特约督学" for pages.
    public static func labels(_ duties: [InspectorDuty]) -> String { duties.map(\.label).joined(separator: "、") }
}

public enum Gender: String, LabelledEnum {
    case male, female
    public var label: String { self == .male ? "男" : "女" }
}

public enum InspectorStatus: String, LabelledEnum {
    case active, retired
    public var label: String { self == .active ? "在岗" : "离任" }
}

public enum OrgLevel: String, LabelledEnum {
    case city, district, township
    public var label: String {
        switch self {
        case .city: "市"
        case .district: "区县"
        case .township: "镇街"
        }
    }
}

public enum Role: String, LabelledEnum {
    case admin, office, inspector, school, leader
    public var label: String {
        switch self {
        case .admin: "平台管理员"
        case .office: "督导室"
        case .inspector: "督学"
        case .school: "学校"
        case .leader: "领导"
        }
    }

    /// Roles that may change the directory.
    public var mayEditDirectory: Bool { self == .admin || self == .office }
    /// Roles that see the audit trail.
    public var mayReadAudit: Bool { self == .admin || self == .office }
}
