import DudaoCore
import Fluent
import Vapor

/// The signed-in account, loaded once per request.
struct Principal: Sendable {
    let userID: Int
    let username: String
    let displayName: String
    let role: Role
    let orgPath: String
    let orgUnitID: Int
    let schoolID: Int?
    let inspectorID: Int?
    let mustChangePassword: Bool

    init(_ u: User) {
        userID = u.id!
        username = u.username
        displayName = u.displayName
        role = u.role
        orgPath = u.orgPath
        orgUnitID = u.orgUnitID
        schoolID = u.schoolID
        inspectorID = u.inspectorID
        mustChangePassword = u.mustChangePassword
    }

    var mayEditDirectory: Bool { role.mayEditDirectory }
}

struct PrincipalKey: StorageKey { typealias Value = Principal }

extension Request {
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The principal on a route behind `RequireRole`; absent only on a wiring mistake.
    func requirePrincipal() throws -> Principal {
        guard let p = principal else { throw Abort(.unauthorized) }
        return p
    }
}
