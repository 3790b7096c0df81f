import Foundation

/// How failed logins are slowed down. Three counters are kept: per account + address pair, per account
/// and per address. A stranger guessing at a known account name from their own address locks only
/// that pair; the account as a whole only slows down (a short, growing delay), and not at all for
/// its owner's usual address; one address guessing at many accounts slows down too.
public enum LoginThrottle {
    public enum Counter: String, Sendable, CaseIterable {
        case pair, account, address
    }

    public struct State: Sendable, Equatable {
        public var failures: Int
        public var lastFailureAt: Date?
        public var blockedUntil: Date?
        public init(failures: Int = 0, lastFailureAt: Date? = nil, blockedUntil: Date? = nil) {
            self.failures = failures
            self.lastFailureAt = lastFailureAt
            self.blockedUntil = blockedUntil
        }
    }

    /// Consecutive failures from one address at one account before that pair is locked.
    public static let pairLimit = 5
    public static let pairLockSeconds: TimeInterval = 15 * 60
    /// Failures at one account (from anywhere) before each further attempt must wait.
    public static let accountFreeFailures = 10
    /// Failures from one address (at any account) before each further attempt must wait.
    public static let addressFreeFailures = 20
    public static let maxDelaySeconds: TimeInterval = 300
    /// A counter starts again after a day without failures.
    public static let forgetAfter: TimeInterval = 24 * 3600

    public enum Refusal: Sendable, Equatable {
        /// The pair is locked: this many seconds left.
        case locked(seconds: Int)
        /// Too many recent failures: wait this many seconds.
        case wait(seconds: Int)

        public var message: String {
            switch self {
            case .locked(let s):
                return "连续登录失败次数过多，已暂停此设备登录该账号，请\(max(1, (s + 59) / 60))分钟后再试，或请管理员解锁"
            case .wait(let s):
                return "登录失败次数过多，请\(max(1, s))秒后再试"
            }
        }
    }

    /// The state as it counts now: forgotten after a quiet day.
    public static func current(_ s: State, now: Date) -> State {
        if let last = s.lastFailureAt, now.timeIntervalSince(last) >= forgetAfter { return State() }
        return s
    }

    /// May an attempt go ahead? The account counter is not applied at the owner's usual address.
    public static func refusal(
        pair: State, account: State, address: State, fromUsualAddress: Bool, now: Date
    ) -> Refusal? {
        for (counter, state) in [(Counter.pair, pair), (.account, account), (.address, address)] {
            if counter == .account && fromUsualAddress { continue }
            guard let until = current(state, now: now).blockedUntil, until > now else { continue }
            let left = Int(until.timeIntervalSince(now).rounded(.up))
            return counter == .pair ? .locked(seconds: left) : .wait(seconds: left)
        }
        return nil
    }

    /// The state after one more attempt is counted (before the password is checked, so that
    /// parallel guesses are counted one by one; a success then resets the pair and the account).
    public static func counting(_ s: State, as counter: Counter, now: Date) -> State {
        var next = current(s, now: now)
        next.failures = next.failures >= 1_000_000 ? 1_000_000 : next.failures + 1
        next.lastFailureAt = now
        switch counter {
        case .pair:
            if next.failures >= pairLimit { next.blockedUntil = now.addingTimeInterval(pairLockSeconds) }
        case .account:
            next.blockedUntil = delay(next.failures, free: accountFreeFailures).map { now.addingTimeInterval($0) }
        case .address:
            next.blockedUntil = delay(next.failures, free: addressFreeFailures).map { now.addingTimeInterval($0) }
        }
        return next
    }

    /// The address counter after a successful login: the attempt counted for it is given back, so an office or
    /// school behind one address (NAT) counts only its failures, however many of its people sign in each day.
    /// Failures that others made from the address stay counted, and keep their delay.
    public static func succeeded(_ s: State, now: Date) -> State {
        var next = current(s, now: now)
        guard next.failures > 1 else { return State() }
        next.failures -= 1
        next.blockedUntil = delay(next.failures, free: addressFreeFailures).map { now.addingTimeInterval($0) }
        return next
    }

    /// 1, 2, 4 … seconds for each failure past `free`, at most `maxDelaySeconds`.
    public static func delay(_ failures: Int, free: Int) -> TimeInterval? {
        guard failures >= free else { return nil }
        let exponent = min(failures - free, 16)
        return min(maxDelaySeconds, Double(1 << exponent))
    }

    /// Attempts left before the pair locks (shown after a wrong password).
    public static func attemptsLeft(pairFailures: Int) -> Int { max(0, pairLimit - pairFailures) }
}
