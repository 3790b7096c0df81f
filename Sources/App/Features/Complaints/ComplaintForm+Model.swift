import DudaoCore
import Fluent

/// 举报投诉 for the public: the form of one district, with what was typed and its messages. Plain values.
struct ComplaintForm: Sendable {
    struct SchoolOption: Sendable, Equatable {
        let id: Int
        let name: String
    }

    let districtID: Int
    let districtName: String
    /// The district's complaint line, offered as the other way in.
    let complaintPhone: String
    /// The district's open schools, by name.
    let schools: [SchoolOption]
    /// The district's complaint categories.
    let categories: [String]
    /// The district's time limits, promised on the form.
    var limits = ComplaintTimeLimits()
    let values: ComplaintIntake.Input
    let errors: [FieldError]
    /// The form's one-time token: sent twice (a refresh, a double tap), it files one complaint.
    var submission = ""

    /// Attachments a complaint may have, and their size.
    static let maxFiles = 3
    static let maxFileBytes = 5 * 1024 * 1024
    /// The most schools the form lists.
    static let maxSchools = 2000
}

extension ComplaintForm {
    static func query(
        district: OrgUnit, values: ComplaintIntake.Input, errors: [FieldError], submission: String,
        on db: any Database
    ) async throws -> ComplaintForm {
        let schools = try await SchoolOption.open(inDistrict: district.id!, limit: maxSchools, on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        return ComplaintForm(
            districtID: district.id!, districtName: district.name, complaintPhone: settings.complaintPhone,
            schools: schools, categories: settings.complaintCategoryList, limits: settings.complaintTimeLimits,
            values: values, errors: errors, submission: submission)
    }
}

extension ComplaintForm.SchoolOption {
    /// The district's open schools by name, at most `limit` of them when one is given.
    static func open(inDistrict districtID: Int, limit: Int? = nil, on db: any Database) async throws -> [Self] {
        var q = School.query(on: db).filter(\.$districtID == districtID).filter(\.$status == .open).sort(\.$name)
        if let limit { q = q.limit(limit) }
        return try await q.all().map { Self(id: $0.id!, name: $0.name) }
    }
}
