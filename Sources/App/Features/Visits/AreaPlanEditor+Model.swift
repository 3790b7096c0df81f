import DudaoCore
import Fluent

/// An inspector's plan for a semester as a form: what was saved (or sent, with errors), and the state the
/// office left it in (returned with a comment, or filed).
struct AreaPlanEditor: Sendable {
    struct Form: Sendable, Equatable {
        var goals: String
        var focus: String
        var schedule: String
    }

    let semester: Semester
    /// The saved plan's state and the office's comment, when there is a saved plan.
    let status: PlanStatus?
    let officeComment: String
    let form: Form
    let errors: [FieldError]

    /// The account's plan for the semester of `today`, or a new one whose schedule lists the months' default themes.
    static func query(scope: Scope, today: Day, on db: any Database) async throws -> AreaPlanEditor {
        let district = try await scope.district(on: db).id!
        let semester = try await DistrictSettings.forDistrict(district, on: db).terms.semester(containing: today)
        let existing = try await AreaPlan.query(on: db).filter(\.$inspectorID == (scope.principal.inspectorID ?? -1))
            .filter(\.$semester == semester.code).first()
        // Each month with the district's theme for it, where the office has set one.
        var calendars: [Int: [Int: MonthTheme]] = [:]
        for year in Set(semester.months.map(\.year)) {
            calendars[year] = try await ThemeMonth.calendar(districtID: district, year: year, on: db)
        }
        let schedule = semester.months.map { "\($0.label)：" + (calendars[$0.year]?[$0.month]?.theme ?? "") }
            .joined(separator: "\n")
        return AreaPlanEditor(
            semester: semester, status: existing?.status, officeComment: existing?.officeComment ?? "",
            form: Form(
                goals: existing?.goals ?? "", focus: existing?.focus ?? "", schedule: existing?.schedule ?? schedule),
            errors: [])
    }
}
