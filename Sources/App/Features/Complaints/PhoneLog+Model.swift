import DudaoCore
import Fluent

/// 登记电话投诉: the office's form for a complaint made by phone, with what was typed and its messages.
struct PhoneLog: Sendable {
    /// The district's open schools, by name.
    let schools: [ComplaintForm.SchoolOption]
    /// The district's complaint categories.
    let categories: [String]
    let values: ComplaintIntake.Input
    let errors: [FieldError]
}

extension PhoneLog {
    static func query(values: ComplaintIntake.Input, errors: [FieldError], scope: Scope, on db: any Database)
        async throws -> PhoneLog
    {
        let district = try await scope.district(on: db)
        let schools = try await ComplaintForm.SchoolOption.open(inDistrict: district.id!, on: db)
        let categories = try await DistrictSettings.forDistrict(district.id!, on: db).complaintCategoryList
        return PhoneLog(schools: schools, categories: categories, values: values, errors: errors)
    }
}
