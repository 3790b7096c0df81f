import DudaoCore
import Fluent
import Vapor

/// Schools: office, leader and admin their subtree; an inspector the schools assigned to them now;
/// a school itself. Office and admin edit their subtree.
struct SchoolAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该学校，或您无权查看" }

    func readable(_ q: QueryBuilder<School>) -> QueryBuilder<School> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector: return q.filter(\.$id ~~ scope.assignedSchoolIDs)
        case .school: return q.filter(\.$id == (principal.schoolID ?? -1))
        }
    }

    func canEdit(_ school: School) -> Bool { scope.canEdit(orgPath: school.orgPath) }

    /// A school the account may change, or 403/404.
    func editable(_ id: Int?, on db: any Database) async throws -> School {
        let school = try await load(id, on: db)
        guard canEdit(school) else { throw Abort(.forbidden, reason: "您无权修改该学校") }
        return school
    }
}

/// Inspectors: office, leader and admin their subtree; an inspector themselves; a school none.
struct InspectorAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该督学，或您无权查看" }

    func readable(_ q: QueryBuilder<Inspector>) -> QueryBuilder<Inspector> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector: return q.filter(\.$id == (principal.inspectorID ?? -1))
        case .school: return q.filter(\.$id == -1)
        }
    }

    func canEdit(_ inspector: Inspector) -> Bool { scope.canEdit(orgPath: inspector.orgPath) }

    func editable(_ id: Int?, on db: any Database) async throws -> Inspector {
        let inspector = try await load(id, on: db)
        guard canEdit(inspector) else { throw Abort(.forbidden, reason: "您无权修改该督学") }
        return inspector
    }
}

/// Responsibility areas (责任区): the directory readers of the subtree.
struct AreaAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该责任区，或您无权查看" }

    func readable(_ q: QueryBuilder<ResponsibilityArea>) -> QueryBuilder<ResponsibilityArea> {
        switch principal.role {
        case .admin, .office, .leader: return q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector, .school: return q.filter(\.$id == -1)
        }
    }

    func canEdit(_ area: ResponsibilityArea) -> Bool { scope.canEdit(orgPath: area.orgPath) }

    func editable(_ id: Int?, on db: any Database) async throws -> ResponsibilityArea {
        let area = try await load(id, on: db)
        guard canEdit(area) else { throw Abort(.forbidden, reason: "您无权修改该责任区") }
        return area
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
