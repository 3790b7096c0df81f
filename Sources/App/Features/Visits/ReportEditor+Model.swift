import DudaoCore

/// A new 工作总结 or 督导案例 for the semester of today, as a form with its errors.
struct ReportEditor: Sendable {
    let semester: Semester
    let kind: ReportKind
    let title: String
    let body: String
    let errors: [FieldError]
}
