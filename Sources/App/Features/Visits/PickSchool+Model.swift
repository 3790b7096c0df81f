import DudaoCore
import Fluent

/// 到哪所学校督导: the schools an inspector may start a visit at (those the account may read).
struct PickSchool: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let name: String
        let type: SchoolType
        let principal: String
    }

    let schools: [Row]
    /// The name searched for (the office looks a school up among many).
    let search: String
    /// More schools match than are listed.
    let truncated: Bool

    static let limit = 60

    /// The account's readable open schools whose name contains `search` (an inspector's: the ones assigned to
    /// them), by name, at most `limit`.
    static func query(scope: Scope, search: String, on db: any Database) async throws -> PickSchool {
        var q = scope.schoolAccess.readable(School.query(on: db)).filter(status: .open, for: scope)
        let term = search.trimmingCharacters(in: .whitespaces)
        if !term.isEmpty { q = q.filter(\.$name ~~ term) }
        let schools = try await q.sort(\.$name).limit(limit + 1).all()
        return PickSchool(
            schools: schools.prefix(limit).map {
                Row(id: $0.id!, name: $0.name, type: $0.type, principal: $0.principal)
            },
            search: term, truncated: schools.count > limit)
    }
}
