import DudaoCore
import Fluent

/// 新建账号: the form as typed and its messages. Plain values; `check` reads what the form refers to.
struct NewAccount: Sendable {
    struct Form: Sendable, Equatable {
        var username = ""
        var displayName = ""
        var role = ""
        /// 学校标识码, for a school account.
        var school = ""
        /// The inspector's mobile number, for an inspector account.
        var inspector = ""
    }

    let form: Form
    let errors: [FieldError]
}

extension NewAccount {
    /// What a checked form creates: the account's school or inspector found in the district.
    struct Checked: @unchecked Sendable {
        let username: String
        let displayName: String
        let role: Role
        let school: School?
        let inspector: Inspector?
    }

    /// The form checked against the accounts, schools and inspectors of `district`.
    static func check(_ form: Form, district: OrgUnit, on db: any Database) async throws -> Validated<Checked> {
        var errors: [FieldError] = []
        let username = form.username.trimmingCharacters(in: .whitespaces)
        if username.count < 3 || username.count > 32
            || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        {
            errors.append(.init("username", "用户名应为3–32位字母、数字或下划线"))
        } else if try await User.query(on: db).filter(\.$username == username).count() > 0 {
            errors.append(.init("username", "用户名已被使用"))
        }
        if let e = Validate.required(form.displayName, field: "姓名", maxLength: 30) {
            errors.append(.init("displayName", e))
        }
        let role = Role(rawValue: form.role)
        if role == nil { errors.append(.init("role", "请选择角色")) }
        var school: School?
        var inspector: Inspector?
        if role == .school {
            school = try await School.query(on: db).filter(\.$code == form.school.trimmingCharacters(in: .whitespaces))
                .inSubtree(\.$orgPath, district.path).first()
            if school == nil { errors.append(.init("school", "请填写本区学校的学校标识码")) }
        }
        if role == .inspector {
            inspector = try await Inspector.query(on: db).filter(
                \.$phone == form.inspector.trimmingCharacters(in: .whitespaces)
            )
            .filter(\.$districtID == district.id!).first()
            if inspector == nil { errors.append(.init("inspector", "请填写本区督学的手机号")) }
        }
        guard errors.isEmpty, let role else { return .failure(errors) }
        return .success(
            Checked(
                username: username, displayName: form.displayName.trimmingCharacters(in: .whitespaces), role: role,
                school: school,
                inspector: inspector))
    }
}
