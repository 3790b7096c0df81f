import DudaoCore
import Fluent
import FluentSQL
import SQLKit
import Vapor

/// 督导记录. A draft is seen only by its author, the team members and the office. Office: its
/// subtree; leader and admin: the submitted records of their subtree; an inspector: their own (as
/// author or team member) and the submitted records of the schools assigned to them; a school: its
/// submitted records (without the internal interview notes).
struct VisitAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该督导记录，或您无权查看" }

    func readable(_ q: QueryBuilder<Visit>) -> QueryBuilder<Visit> { readable(q, subtreeChoosesIndex: true) }

    /// `readable`; without `subtreeChoosesIndex` an office's, a leader's or an admin's subtree chooses no index on
    /// SQLite (`inSubtree(_:_:choosingIndex:)`), for a list read in its order's index.
    func readable(_ q: QueryBuilder<Visit>, subtreeChoosesIndex: Bool) -> QueryBuilder<Visit> {
        switch principal.role {
        case .office:
            return q.inSubtree(\.$orgPath, principal.orgPath, choosingIndex: subtreeChoosesIndex)
        case .admin, .leader:
            return q.inSubtree(\.$orgPath, principal.orgPath, choosingIndex: subtreeChoosesIndex)
                .filter(\.$status == .submitted)
        case .inspector:
            return q.filter(.sql(embed: "\(ident: Visit.schema).\(ident: "id") IN (\(inspectorsVisitIDs))"))
        case .school:
            return q.filter(\.$schoolID == (principal.schoolID ?? -1)).filter(\.$status == .submitted)
        }
    }

    /// An inspector's visits: those they lead, those they took part in, and the submitted ones of the schools assigned
    /// to them, as one list of ids. Written as an OR of the three, PostgreSQL walked a province's visits in date order
    /// testing each (94 ms at 174 933 visits); each part of the union reads its own index (0.3 ms).
    private var inspectorsVisitIDs: SQLQueryString {
        let me = principal.inspectorID ?? -1
        var ids: SQLQueryString = """
            SELECT v.id FROM visits v WHERE v.inspector_id = \(bind: me) \
            UNION ALL SELECT m.visit_id FROM visit_members m WHERE m.inspector_id = \(bind: me)
            """
        let schools = scope.assignedSchoolIDs
        if !schools.isEmpty {
            ids =
                ids + """
                     UNION ALL SELECT v.id FROM visits v WHERE v.school_id IN (\(SQLKit.SQLList(schools.map { SQLBind($0) }))) \
                    AND v.status = \(bind: VisitStatus.submitted.rawValue)
                    """
        }
        return ids
    }

    /// Internal interview notes are for supervisors only.
    var hidesInternalNotes: Bool { principal.role == .school }

    /// Only the author edits a draft: its lead inspector, or the office account that recorded it.
    func canEditDraft(_ v: Visit) -> Bool {
        guard v.isDraft else { return false }
        switch principal.role {
        case .inspector: return v.inspectorID != nil && v.inspectorID == principal.inspectorID
        case .office: return v.recordedBy != nil && v.recordedBy == principal.userID
        default: return false
        }
    }

    /// The author or the office may amend a submitted record.
    func canAmend(_ v: Visit) -> Bool {
        !v.isDraft
            && ((principal.role == .inspector && v.inspectorID == principal.inspectorID)
                || (principal.mayEditDirectory && v.orgPath.hasPrefix(principal.orgPath)))
    }

    /// A draft the account may edit, or 404/403.
    func draft(_ id: Int?, on db: any Database) async throws -> Visit {
        let v = try await load(id, on: db)
        guard canEditDraft(v) else {
            throw Abort(.forbidden, reason: v.isDraft ? "只有记录人可以修改草稿" : "记录已提交并锁定，如需更正请使用“更正”")
        }
        return v
    }

    /// An inspector records visits to the schools assigned to them, or to a school the office has
    /// granted them until a day not before `today`; the office to any school of its subtree.
    func mayRecordVisit(to school: School, today: Day, on db: any Database) async throws -> Bool {
        if principal.role == .office { return school.orgPath.hasPrefix(principal.orgPath) }
        guard principal.role == .inspector, let me = principal.inspectorID, let id = school.id else { return false }
        if scope.assignedSchoolIDs.contains(id) { return true }
        return try await VisitGrant.query(on: db).filter(\.$inspectorID == me).filter(\.$schoolID == id)
            .filter(\.$until >= today.description).count() > 0
    }

    /// A photo of a visit the account may read.
    func photo(visitID: Int?, photoID: Int?, on db: any Database) async throws -> VisitPhoto {
        let v = try await load(visitID, on: db)
        guard let photoID,
            let p = try await VisitPhoto.query(on: db).filter(\.$id == photoID).filter(\.$visitID == v.id!).first()
        else { throw Abort(.notFound, reason: "照片不存在") }
        return p
    }
}

/// 督导方案 (before a visit): its inspector; office, leader and admin of the subtree.
struct VisitPlanAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该督导方案" }

    func readable(_ q: QueryBuilder<VisitPlan>) -> QueryBuilder<VisitPlan> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector: return q.filter(\.$inspectorID == (principal.inspectorID ?? -1))
        case .school: return q.filter(\.$id == -1)
        }
    }

    func isMine(_ p: VisitPlan) -> Bool { principal.role == .inspector && p.inspectorID == principal.inspectorID }
}

/// 学期片区工作计划: its inspector (drafts included); the office, leader and admin of the subtree
/// once submitted. The office and admin review.
struct AreaPlanAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该计划" }

    func readable(_ q: QueryBuilder<AreaPlan>) -> QueryBuilder<AreaPlan> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath).filter(\.$status != .draft)
        case .inspector: return q.filter(\.$inspectorID == (principal.inspectorID ?? -1))
        case .school: return q.filter(\.$id == -1)
        }
    }

    func isMine(_ p: AreaPlan) -> Bool { principal.role == .inspector && p.inspectorID == principal.inspectorID }
    func canReview(_ p: AreaPlan) -> Bool { principal.mayEditDirectory && p.orgPath.hasPrefix(principal.orgPath) }
}

/// 工作总结 and 督导案例: their inspector; office, leader and admin of the subtree. The office selects cases.
struct ReportAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该总结或案例" }

    func readable(_ q: QueryBuilder<WorkReport>) -> QueryBuilder<WorkReport> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector: return q.filter(\.$inspectorID == (principal.inspectorID ?? -1))
        case .school: return q.filter(\.$id == -1)
        }
    }

    func canSelect(_ r: WorkReport) -> Bool { principal.mayEditDirectory && r.orgPath.hasPrefix(principal.orgPath) }
}
