import DudaoCore
import Fluent
import Vapor

/// Who may read and write which visit records.
extension Scope {
    /// Visits the account may read: office/leader/admin their subtree; an inspector their own
    /// (as author or team member) and those of the schools assigned to them; a school its submitted visits.
    func visits(_ q: QueryBuilder<Visit>, memberOf: [Int]) -> QueryBuilder<Visit> {
        switch principal.role {
        case .admin, .office, .leader:
            return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector:
            let me = principal.inspectorID ?? -1
            // Each branch of the OR is served by its own index (SQLite's multi-index OR); empty lists are left out.
            return q.group(.or) { or in
                or.filter(\.$inspectorID == me)
                if !memberOf.isEmpty { or.filter(\.$id ~~ memberOf) }
                if !assignedSchoolIDs.isEmpty {
                    or.group(.and) { $0.filter(\.$schoolID ~~ assignedSchoolIDs).filter(\.$status == .submitted) }
                }
            }
        case .school:
            return q.filter(\.$schoolID == (principal.schoolID ?? -1)).filter(\.$status == .submitted)
        }
    }

    func canRead(_ v: Visit, isMember: Bool) -> Bool {
        switch principal.role {
        case .admin, .office, .leader: return v.orgPath.hasPrefix(principal.orgPath)
        case .inspector:
            return v.inspectorID == principal.inspectorID || isMember
                || (assignedSchoolIDs.contains(v.schoolID) && v.status == .submitted)
        case .school: return v.schoolID == principal.schoolID && v.status == .submitted
        }
    }

    /// Only the author edits a draft.
    func canEditDraft(_ v: Visit) -> Bool {
        principal.role == .inspector && v.inspectorID == principal.inspectorID && v.isDraft
    }

    /// The author or the office may amend a submitted record.
    func canAmend(_ v: Visit) -> Bool {
        !v.isDraft && ((principal.role == .inspector && v.inspectorID == principal.inspectorID)
            || (principal.mayEditDirectory && v.orgPath.hasPrefix(principal.orgPath)))
    }

    /// An inspector records visits to the schools assigned to them, or to a school the office
    /// has granted them for now; office staff to any school of their subtree.
    func mayRecordVisit(to school: School, on db: any Database) async throws -> Bool {
        switch principal.role {
        case .inspector:
            if assignedSchoolIDs.contains(school.id!) { return true }
            let today = Day.today().description
            return try await VisitGrant.query(on: db).filter(\.$inspectorID == (principal.inspectorID ?? -1))
                .filter(\.$schoolID == school.id!).filter(\.$until >= today).count() > 0
        default:
            return false
        }
    }

    func visitMemberships(on db: any Database) async throws -> [Int] {
        guard principal.role == .inspector, let me = principal.inspectorID else { return [] }
        return try await VisitMember.query(on: db).filter(\.$inspectorID == me).sort(\.$visitID, .descending)
            .limit(2000).all(\.$visitID)
    }

    /// Loads a visit the account may read, or 404.
    func visit(_ id: Int?, on db: any Database) async throws -> Visit {
        guard let id, let v = try await Visit.find(id, on: db) else { throw Abort(.notFound, reason: "未找到该督导记录") }
        let member = principal.role == .inspector
            ? try await VisitMember.query(on: db).filter(\.$visitID == id).filter(\.$inspectorID == (principal.inspectorID ?? -1)).count() > 0
            : false
        guard canRead(v, isMember: member) else { throw Abort(.notFound, reason: "未找到该督导记录，或您无权查看") }
        return v
    }
}

/// 临时督导授权: the office lets an inspector record visits to a school not assigned to them, until a date.
final class VisitGrant: Model, @unchecked Sendable {
    static let schema = "visit_grants"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "school_id") var schoolID: Int
    @Field(key: "until") var until: String
    @Field(key: "granted_by") var grantedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}
