import DudaoCore
import Fluent

/// One inspector's 六个一 for a semester: the rules, the visit calendar of their schools, the shortfalls.
struct InspectorCompliance: Sendable {
    let inspectorID: Int
    let inspectorName: String
    let semester: Semester
    let result: ComplianceResult
    /// The schools of the calendar (those assigned in the semester), by name.
    let schools: [NamedSchool]
    /// The inspector's 督导月报 of the semester's months so far: submitted on time, late or missing.
    var reports: [MonthlyReportList.Row] = []

    /// The figures of `inspector`, whom the caller loaded through the account's inspector access.
    static func query(_ inspector: Inspector, semester: Semester, today: Day, on db: any Database) async throws
        -> InspectorCompliance
    {
        let settings = try await DistrictSettings.forDistrict(inspector.districtID, on: db).complianceSettings
        let result = try await ComplianceService.evaluate(
            inspectorIDs: [inspector.id!], semester: semester, today: today, settings: settings, on: db)
        let schoolIDs = Set(result.monthStates.keys.map(\.schoolID))
        let schools = try await School.query(on: db).filter(\.$id ~~ schoolIDs).sort(\.$name).all()
        let calendar = try await DistrictSettings.forDistrict(inspector.districtID, on: db).workingCalendar
        let months = semester.months.filter { $0 < YearMonth(today) }
        let saved = try await ReportStatus.of(inspectors: [inspector.id!], months: months, on: db)
        return InspectorCompliance(
            inspectorID: inspector.id!, inspectorName: inspector.name, semester: semester, result: result,
            schools: schools.map { NamedSchool(id: $0.id!, name: $0.name) },
            reports: months.map { m in
                MonthlyReportList.row(
                    inspector.id!, inspector.name, month: m, report: saved.first { $0.month == m.description },
                    due: MonthlyReportRules.due(m, calendar: calendar), today: today)
            })
    }
}

extension InspectorCompliance {
    /// The page as one sheet for its export: the six rules, the visit calendar, the shortfalls and the monthly
    /// reports, one block after another.
    var table: [[String]] {
        let states = result.ruleStates(inspectorID: inspectorID)
        var rows = [["要求", "落实情况"]]
        rows += ComplianceRule.allCases.map {
            ["\($0.number). \($0.label)", states[$0].map(ComplianceText.state) ?? "—"]
        }
        rows += [[], ["学校"] + semester.months.map(\.label)]
        rows += schools.map { s in
            [s.name]
                + semester.months.map {
                    result.monthStates[.init(inspectorID: inspectorID, schoolID: s.id, month: $0)]?.label ?? ""
                }
        }
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) })
        rows += [[], ["不足项", "学校", "月份", "说明"]]
        rows += result.shortfalls(inspectorID: inspectorID).map { s in
            [
                "\(s.rule.number). \(s.rule.label)", s.schoolID.flatMap { nameOf[$0] } ?? "", s.month?.label ?? "",
                s.message,
            ]
        }
        if !reports.isEmpty {
            rows += [[], ["督导月报", "状态", "报送日期", "逾期天数"]]
            rows += reports.map {
                [$0.month.label, $0.state.label, $0.submittedOn ?? "未报送", $0.daysLate.map(String.init) ?? ""]
            }
        }
        return rows
    }
}
