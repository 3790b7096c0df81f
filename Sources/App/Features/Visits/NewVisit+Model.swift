import DudaoCore
import Fluent

/// 新建督导记录 at one school: the form (with its errors after a failed submit), the inspector's plans for
/// the school, colleagues who may come along, the month's theme and what to follow up from last time.
struct NewVisit: Sendable {
    /// The form's values, as sent (or as first shown).
    struct Form: Sendable, Equatable {
        var date: String
        var start: String
        var kind: String
        var theme: String
        var plan: String
        var members: [Int]

        init(date: String, start: String = "", kind: String, theme: String = "", plan: String = "", members: [Int] = [])
        {
            self.date = date
            self.start = start
            self.kind = kind
            self.theme = theme
            self.plan = plan
            self.members = members
        }

        init(_ f: VisitRecords.BasicForm) {
            self.init(
                date: f.date ?? "", start: f.start ?? "", kind: f.kind ?? "", theme: f.theme ?? "", plan: f.plan ?? "",
                members: f.members ?? [])
        }
    }

    struct Plan: Sendable, Equatable {
        let id: Int
        let plannedDate: String
        let focus: String
    }

    struct Colleague: Sendable, Equatable {
        let id: Int
        let name: String
        let kind: InspectorKind
    }

    let schoolID: Int
    let schoolName: String
    let form: Form
    let errors: [FieldError]
    /// The district's theme for the month of the form's date, offered when the theme is left empty.
    let monthlyTheme: String?
    /// The inspector's ten latest plans for this school.
    let plans: [Plan]
    /// Active inspectors of the district other than the account's (first 200 by name).
    let colleagues: [Colleague]
    let followUp: FollowUp
    /// The office records this visit itself: no plan, the inspectors who come along are its team.
    var byOffice = false
}

extension NewVisit {
    /// The page for `school` (which the caller checked the account may record a visit to).
    static func query(
        school: School, form: Form, errors: [FieldError] = [], scope: Scope, today: Day, on db: any Database
    ) async throws -> NewVisit {
        let me = scope.principal.inspectorID ?? -1
        // The office has no plans of its own (plans are the 六个一 of an inspector).
        let plans =
            scope.principal.role == .office
            ? []
            : try await VisitPlan.query(on: db).filter(\.$inspectorID == me).filter(\.$schoolID == school.id!)
                .sort(\.$plannedDate, .descending).limit(10).all()
        let colleagues = try await Inspector.query(on: db).filter(\.$districtID == school.districtID)
            .filter(\.$status == .active).filter(\.$id != me).sort(\.$name).limit(200).all()
        return NewVisit(
            schoolID: school.id!, schoolName: school.name, form: form, errors: errors,
            monthlyTheme: try await ThemeMonth.theme(
                districtID: school.districtID, on: Day(parsing: form.date) ?? today, db: db),
            plans: plans.map { Plan(id: $0.id!, plannedDate: $0.plannedDate, focus: $0.focus) },
            colleagues: colleagues.map { Colleague(id: $0.id!, name: $0.name, kind: $0.kind) },
            followUp: try await FollowUp.query(schoolID: school.id!, excluding: nil, on: db),
            byOffice: scope.principal.role == .office)
    }
}
