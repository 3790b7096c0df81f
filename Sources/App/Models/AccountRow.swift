import DudaoCore

/// The account columns a signed-in request needs, read in the same statement as its session or API token
/// (`users u` joined), so a request is authenticated by one query instead of two model loads.
protocol AccountRow {
    var userId: Int { get }
    var username: String { get }
    var displayName: String { get }
    var role: Role { get }
    var orgUnitId: Int { get }
    var orgPath: String { get }
    var schoolId: Int? { get }
    var inspectorId: Int? { get }
    var mustChangePassword: Bool { get }
    var active: Bool { get }
}

extension AccountRow {
    /// The select list of `users u` that fills an `AccountRow` (decoded from snake case).
    static var accountColumns: String {
        "u.username, u.display_name, u.role, u.org_unit_id, u.org_path, u.school_id, u.inspector_id, "
            + "u.must_change_password, u.active"
    }

    var principal: Principal {
        Principal(
            userID: userId, username: username, displayName: displayName, role: role, orgPath: orgPath,
            orgUnitID: orgUnitId, schoolID: schoolId, inspectorID: inspectorId, mustChangePassword: mustChangePassword)
    }
}
