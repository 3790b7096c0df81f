import DudaoCore
import Fluent
import Vapor

/// Writes the audit trail. Called inside the same transaction as the change it records.
enum Audit {
    static func record(
        on db: any Database, actor: Principal?, action: String, entity: String, id: Int, orgPath: String,
        summary: String, before: [String: String] = [:], after: [String: String] = [:]
    ) async throws {
        let e = AuditEvent()
        e.actorID = actor?.userID
        e.actorName = actor.map { "\($0.displayName)（\($0.username)）" } ?? "系统"
        e.action = action
        e.entity = entity
        e.entityID = id
        e.orgPath = orgPath
        e.summary = summary
        let changes = AuditDiff.changes(before: before, after: after)
        e.changes = try JSONColumn.encode(changes)
        try await e.save(on: db)
    }

    static func events(entity: String, id: Int, on db: any Database, limit: Int = 50) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: db)
            .filter(\.$entity == entity).filter(\.$entityID == id)
            .sort(\.$id, .descending).limit(limit).all()
    }

    static let actionLabels = [
        "create": "新建", "update": "修改", "deactivate": "停用", "reactivate": "恢复", "assign": "挂牌调整",
        "import": "导入", "photo": "更换照片", "reset": "重置密码", "login": "登录",
    ]
    static let entityLabels = [
        "school": "学校", "inspector": "督学", "area": "责任区", "assignment": "挂牌", "user": "账号", "settings": "设置",
    ]
}
