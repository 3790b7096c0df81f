import DudaoCore
import Fluent
import Vapor

/// 挂牌督导公示牌: what the sign at a school's gate shows. Plain values; `query` builds it.
struct SchoolSign: Sendable {
    struct Person: Sendable, Equatable {
        let name: String
        let phone: String
        let employer: String
        /// The photo's stored hash.
        let photo: String?
    }

    let school: String
    let districtName: String
    /// nil: none assigned yet (待安排).
    let inspector: Person?
    /// The inspector's duties, or the standard ones when there is no inspector.
    let duties: String
    let supervisionItems: String
    let complaintPhone: String
    let complaintChannel: String
    let officeName: String
}

extension SchoolSign {
    /// The sign of an open school; not found otherwise.
    static func query(schoolID id: Int, on db: any Database) async throws -> SchoolSign {
        guard let school = try await School.find(id, on: db), school.status == .open else {
            throw Abort(.notFound, reason: "未找到该学校")
        }
        let inspector = try await DirectoryQueries.currentInspectors(of: [id], on: db)[id]
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: db)
        let district = try await OrgUnit.find(school.districtID, on: db)
        return SchoolSign(
            school: school.name, districtName: district?.name ?? "",
            inspector: inspector.map { Person(name: $0.name, phone: $0.phone, employer: $0.employer, photo: $0.photo) },
            duties: inspector?.duties ?? Inspector.defaultDuties, supervisionItems: settings.supervisionItems,
            complaintPhone: settings.complaintPhone, complaintChannel: settings.complaintChannel,
            officeName: settings.officeName)
    }
}
