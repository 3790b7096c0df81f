import DudaoCore
import Fluent
import Foundation

/// 修改密码: the password form's messages and the account's API tokens still valid. Plain values.
struct AccountPassword: Sendable {
    struct Token: Sendable, Equatable {
        let id: Int
        let createdAt: Date?
        let lastUsedAt: Date?
        let expiresAt: Date
    }

    let errors: [FieldError]
    let tokens: [Token]

    static let maxTokens = 50
}

extension AccountPassword {
    static func query(userID: Int, errors: [FieldError], now: Date, on db: any Database) async throws -> AccountPassword
    {
        let tokens = try await ApiToken.query(on: db).filter(\.$userID == userID).filter(\.$expiresAt > now)
            .sort(\.$id, .descending).limit(maxTokens).all()
        return AccountPassword(
            errors: errors,
            tokens: tokens.map {
                Token(id: $0.id!, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, expiresAt: $0.expiresAt)
            })
    }
}
