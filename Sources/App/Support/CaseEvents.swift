import DudaoCore
import Fluent

/// The steps of a case: every step of a rectification notice or a complaint is a `CaseEvent` row (who, when,
/// what, why), written here, inside the transaction of the step. Escalations by the timer are events too.
enum CaseEvents {
    enum Target: String {
        case notice, complaint
    }

    /// Records `action` on the case. The actor's name is shown on the case page; `name` overrides it (a phone log:
    /// "督导室（电话登记）"); without an actor the step is the system's ("系统").
    static func record(
        on db: any Database, _ target: Target, id: Int, action: String, actor: Principal?, name: String? = nil,
        comment: String
    ) async throws {
        let e = CaseEvent()
        e.target = target.rawValue
        e.targetID = id
        e.action = action
        e.actorID = actor?.userID
        e.actorName = name ?? actor?.displayName ?? "系统"
        e.comment = comment
        try await e.save(on: db)
    }

    /// The steps of one case, oldest first.
    static func of(_ target: Target, id: Int, on db: any Database) async throws -> [CaseEvent] {
        try await CaseEvent.query(on: db).filter(\.$target == target.rawValue).filter(\.$targetID == id).sort(\.$id)
            .all()
    }
}
