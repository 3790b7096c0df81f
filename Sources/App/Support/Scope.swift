import DudaoCore
import Fluent
import Vapor

/// Who the account is and what it is responsible for, loaded once per request. What it may see and
/// do with each kind of record is in `Support/Access/` (one access type per kind, built from this).
struct Scope: Sendable {
    let principal: Principal
    /// For inspectors: the schools they are responsible for now.
    let assignedSchoolIDs: [Int]
    /// The application's tree nodes read before (none outside a request: every lookup reads the database).
    var orgUnits: OrgUnitCache? = nil

    static func of(_ req: Request) async throws -> Scope {
        let p = try req.requirePrincipal()
        var ids: [Int] = []
        if p.role == .inspector, let iid = p.inspectorID {
            ids = try await Assignment.currentSchoolIDs(inspectorID: iid, on: req.db)
        }
        return Scope(principal: p, assignedSchoolIDs: ids, orgUnits: req.application.orgUnits)
    }

    /// Writers (office, admin) change only records in their own subtree.
    func canEdit(orgPath: String) -> Bool {
        principal.role.mayEditDirectory && orgPath.hasPrefix(principal.orgPath)
    }

    /// The account's own node of the organisation tree.
    func node(on db: any Database) async throws -> OrgUnit {
        let id = principal.orgUnitID
        let node =
            if let orgUnits {
                try await orgUnits.node(id) { try await OrgUnit.find(id, on: db) }
            } else {
                try await OrgUnit.find(id, on: db)
            }
        guard let node else { throw Abort(.internalServerError) }
        return node
    }

    /// The district the account works in (its node, or the district above a township).
    func district(on db: any Database) async throws -> OrgUnit {
        guard let orgUnits else { return try await district(of: try await node(on: db), on: db) }
        return try await orgUnits.district(of: principal.orgUnitID) {
            try await district(of: try await node(on: db), on: db)
        }
    }

    /// The district the account works in, from its node.
    private func district(of node: OrgUnit, on db: any Database) async throws -> OrgUnit {
        if node.level == .township, let parent = node.parentID, let d = try await OrgUnit.find(parent, on: db) {
            return d
        }
        if node.level == .city {
            // A city account works on the first district below it.
            if let d = try await OrgUnit.query(on: db).filter(\.$parentID == node.id!).sort(\.$id).first() { return d }
        }
        return node
    }

    /// The districts whose campaigns the account opens: every district below a city account (the city's office
    /// re-checks its districts' assessments), otherwise the district it works in.
    func campaignDistricts(on db: any Database) async throws -> [OrgUnit] {
        let node = try await node(on: db)
        if node.level == .city {
            let below = try await districts(below: node, on: db).all()
            if !below.isEmpty { return below }
        }
        return [try await district(on: db)]
    }

    /// The ids of `campaignDistricts`, read without building the districts (a province's root has a hundred).
    func campaignDistrictIDs(on db: any Database) async throws -> [Int] {
        let node = try await node(on: db)
        if node.level == .city {
            let below = try await districts(below: node, on: db).rows(ID.self, columns: ["id"]).map(\.id)
            if !below.isEmpty { return below }
        }
        return [try await district(on: db).id!]
    }

    private func districts(below node: OrgUnit, on db: any Database) -> QueryBuilder<OrgUnit> {
        OrgUnit.query(on: db).filter(\.$level == .district).inSubtree(\.$path, node.path).sort(\.$id)
    }

    private struct ID: Decodable, Sendable { let id: Int }

    /// The district whose campaigns the account starts and whose campaign rules it sets. The city's office starts
    /// none: it reads its districts' campaigns and 抽评s their assessments.
    func campaignDistrict(on db: any Database) async throws -> OrgUnit {
        let district = try await district(on: db)
        if isOfficeAbove(district) {
            throw Abort(.forbidden, reason: "市级督导室查看所辖区（县）的督导任务并进行市级抽评；督导任务由区（县）督导室发布和设置")
        }
        return district
    }

    /// Whether the account works above `district` (a city's account).
    func isAbove(_ district: OrgUnit) -> Bool {
        principal.orgPath != district.path && district.path.hasPrefix(principal.orgPath)
    }

    /// Whether the account is an office above `district` (the city's 督导室), which re-checks its assessments.
    func isOfficeAbove(_ district: OrgUnit) -> Bool { principal.role == .office && isAbove(district) }
}
