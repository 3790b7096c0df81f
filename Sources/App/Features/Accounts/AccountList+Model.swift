import DudaoCore
import Fluent
import Foundation

/// 账号管理: one page of the accounts of the administrator's subtree, with who is locked out. Plain values.
struct AccountList: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let username: String
        let displayName: String
        let role: Role
        let active: Bool
        /// Slowed down or locked by failed logins (`LoginThrottle`).
        let locked: Bool
        let lastLoginAt: Date?
        /// The administrator's own account: no buttons.
        let isSelf: Bool
    }

    let page: PageOf<Row>

    static let perPage = 50
}

extension AccountList {
    static func query(page: Int?, principal p: Principal, now: Date, on db: any Database) async throws -> AccountList {
        let users = try await User.query(on: db).inSubtree(\.$orgPath, p.orgPath).sort(\.$role).sort(\.$username)
            .paginate(Paging(page: page, per: perPage))
        let throttled = try await LoginThrottleRow.query(on: db).filter(\.$username ~~ users.items.map(\.username))
            .filter(\.$blockedUntil > now).all(\.$username)
        let locked = Set(throttled.compactMap { $0 })
        return AccountList(
            page: users.map { u in
                Row(
                    id: u.id!, username: u.username, displayName: u.displayName, role: u.role, active: u.active,
                    locked: locked.contains(u.username), lastLoginAt: u.lastLoginAt, isSelf: u.id == p.userID)
            })
    }
}
