/// The district's 六个一 settings as typed on the settings form, checked into `ComplianceSettings`.
public struct ComplianceSettingsInput: Sendable, Equatable {
    public var visitsPerSchoolPerMonth = ""
    public var observationsPerVisit = ""
    public var teachersPerVisit = ""
    public var studentsPerVisit = ""
    public var kindergartenStaffPerVisit = ""
    public var kindergartenParentsPerVisit = ""
    public var summariesPerSemester = ""
    public var casesPerSemester = ""
    /// Months without required visits, e.g. "7,8" or "1、2、7、8".
    public var vacationMonths = ""
    public var minAssignedDaysInMonth = ""

    public init() {}

    public init(_ s: ComplianceSettings) {
        visitsPerSchoolPerMonth = String(s.visitsPerSchoolPerMonth)
        observationsPerVisit = String(s.observationsPerVisit)
        teachersPerVisit = String(s.teachersPerVisit)
        studentsPerVisit = String(s.studentsPerVisit)
        kindergartenStaffPerVisit = String(s.kindergartenStaffPerVisit)
        kindergartenParentsPerVisit = String(s.kindergartenParentsPerVisit)
        summariesPerSemester = String(s.summariesPerSemester)
        casesPerSemester = String(s.casesPerSemester)
        vacationMonths = s.vacationMonths.sorted().map(String.init).joined(separator: ",")
        minAssignedDaysInMonth = String(s.minAssignedDaysInMonth)
    }

    public func validated() -> Validated<ComplianceSettings> {
        var s = ComplianceSettings()
        var errors: [FieldError] = []
        func number(_ text: String, _ field: String, _ name: String, _ range: ClosedRange<Int>) -> Int? {
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
                errors.append(.init(field, "\(name)应为\(range.lowerBound)到\(range.upperBound)之间的整数"))
                return nil
            }
            return n
        }
        s.visitsPerSchoolPerMonth = number(visitsPerSchoolPerMonth, "visitsPerSchoolPerMonth", "每校每月督导次数", 1...10) ?? 1
        s.observationsPerVisit = number(observationsPerVisit, "observationsPerVisit", "每次听课或教研次数", 0...10) ?? 1
        s.teachersPerVisit = number(teachersPerVisit, "teachersPerVisit", "每次访谈教师人数", 0...50) ?? 2
        s.studentsPerVisit = number(studentsPerVisit, "studentsPerVisit", "每次访谈学生人数", 0...50) ?? 3
        s.kindergartenStaffPerVisit =
            number(kindergartenStaffPerVisit, "kindergartenStaffPerVisit", "幼儿园每次访谈教师或保育员人数", 0...50) ?? 2
        s.kindergartenParentsPerVisit =
            number(kindergartenParentsPerVisit, "kindergartenParentsPerVisit", "幼儿园每次访谈家长人数", 0...50) ?? 3
        s.summariesPerSemester = number(summariesPerSemester, "summariesPerSemester", "每学期工作总结篇数", 0...10) ?? 1
        s.casesPerSemester = number(casesPerSemester, "casesPerSemester", "每学期督导案例篇数", 0...10) ?? 1
        s.minAssignedDaysInMonth = number(minAssignedDaysInMonth, "minAssignedDaysInMonth", "挂牌满多少天才须督导", 1...31) ?? 15
        let parts = vacationMonths.split(whereSeparator: { ",，、 ;；".contains($0) })
        var months: Set<Int> = []
        for p in parts {
            guard let m = Int(p), (1...12).contains(m) else {
                errors.append(.init("vacationMonths", "假期月份应为1到12的数字，用逗号分隔，如 7,8"))
                break
            }
            months.insert(m)
        }
        if months.count > 6 { errors.append(.init("vacationMonths", "假期月份不能超过6个")) }
        s.vacationMonths = months
        return errors.isEmpty ? .success(s) : .failure(errors)
    }
}
