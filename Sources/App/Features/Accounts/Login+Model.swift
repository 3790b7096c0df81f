import DudaoCore

/// 登录: the form as typed, the refusal if any, and the demo accounts (shown in demo mode). Plain values.
struct Login: Sendable, Equatable {
    struct DemoAccount: Sendable, Equatable {
        let username: String
        let who: String
    }

    let username: String
    /// Where to go after signing in.
    let next: String
    let error: String?
    let demoPassword: String
    let demoAccounts: [DemoAccount]

    init(
        username: String, next: String, error: String?, demoPassword: String = DemoSeed.password,
        demoAccounts: [DemoAccount] = DemoSeed.logins.map { DemoAccount(username: $0.0, who: $0.1) }
    ) {
        self.username = username
        self.next = next
        self.error = error
        self.demoPassword = demoPassword
        self.demoAccounts = demoAccounts
    }
}
