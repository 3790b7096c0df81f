import DudaoCore
import Fluent

/// 调整责任督学: the form that gives a school a (new) responsible inspector, with each inspector's load.
struct SchoolAssignForm: Sendable {
    /// The form's fields as posted: an inspector id or "none", the start day, a note.
    struct Values: Codable, Sendable, Equatable {
        var inspector: String? = nil
        var start: String? = nil
        var note: String? = nil
    }

    struct InspectorChoice: Sendable, Equatable {
        let id: Int
        let name: String
        let kind: InspectorKind
        /// Appointment and duties, e.g. "兼职 · 特约督学".
        var duty: String = ""
        /// Schools the inspector holds now.
        let schools: Int
    }

    let schoolID: Int
    let schoolName: String
    /// The current responsible inspector's name.
    let current: String?
    /// The district's active inspectors.
    let inspectors: [InspectorChoice]
    /// The district's limit of schools per inspector.
    let limit: Int
    let values: Values
    let errors: [FieldError]
}

extension SchoolAssignForm {
    /// The form for a school the account may edit.
    static func query(_ values: Values, school: School, errors: [FieldError] = [], on db: any Database) async throws
        -> SchoolAssignForm
    {
        let schoolID = try school.requireID()
        let inspectors = try await DirectoryQueries.activeInspectors(district: school.districtID, on: db)
        let counts = try await DirectoryQueries.schoolCounts(of: inspectors.compactMap(\.id), on: db)
        let current = try await DirectoryQueries.responsible(of: [schoolID], on: db)[schoolID]
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: db)
        return SchoolAssignForm(
            schoolID: schoolID, schoolName: school.name, current: current?.name,
            inspectors: inspectors.map {
                InspectorChoice(
                    id: $0.id!, name: $0.name, kind: $0.kind,
                    duty: ([$0.kind.label] + $0.dutyList.map(\.label)).joined(separator: " · "),
                    schools: counts[$0.id!] ?? 0)
            },
            limit: settings.maxSchoolsPerInspector, values: values, errors: errors)
    }
}
