import DudaoCore
import Fluent
import Vapor

/// What an account may see, applied in every query: office, leader and admin see their subtree,
/// an inspector the schools assigned to them now, a school itself.
struct Scope: Sendable {
    let principal: Principal
    /// For inspectors: the schools they are responsible for, loaded once per request.
    let assignedSchoolIDs: [Int]

    static func of(_ req: Request) async throws -> Scope {
        let p = try req.requirePrincipal()
        var ids: [Int] = []
        if p.role == .inspector, let iid = p.inspectorID {
            ids = try await Assignment.currentSchoolIDs(inspectorID: iid, on: req.db)
        }
        return Scope(principal: p, assignedSchoolIDs: ids)
    }

    func schools(_ q: QueryBuilder<School>) -> QueryBuilder<School> {
        switch principal.role {
        case .admin, .office, .leader:
            return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector:
            return q.filter(\.$id ~~ assignedSchoolIDs)
        case .school:
            return q.filter(\.$id == (principal.schoolID ?? -1))
        }
    }

    func canSee(_ school: School) -> Bool {
        switch principal.role {
        case .admin, .office, .leader: return school.orgPath.hasPrefix(principal.orgPath)
        case .inspector: return assignedSchoolIDs.contains(school.id ?? -1)
        case .school: return school.id == principal.schoolID
        }
    }

    func inspectors(_ q: QueryBuilder<Inspector>) -> QueryBuilder<Inspector> {
        switch principal.role {
        case .admin, .office, .leader:
            return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector:
            return q.filter(\.$id == (principal.inspectorID ?? -1))
        case .school:
            return q.filter(\.$id == -1)
        }
    }

    func canSee(_ inspector: Inspector) -> Bool {
        switch principal.role {
        case .admin, .office, .leader: return inspector.orgPath.hasPrefix(principal.orgPath)
        case .inspector: return inspector.id == principal.inspectorID
        case .school: return false
        }
    }

    /// Writers may change only records in their own subtree.
    func canEdit(orgPath: String) -> Bool {
        principal.role.mayEditDirectory && orgPath.hasPrefix(principal.orgPath)
    }

    /// Loads a school the account may see, or 404 (not 403: another school's existence is not told).
    func school(_ id: Int?, on db: any Database) async throws -> School {
        guard let id, let s = try await School.find(id, on: db), canSee(s) else {
            throw Abort(.notFound, reason: "未找到该学校，或您无权查看")
        }
        return s
    }

    func inspector(_ id: Int?, on db: any Database) async throws -> Inspector {
        guard let id, let i = try await Inspector.find(id, on: db), canSee(i) else {
            throw Abort(.notFound, reason: "未找到该督学，或您无权查看")
        }
        return i
    }

    /// The district the account works in (its node, or the district above a township).
    func district(on db: any Database) async throws -> OrgUnit {
        guard let node = try await OrgUnit.find(principal.orgUnitID, on: db) else { throw Abort(.internalServerError) }
        if node.level == .township, let parent = node.parentID, let d = try await OrgUnit.find(parent, on: db) {
            return d
        }
        if node.level == .city {
            // A city account works on the first district below it.
            if let d = try await OrgUnit.query(on: db).filter(\.$parentID == node.id!).sort(\.$id).first() { return d }
        }
        return node
    }
}
