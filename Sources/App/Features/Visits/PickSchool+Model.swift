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

    /// The account's readable schools (an inspector's: the ones assigned to them), by name.
    static func query(scope: Scope, on db: any Database) async throws -> PickSchool {
        let schools = try await scope.schoolAccess.readable(School.query(on: db)).sort(\.$name).all()
        return PickSchool(
            schools: schools.map { Row(id: $0.id!, name: $0.name, type: $0.type, principal: $0.principal) })
    }
}
