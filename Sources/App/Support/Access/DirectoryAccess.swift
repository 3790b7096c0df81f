import DudaoCore
import Fluent
import Vapor

/// A record filed under an org unit: its path decides who may change it.
protocol SubtreeRecord: Model where IDValue == Int {
    var orgPath: String { get }
}

extension School: SubtreeRecord {}
extension Inspector: SubtreeRecord {}
extension ResponsibilityArea: SubtreeRecord {}

/// The access of a directory record kind (schools, inspectors, areas): office and admin change their subtree's.
protocol SubtreeEditing: RecordAccess where Record: SubtreeRecord {
    /// What a refused change says (您无权修改该学校).
    var notEditable: String { get }
}

extension SubtreeEditing {
    func canEdit(_ record: Record) -> Bool { scope.canEdit(orgPath: record.orgPath) }

    /// A record the account may change, or 403/404.
    func editable(_ id: Int?, on db: any Database) async throws -> Record {
        let record = try await load(id, on: db)
        guard canEdit(record) else { throw Abort(.forbidden, reason: notEditable) }
        return record
    }
}

/// Schools: office, leader and admin their subtree; an inspector the schools assigned to them now;
/// a school itself. Office and admin edit their subtree.
struct SchoolAccess: SubtreeEditing {
    let scope: Scope
    var notFound: String { "未找到该学校，或您无权查看" }
    var notEditable: String { "您无权修改该学校" }

    func readable(_ q: QueryBuilder<School>) -> QueryBuilder<School> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector: return q.filter(\.$id ~~ scope.assignedSchoolIDs)
        case .school: return q.filter(\.$id == (principal.schoolID ?? -1))
        }
    }
}

/// Inspectors: office, leader and admin their subtree; an inspector themselves; a school none.
struct InspectorAccess: SubtreeEditing {
    let scope: Scope
    var notFound: String { "未找到该督学，或您无权查看" }
    var notEditable: String { "您无权修改该督学" }

    func readable(_ q: QueryBuilder<Inspector>) -> QueryBuilder<Inspector> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector: return q.filter(\.$id == (principal.inspectorID ?? -1))
        case .school: return q.filter(\.$id == -1)
        }
    }
}

/// Responsibility areas (责任区): the directory readers of the subtree.
struct AreaAccess: SubtreeEditing {
    let scope: Scope
    var notFound: String { "未找到该责任区，或您无权查看" }
    var notEditable: String { "您无权修改该责任区" }

    func readable(_ q: QueryBuilder<ResponsibilityArea>) -> QueryBuilder<ResponsibilityArea> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector, .school: return q.filter(\.$id == -1)
        }
    }
}

/// 挂牌 assignments: those of the schools the account may read (an inspector: their own).
struct AssignmentAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该挂牌记录" }

    func readable(_ q: QueryBuilder<Assignment>) -> QueryBuilder<Assignment> {
        switch principal.role {
        case .inspector: return q.filter(\.$inspectorID == (principal.inspectorID ?? -1))
        case .school: return q.filter(\.$schoolID == (principal.schoolID ?? -1))
        case .admin, .office, .leader:
            return q.join(School.self, on: \Assignment.$schoolID == \School.$id)
                .inSubtree(School.self, \.$orgPath, principal.orgPath)
        }
    }
}

/// The audit trail: office and admin, their subtree.
struct AuditAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该操作记录" }

    var mayRead: Bool { principal.role.mayReadAudit }

    func readable(_ q: QueryBuilder<AuditEvent>) -> QueryBuilder<AuditEvent> {
        guard mayRead else { return q.filter(\.$id == -1) }
        return q.inSubtree(\.$orgPath, principal.orgPath)
    }
}

/// A user's own notifications.
struct NotificationAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该消息" }

    func readable(_ q: QueryBuilder<AppNotification>) -> QueryBuilder<AppNotification> {
        q.filter(\.$userID == principal.userID)
    }
}
