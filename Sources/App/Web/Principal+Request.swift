import DudaoCore
import Vapor

extension Principal {
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
