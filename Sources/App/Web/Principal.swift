import DudaoCore

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

    var mayEditDirectory: Bool { role.mayEditDirectory }
}
