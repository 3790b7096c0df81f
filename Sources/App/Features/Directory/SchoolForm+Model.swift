import DudaoCore
import Fluent

/// The form that creates or edits a school: what was typed, the choices, and the errors to show.
struct SchoolForm: Sendable {
    /// The form's fields as posted (all text, so a bad value comes back as typed).
    struct Values: Codable, Sendable, Equatable {
        var code: String? = nil
        var name: String? = nil
        var type: String? = nil
        var ownership: String? = nil
        var township: String? = nil
        var address: String? = nil
        var principal: String? = nil
        var phone: String? = nil
        var students: String? = nil
        var students_primary: String? = nil
        var students_junior: String? = nil
        var students_senior: String? = nil
        var classes: String? = nil
        var staff: String? = nil
        var area: String? = nil

        var input: SchoolInput {
            var i = SchoolInput()
            i.code = code ?? ""
            i.name = name ?? ""
            i.type = type ?? ""
            i.ownership = ownership ?? ""
            i.township = township ?? ""
            i.address = address ?? ""
            i.principal = principal ?? ""
            i.phone = phone ?? ""
            i.students = students ?? ""
            i.classes = classes ?? ""
            i.staff = staff ?? ""
            if let v = students_primary { i.sectionStudents[.primary] = v }
            if let v = students_junior { i.sectionStudents[.junior] = v }
            if let v = students_senior { i.sectionStudents[.senior] = v }
            return i
        }
    }

    let values: Values
    /// The school being edited; nil for a new one.
    let schoolID: Int?
    /// The district's townships by name (the form posts the name).
    let townships: [String]
    let areas: [NamedID]
    let errors: [FieldError]
}

extension SchoolForm.Values {
    /// The school as the form shows it.
    init(_ s: School, township: String) {
        let sec = s.sections
        self.init(
            code: s.code, name: s.name, type: s.type.rawValue, ownership: s.ownership.rawValue, township: township,
            address: s.address, principal: s.principal, phone: s.phone, students: String(s.students),
            students_primary: sec[.primary].map(String.init), students_junior: sec[.junior].map(String.init),
            students_senior: sec[.senior].map(String.init), classes: String(s.classes), staff: String(s.staff),
            area: s.areaID.map(String.init))
    }
}

extension SchoolForm {
    /// The form with `values` and `errors`, and the district's townships and areas to choose from.
    static func query(
        _ values: Values, schoolID: Int?, errors: [FieldError] = [], scope: Scope, on db: any Database
    ) async throws -> SchoolForm {
        let district = try await scope.district(on: db)
        let townships = try await DirectoryQueries.townshipNames(in: district, on: db)
        let areas = try await DirectoryQueries.areas(in: district, on: db)
        return SchoolForm(
            values: values, schoolID: schoolID, townships: townships.map(\.name), areas: areas, errors: errors)
    }

    /// The form filled in with a school the account may edit.
    static func editing(_ school: School, scope: Scope, on db: any Database) async throws -> SchoolForm {
        let township = try await OrgUnit.find(school.townshipID, on: db)
        return try await query(
            Values(school, township: township?.name ?? ""), schoolID: school.id, scope: scope, on: db)
    }
}
