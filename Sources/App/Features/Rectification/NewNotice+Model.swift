import DudaoCore
import Fluent

/// 下达整改通知: the form for one school, with the problems that may go into the notice. Plain values.
struct NewNotice: Sendable {
    /// The form's values as typed.
    struct Form: Sendable, Equatable {
        var problems: [Int] = []
        var requirements = ""
        var deadline = ""
        var needsVisit = false
    }

    struct Candidate: Sendable, Equatable {
        let id: Int
        let category: String
        let severity: ProblemSeverity
        let description: String
    }

    let schoolID: Int
    let school: String
    let form: Form
    /// Open problems to rectify of the school that have no notice yet.
    let candidates: [Candidate]
    let errors: [FieldError]
}

extension NewNotice {
    static func query(school: School, form: Form, errors: [FieldError], scope: Scope, on db: any Database) async throws
        -> NewNotice
    {
        NewNotice(
            schoolID: school.id!, school: school.name, form: form,
            candidates: try await candidates(of: school, scope: scope, on: db).map {
                Candidate(id: $0.id!, category: $0.category, severity: $0.severity, description: $0.description)
            },
            errors: errors)
    }

    /// Open problems to rectify that have no notice yet; never those of a draft visit.
    static func candidates(of school: School, scope: Scope, on db: any Database) async throws -> [Problem] {
        try await ProblemAccess.submitted(scope.problemAccess.readable(Problem.query(on: db)))
            .filter(\.$schoolID == school.id!).filter(\.$state == .open)
            .filter(\.$noticeID == nil).filter(\.$disposition == .rectify).sort(\.$id).all()
    }

    /// The form's problems among the candidates, the requirements and the deadline, or the messages.
    static func check(_ form: Form, candidates: [Problem], today: Day) -> Validated<
        (problems: [Problem], requirements: String, deadline: Day)
    > {
        var errors: [FieldError] = []
        let chosen = candidates.filter { form.problems.contains($0.id!) }
        if chosen.isEmpty { errors.append(.init("problems", "请至少选择一个问题")) }
        if let e = Validate.required(form.requirements, field: "整改要求", maxLength: 3000) {
            errors.append(.init("requirements", e))
        }
        let deadline = Day(parsing: form.deadline)
        if deadline == nil || deadline! <= today { errors.append(.init("deadline", "整改期限应晚于今天")) }
        guard errors.isEmpty, let deadline else { return .failure(errors) }
        return .success((chosen, form.requirements.trimmingCharacters(in: .whitespacesAndNewlines), deadline))
    }
}
