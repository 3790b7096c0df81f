/// Rules for accounts: login lockout and password strength.
public enum AccountRules {
    public static let maxFailures = 5
    public static let lockMinutes = 15

    /// After `maxFailures` failures in a row the account is locked for `lockMinutes`.
    public static func shouldLock(failuresInARow: Int) -> Bool { failuresInARow >= maxFailures }

    public static func passwordProblem(_ password: String, username: String) -> String? {
        if password.count < 8 { return "密码至少8位" }
        if password.lowercased() == username.lowercased() { return "密码不能与用户名相同" }
        let hasLetter = password.contains { $0.isLetter }
        let hasDigit = password.contains { $0.isNumber }
        if !(hasLetter && hasDigit) { return "密码须同时包含字母和数字" }
        return nil
    }

    /// Constant-time comparison for tokens.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
