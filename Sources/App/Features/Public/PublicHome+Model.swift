import DudaoCore
import Fluent
import Foundation

/// 四个公开: a district's supervision items, complaint channel and responsible people, and its schools with their
/// responsible inspectors — only what the sign at the school gate shows. Plain values; `query` builds it.
struct PublicHome: Sendable {
    struct Filter: Codable, Sendable, Equatable {
        @RecordID var district: Int? = nil
        var q: String?
        @PageNumber var page: Int? = nil
    }

    struct District: Sendable, Equatable {
        let id: Int
        let name: String
    }

    /// A responsible inspector as the public sees them.
    struct Person: Sendable, Equatable {
        let name: String
        let phone: String
        /// The photo's stored hash.
        let photo: String?
    }

    struct Row: Sendable, Equatable {
        let schoolID: Int
        let school: String
        let township: String
        let inspector: Person?
    }

    let district: District
    /// Every district, for the choice (shown when there are several).
    let districts: [District]
    /// The 督导事项, one by one.
    let supervisionItems: [String]
    let officeName: String
    let complaintPhone: String
    let complaintChannel: String
    let responsiblePerson: String
    let responsiblePhone: String
    let q: String
    let page: PageOf<Row>
    /// Campaign results the office published to the public (newest first).
    var results: [(id: Int, title: String, publishedOn: String)] = []
    /// 督导简报 the office published to the public (newest first).
    var bulletins: [(id: Int, title: String, issue: String)] = []

    static let perPage = 100
    static let maxDistricts = 200
}

extension PublicHome {
    /// The district asked for (or the first one) and its open schools matching the search; nil when there is no district.
    static func query(_ filter: Filter, on db: any Database) async throws -> PublicHome? {
        let districts = try await OrgUnit.query(on: db).filter(\.$level == .district).sort(\.$id).limit(maxDistricts)
            .all()
        guard let district = districts.first(where: { $0.id == filter.district }) ?? districts.first else { return nil }
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        var q = School.query(on: db).filter(\.$districtID == district.id!).filter(\.$status == .open)
        if let text = filter.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty { q = q.filter(\.$name ~~ text) }
        let schools = try await q.sort(\.$townshipID).sort(\.$name).paginate(Paging(page: filter.page, per: perPage))
        let responsible = try await DirectoryQueries.currentInspectors(of: schools.items.compactMap(\.id), on: db)
        let townships = Dictionary(
            uniqueKeysWithValues: try await OrgUnit.townships(under: district.path, on: db).map { ($0.id!, $0.name) })
        return PublicHome(
            district: District(id: district.id!, name: district.name),
            districts: districts.map { District(id: $0.id!, name: $0.name) },
            supervisionItems: settings.supervisionItems.split(whereSeparator: { "；;\n".contains($0) })
                .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: " 。")) },
            officeName: settings.officeName, complaintPhone: settings.complaintPhone,
            complaintChannel: settings.complaintChannel,
            responsiblePerson: settings.responsiblePerson, responsiblePhone: settings.responsiblePhone,
            q: filter.q ?? "",
            page: schools.map { s in
                Row(
                    schoolID: s.id!, school: s.name, township: townships[s.townshipID] ?? "",
                    inspector: responsible[s.id!].map { Person(name: $0.name, phone: $0.phone, photo: $0.photo) })
            },
            results: try await Campaign.query(on: db).filter(\.$districtID == district.id!)
                .filter(\.$publishedPublic == true).filter(\.$publishedOn != "").sort(\.$publishedOn, .descending)
                .limit(10).all().map { ($0.id!, $0.title, $0.publishedOn) },
            bulletins: try await Bulletin.query(on: db).filter(\.$districtID == district.id!)
                .filter(\.$state == .published).filter(\.$publishedPublic == true).sort(\.$publishedOn, .descending)
                .limit(10).all().map { ($0.id!, $0.title, $0.issueLabel) })
    }
}
