import DudaoCore
import Fluent

/// The form that creates or edits a responsibility area: name, lead, note and its schools.
struct AreaForm: Sendable {
    /// The form's fields as posted.
    struct Values: Codable, Sendable, Equatable {
        var name: String? = nil
        var lead: String? = nil
        var note: String? = nil
        /// Ids of the schools ticked (`schools[]`).
        var schools: [Int]? = nil
    }

    struct InspectorChoice: Sendable, Equatable {
        let id: Int
        let name: String
        let kind: InspectorKind
    }

    let values: Values
    /// The area being edited; nil for a new one.
    let areaID: Int?
    /// The district's active inspectors, for the lead.
    let inspectors: [InspectorChoice]
    /// The district's open schools in no area or in this one.
    let schools: [NamedID]
    let errors: [FieldError]

    /// The form lists at most this many schools.
    static let maxSchools = 1000
}

extension AreaForm {
    /// The form with `values` and `errors`, and the district's inspectors and free schools to choose from.
    static func query(
        _ values: Values, areaID: Int?, errors: [FieldError] = [], scope: Scope, on db: any Database
    ) async throws -> AreaForm {
        let district = try await scope.district(on: db)
        let inspectors = try await DirectoryQueries.activeInspectors(district: district.id!, on: db)
        // Schools of the district that are in no area or in this one.
        var q = School.query(on: db).filter(\.$districtID == district.id!).filter(\.$status == .open)
        if let areaID {
            q = q.group(.or) { $0.filter(\.$areaID == nil).filter(\.$areaID == areaID) }
        } else {
            q = q.filter(\.$areaID == nil)
        }
        let schools = try await q.sort(\.$townshipID).sort(\.$name).limit(maxSchools).all()
        return AreaForm(
            values: values, areaID: areaID,
            inspectors: inspectors.map { InspectorChoice(id: $0.id!, name: $0.name, kind: $0.kind) },
            schools: schools.map { NamedID(id: $0.id!, name: $0.name) }, errors: errors)
    }

    /// The form filled in with an area the account may read, and its current schools ticked.
    static func editing(_ area: ResponsibilityArea, scope: Scope, on db: any Database) async throws -> AreaForm {
        let areaID = try area.requireID()
        let members = try await School.query(on: db).filter(\.$areaID == areaID).all(\.$id)
        let values = Values(
            name: area.name, lead: area.leadInspectorID.map(String.init), note: area.note,
            schools: members.compactMap { $0 })
        return try await query(values, areaID: areaID, scope: scope, on: db)
    }
}
