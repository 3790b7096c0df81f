import DudaoCore
import Fluent
import FluentSQL
import SQLKit
import Vapor

/// 存在问题. A problem of a draft visit is seen only by the visit's author and the office, like the
/// draft. Otherwise: office, leader and admin their subtree; an inspector the problems they found and
/// those of the schools assigned to them; a school its own.
struct ProblemAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该问题，或您无权查看" }

    /// Narrows to the problems of submitted visits (and of complaints), whoever asks.
    static func submitted(_ q: QueryBuilder<Problem>) -> QueryBuilder<Problem> { q.filter(\.$draft == false) }

    func readable(_ q: QueryBuilder<Problem>) -> QueryBuilder<Problem> {
        switch principal.role {
        case .office:
            return q.inSubtree(\.$orgPath, principal.orgPath)
        case .admin, .leader:
            return q.inSubtree(\.$orgPath, principal.orgPath).filter(\.$draft == false)
        case .inspector:
            let me = principal.inspectorID ?? -1
            let schools = scope.assignedSchoolIDs
            return q.group(.or) { or in
                or.filter(\.$inspectorID == me)
                if !schools.isEmpty {
                    or.group(.and) { $0.filter(\.$schoolID ~~ schools).filter(\.$draft == false) }
                }
            }
        case .school:
            return q.filter(\.$schoolID == (principal.schoolID ?? -1)).filter(\.$draft == false)
        }
    }

    /// The same rule for the register's raw SQL (`p` = problems).
    /// The register lists submitted problems only, for every role.
    func registerWhere() -> SQLQueryString {
        var w: SQLQueryString
        switch principal.role {
        case .admin, .office, .leader: w = "\(Subtree.sql("p.org_path", principal.orgPath))"
        case .inspector:
            let schools = scope.assignedSchoolIDs.isEmpty ? [-1] : scope.assignedSchoolIDs
            w =
                "(p.inspector_id = \(bind: principal.inspectorID ?? -1) OR p.school_id IN (\(SQLKit.SQLList(schools.map { SQLBind($0) }))))"
        case .school: w = "p.school_id = \(bind: principal.schoolID ?? -1)"
        }
        return w + " AND p.draft = false"
    }

    /// Who registers a 协商 referral: inspectors and the office, not schools or leaders.
    func canRefer(_ p: Problem) -> Bool {
        p.disposition == .refer && p.state == .open && (principal.role == .inspector || principal.mayEditDirectory)
    }
}

/// 整改通知书. A school sees its notices once issued; a draft or one awaiting approval is seen by its
/// inspector and the office only. Office: its subtree; leader and admin: the issued ones of their
/// subtree; an inspector: their own and those of the schools assigned to them. Report files go with
/// the notice.
struct NoticeAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该整改通知书，或您无权查看" }

    static let issuedStates: [NoticeState] = [.issued, .acknowledged, .reported, .returned, .closed]

    func readable(_ q: QueryBuilder<RectificationNotice>) -> QueryBuilder<RectificationNotice> {
        readable(q, subtreeChoosesIndex: true)
    }

    /// `readable`; without `subtreeChoosesIndex` an office's, a leader's or an admin's subtree chooses no index on
    /// SQLite (`inSubtree(_:_:choosingIndex:)`), for a list read in its order's index.
    func readable(_ q: QueryBuilder<RectificationNotice>, subtreeChoosesIndex: Bool)
        -> QueryBuilder<RectificationNotice>
    {
        switch principal.role {
        case .office:
            return q.inSubtree(\.$orgPath, principal.orgPath, choosingIndex: subtreeChoosesIndex)
        case .admin, .leader:
            return q.inSubtree(\.$orgPath, principal.orgPath, choosingIndex: subtreeChoosesIndex)
                .filter(\.$state !~ [.draft, .pendingApproval])
        case .inspector:
            let me = principal.inspectorID ?? -1
            let schools = scope.assignedSchoolIDs
            return q.group(.or) { or in
                or.filter(\.$inspectorID == me)
                if !schools.isEmpty { or.filter(\.$schoolID ~~ schools) }
            }
        case .school:
            return q.filter(\.$schoolID == (principal.schoolID ?? -1)).filter(\.$state ~~ Self.issuedStates)
        }
    }

    /// Whether the account sees a notice of its scope in `state` (the same rule as `readable`, for rows read by SQL).
    func sees(_ state: NoticeState) -> Bool {
        switch principal.role {
        case .office, .inspector: true
        case .admin, .leader: state != .draft && state != .pendingApproval
        case .school: Self.issuedStates.contains(state)
        }
    }

    /// Leaders only read; every other role has some step of the notice's life (`RectificationMachine`).
    var mayAct: Bool { principal.role != .leader }

    /// Who may issue a notice for a school: its responsible inspector or the office of its subtree.
    func mayIssue(for school: School) -> Bool {
        (principal.role == .inspector && scope.assignedSchoolIDs.contains(school.id ?? -1))
            || (principal.role == .office && school.orgPath.hasPrefix(principal.orgPath))
    }

    /// A file of one of the notice's reports.
    func file(noticeID: Int?, hash: String?, on db: any Database) async throws -> StoredFile {
        let notice = try await load(noticeID, on: db)
        guard let hash, hash.count == 64,
            let f = try await RectificationReport.query(on: db).filter(\.$noticeID == notice.id!).all()
                .flatMap(\.storedFiles).first(where: { $0.hash == hash })
        else { throw Abort(.notFound, reason: "文件不存在") }
        return f
    }
}

/// 举报投诉: office, leader and admin their subtree; an inspector the complaints assigned to them; a
/// school none. Who complained, and what they attached, only the office sees.
struct ComplaintAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该投诉，或您无权查看" }

    func readable(_ q: QueryBuilder<Complaint>) -> QueryBuilder<Complaint> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector: return q.filter(\.$inspectorID == (principal.inspectorID ?? -1))
        case .school: return q.filter(\.$id == -1)
        }
    }

    /// The complainant's name, phone and attachments (rules.md: for the office only).
    var seesIdentity: Bool { principal.role == .office }

    /// Complaints are handled by the assigned inspector and the office (`ComplaintMachine`).
    var mayAct: Bool { principal.role == .inspector || principal.role == .office }

    func mayAssign(_ c: Complaint) -> Bool { principal.mayEditDirectory }

    /// The same rule for raw SQL over `complaints c` (counts and figures read by the database).
    func sqlWhere() -> SQLQueryString {
        switch principal.role {
        case .admin, .office, .leader: return "\(Subtree.sql("c.org_path", principal.orgPath))"
        case .inspector: return "c.inspector_id = \(bind: principal.inspectorID ?? -1)"
        case .school: return "c.id = -1"
        }
    }

    func attachment(complaintID: Int?, hash: String?, on db: any Database) async throws -> StoredFile {
        let c = try await load(complaintID, on: db)
        guard seesIdentity, let hash, let f = c.storedFiles.first(where: { $0.hash == hash }) else {
            throw Abort(.notFound, reason: "文件不存在")
        }
        return f
    }
}
