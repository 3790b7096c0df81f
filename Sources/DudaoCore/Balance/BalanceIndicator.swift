/// A resource a school reports each year for the balance statistics (均衡发展 差异系数, rules.md §4).
public enum BalanceResource: String, CaseIterable, Sendable, Codable {
    case floorArea = "floor_area"
    case sportsArea = "sports_area"
    case equipmentValue = "equipment_value"
    case computers, books, teachers
    case teachersAboveQualification = "teachers_above_qualification"
    case seniorTitleTeachers = "senior_title_teachers"
    case backboneTeachers = "backbone_teachers"
    case peArtsTeachers = "pe_arts_teachers"
    case multimediaClassrooms = "multimedia_classrooms"

    public var label: String {
        switch self {
        case .floorArea: "教学及辅助用房面积"
        case .sportsArea: "体育运动场馆面积"
        case .equipmentValue: "教学仪器设备值"
        case .computers: "计算机台数"
        case .books: "图书册数"
        case .teachers: "专任教师数"
        case .teachersAboveQualification: "高于规定学历教师数"
        case .seniorTitleTeachers: "中级及以上职称教师数"
        case .backboneTeachers: "县级及以上骨干教师数"
        case .peArtsTeachers: "体育、艺术专任教师数"
        case .multimediaClassrooms: "网络多媒体教室数"
        }
    }

    public var unit: String {
        switch self {
        case .floorArea, .sportsArea: "平方米"
        case .equipmentValue: "元"
        case .computers: "台"
        case .books: "册"
        case .multimediaClassrooms: "间"
        default: "人"
        }
    }

    /// Counted things are whole; areas and money may have decimals.
    public var isCount: Bool { ![.floorArea, .sportsArea, .equipmentValue].contains(self) }
}

/// One indicator of the balance statistics: a resource per student (or per 100 students).
public enum BalanceIndicator: String, CaseIterable, Sendable, Codable {
    case floorAreaPerStudent = "floor_area_per_student"
    case sportsAreaPerStudent = "sports_area_per_student"
    case equipmentValuePerStudent = "equipment_value_per_student"
    case computersPer100 = "computers_per_100"
    case booksPerStudent = "books_per_student"
    case teachersPerStudent = "teachers_per_student"
    case qualifiedTeachersPerStudent = "qualified_teachers_per_student"
    case qualifiedTeachersPer100 = "qualified_teachers_per_100"
    case seniorTitleTeachersPerStudent = "senior_title_teachers_per_student"
    case backboneTeachersPer100 = "backbone_teachers_per_100"
    case peArtsTeachersPer100 = "pe_arts_teachers_per_100"
    case multimediaClassroomsPer100 = "multimedia_classrooms_per_100"

    public var resource: BalanceResource {
        switch self {
        case .floorAreaPerStudent: .floorArea
        case .sportsAreaPerStudent: .sportsArea
        case .equipmentValuePerStudent: .equipmentValue
        case .computersPer100: .computers
        case .booksPerStudent: .books
        case .teachersPerStudent: .teachers
        case .qualifiedTeachersPerStudent, .qualifiedTeachersPer100: .teachersAboveQualification
        case .seniorTitleTeachersPerStudent: .seniorTitleTeachers
        case .backboneTeachersPer100: .backboneTeachers
        case .peArtsTeachersPer100: .peArtsTeachers
        case .multimediaClassroomsPer100: .multimediaClassrooms
        }
    }

    /// 100 for "每百名学生" indicators, 1 for "生均" ones.
    public var scale: Double { rawValue.hasSuffix("_per_100") ? 100 : 1 }

    public var label: String {
        switch self {
        case .floorAreaPerStudent: "生均教学及辅助用房面积"
        case .sportsAreaPerStudent: "生均体育运动场馆面积"
        case .equipmentValuePerStudent: "生均教学仪器设备值"
        case .computersPer100: "每百名学生拥有计算机台数"
        case .booksPerStudent: "生均图书册数"
        case .teachersPerStudent: "师生比（生均专任教师数）"
        case .qualifiedTeachersPerStudent: "生均高于规定学历教师数"
        case .qualifiedTeachersPer100: "每百名学生拥有高于规定学历教师数"
        case .seniorTitleTeachersPerStudent: "生均中级及以上专业技术职务教师数"
        case .backboneTeachersPer100: "每百名学生拥有县级及以上骨干教师数"
        case .peArtsTeachersPer100: "每百名学生拥有体育、艺术专任教师数"
        case .multimediaClassroomsPer100: "每百名学生拥有网络多媒体教室数"
        }
    }

    /// The unit of a school's value: the resource's unit, per student or per 100 students.
    public var unit: String { resource.unit + (scale == 100 ? "/百生" : "/生") }
}

/// The national standard a county is measured against.
public enum BalanceStandard: String, CaseIterable, Sendable, Codable {
    /// 县域义务教育均衡发展督导评估暂行办法 (2012): eight coefficients, their mean against 0.65 / 0.55.
    case basic2012 = "2012"
    /// 县域义务教育优质均衡发展督导评估办法 (2017): seven coefficients each against 0.50 / 0.45, and seven
    /// standards every school must reach.
    case quality2017 = "2017"

    public var label: String { self == .basic2012 ? "基本均衡（2012）" : "优质均衡（2017）" }

    public var indicators: [BalanceIndicator] {
        switch self {
        case .basic2012:
            [
                .floorAreaPerStudent, .sportsAreaPerStudent, .equipmentValuePerStudent, .computersPer100,
                .booksPerStudent, .teachersPerStudent, .qualifiedTeachersPerStudent, .seniorTitleTeachersPerStudent,
            ]
        case .quality2017:
            [
                .qualifiedTeachersPer100, .backboneTeachersPer100, .peArtsTeachersPer100, .floorAreaPerStudent,
                .sportsAreaPerStudent, .equipmentValuePerStudent, .multimediaClassroomsPer100,
            ]
        }
    }

    /// The resources the standard needs (a file may leave the others out).
    public var resources: [BalanceResource] { indicators.map(\.resource) }

    /// The line a coefficient must stay at or under: 2012 for the composite (the mean of the eight), 2017 for
    /// each of the seven.
    public func coefficientLine(_ section: SchoolSection) -> Double {
        switch (self, section) {
        case (.basic2012, .junior): 0.55
        case (.basic2012, _): 0.65
        case (.quality2017, .junior): 0.45
        case (.quality2017, _): 0.50
        }
    }

    /// 2017: the value each school must reach (the standards table of rules.md §4); nil under 2012.
    public func schoolStandard(_ indicator: BalanceIndicator, _ section: SchoolSection) -> Double? {
        guard self == .quality2017 else { return nil }
        let junior = section == .junior
        switch indicator {
        case .qualifiedTeachersPer100: return junior ? 5.3 : 4.2
        case .backboneTeachersPer100: return 1
        case .peArtsTeachersPer100: return 0.9
        case .floorAreaPerStudent: return junior ? 5.8 : 4.5
        case .sportsAreaPerStudent: return junior ? 10.2 : 7.5
        case .equipmentValuePerStudent: return junior ? 2500 : 2000
        case .multimediaClassroomsPer100: return junior ? 2.4 : 2.3
        default: return nil
        }
    }

    /// 2017: a school meets the standards with at least this many of the seven reached …
    public static let requiredMet = 6
    /// … and no unmet one under this share of its standard.
    public static let floorShare = 0.85

    /// The sections the statistics are computed for (compulsory education).
    public static let sections: [SchoolSection] = [.primary, .junior]
}
