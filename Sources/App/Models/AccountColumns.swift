import DudaoCore

/// The account columns a signed-in request needs, read in the same statement as its session or API token
/// (`users u` joined, `select` in its select list), so a request is authenticated by one query instead of two model
/// loads.
struct AccountColumns: Decodable, Sendable {
    let userId: Int
    let username: String
    let displayName: String
    let role: Role
    let orgUnitId: Int
    let orgPath: String
    let schoolId: Int?
    let inspectorId: Int?
    let mustChangePassword: Bool
    let active: Bool

    /// The select list of `users u` that fills these columns (decoded from snake case).
    static let select =
        "u.id AS user_id, u.username, u.display_name, u.role, u.org_unit_id, u.org_path, u.school_id, u.inspector_id, "
        + "u.must_change_password, u.active"

    var principal: Principal {
        Principal(
            userID: userId, username: username, displayName: displayName, role: role, orgPath: orgPath,
            orgUnitID: orgUnitId, schoolID: schoolId, inspectorID: inspectorId, mustChangePassword: mustChangePassword)
    }
}
