import DudaoCore
import Fluent
import Vapor

/// 问责决定: the office, leader and admin read those of their subtree; a school reads the decisions against
/// it, an inspector those against them (and each may answer them). Only the office decides and records outcomes.
struct AccountabilityAccess: RecordAccess {
    let scope: Scope
    var notFound: String { "未找到该问责决定，或您无权查看" }

    func readable(_ q: QueryBuilder<AccountabilityDecision>) -> QueryBuilder<AccountabilityDecision> {
        switch principal.role {
        case .office, .leader, .admin: q.inSubtree(\.$orgPath, principal.orgPath)
        case .inspector: q.filter(\.$targetInspectorID == (principal.inspectorID ?? -1))
        case .school: q.filter(\.$targetSchoolID == (principal.schoolID ?? -1))
        }
    }

    /// Decides a measure and records its outcome.
    var mayDecide: Bool { principal.role == .office }

    /// The target answers (申辩): the school held accountable, or the inspector.
    func isTarget(_ d: AccountabilityDecision) -> Bool {
        switch principal.role {
        case .school: d.targetSchoolID != nil && d.targetSchoolID == principal.schoolID
        case .inspector: d.targetInspectorID != nil && d.targetInspectorID == principal.inspectorID
        default: false
        }
    }

    /// A file of the decision's 申辩.
    func file(decisionID: Int?, hash: String?, on db: any Database) async throws -> StoredFile {
        let d = try await load(decisionID, on: db)
        guard let f = d.storedResponseFiles.first(where: { $0.hash == hash }) else {
            throw Abort(.notFound, reason: "文件不存在")
        }
        return f
    }
}

extension Scope {
    var accountabilityAccess: AccountabilityAccess { AccountabilityAccess(scope: self) }
}
