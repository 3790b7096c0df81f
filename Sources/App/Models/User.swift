import DudaoCore
import Fluent
import Vapor

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "username") var username: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: Role
    @Field(key: "org_unit_id") var orgUnitID: Int
    @Field(key: "org_path") var orgPath: String
    @OptionalField(key: "school_id") var schoolID: Int?
    @OptionalField(key: "inspector_id") var inspectorID: Int?
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "active") var active: Bool
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    /// Where the owner last signed in: the account-wide login delay does not apply there.
    @OptionalField(key: "last_login_address") var lastLoginAddress: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $username, $passwordHash, $displayName, $role, $orgUnitID, $orgPath, $schoolID, $inspectorID,
            $mustChangePassword, $active, $lastLoginAt, $lastLoginAddress, $createdAt,
        ]
    }

    init() {}

    init(
        username: String, passwordHash: String, displayName: String, role: Role, org: OrgUnit,
        mustChangePassword: Bool
    ) {
        self.username = username
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.role = role
        self.orgUnitID = org.id!
        self.orgPath = org.path
        self.mustChangePassword = mustChangePassword
        self.active = true
    }
}
