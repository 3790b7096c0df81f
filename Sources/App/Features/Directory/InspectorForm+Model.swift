import DudaoCore

/// The form that creates or edits an inspector: what was typed and the errors to show.
struct InspectorForm: Sendable {
    /// The form's fields as posted (all text, so a bad value comes back as typed).
    struct Values: Codable, Sendable, Equatable {
        var name: String? = nil
        var kind: String? = nil
        var gender: String? = nil
        var phone: String? = nil
        var employer: String? = nil
        var post: String? = nil
        var termStart: String? = nil
        var termEnd: String? = nil
        var duties: String? = nil
        /// Ticked duties (raw values).
        var roles: [String]? = nil

        var input: InspectorInput {
            var i = InspectorInput()
            i.name = name ?? ""
            i.kind = kind ?? ""
            i.gender = gender ?? ""
            i.phone = phone ?? ""
            i.employer = employer ?? ""
            i.post = post ?? ""
            i.termStart = termStart ?? ""
            i.termEnd = termEnd ?? ""
            i.duties = duties ?? ""
            i.roles = roles ?? []
            return i
        }
    }

    let values: Values
    /// The inspector being edited; nil for a new one.
    let inspectorID: Int?
    let errors: [FieldError]
}

extension InspectorForm {
    /// The form filled in with an inspector the account may edit.
    static func editing(_ i: Inspector) -> InspectorForm {
        InspectorForm(
            values: Values(
                name: i.name, kind: i.kind.rawValue, gender: i.gender.rawValue, phone: i.phone, employer: i.employer,
                post: i.post, termStart: i.termStart, termEnd: i.termEnd, duties: i.duties,
                roles: i.dutyList.map(\.rawValue)),
            inspectorID: i.id, errors: [])
    }
}
