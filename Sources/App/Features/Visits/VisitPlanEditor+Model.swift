import DudaoCore
import Fluent

/// A new 督导方案 as a form: the schools the account may choose from, the values, the errors.
struct VisitPlanEditor: Sendable {
    struct Form: Sendable, Equatable {
        var school: String
        var date: String
        var tasks: String
        var methods: String
        var focus: String
    }

    struct SchoolOption: Sendable, Equatable {
        let id: Int
        let name: String
    }

    let schools: [SchoolOption]
    let form: Form
    let errors: [FieldError]

    /// The methods a plan starts with.
    static let defaultMethods = "推门听课；查阅教案和作业批改；与教师、学生座谈；校园巡查"

    /// The form with the account's readable schools (an inspector's: the ones assigned to them), by name.
    static func query(_ form: Form, errors: [FieldError] = [], scope: Scope, on db: any Database) async throws
        -> VisitPlanEditor
    {
        let schools = try await scope.schoolAccess.readable(School.query(on: db)).sort(\.$name).all()
        return VisitPlanEditor(
            schools: schools.map { SchoolOption(id: $0.id!, name: $0.name) }, form: form, errors: errors)
    }
}

extension VisitPlanEditor.Form {
    init(_ f: VisitRecords.VisitPlanForm) {
        self.init(
            school: f.school ?? "", date: f.date ?? "", tasks: f.tasks ?? "", methods: f.methods ?? "",
            focus: f.focus ?? "")
    }
}
