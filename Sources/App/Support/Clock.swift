import DudaoCore
import Foundation
import Vapor

/// The one source of time: rules, handlers, views and jobs ask it, never `Date()`. Tests set their own.
struct AppClock: Sendable {
    let now: @Sendable () -> Date

    var today: Day { Day.today(now: now()) }

    static let system = AppClock(now: { Date() })

    /// A clock standing still at `date`.
    static func fixed(_ date: Date) -> AppClock { AppClock(now: { date }) }

    /// A clock standing still at 10:00 Shanghai time on `day`.
    static func fixed(_ day: Day, hour: Int = 10) -> AppClock {
        fixed(day.date(hour: hour))
    }
}

/// A clock a test can move forward.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var date: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    func set(_ date: Date) { lock.withLock { current = date } }

    var clock: AppClock { AppClock(now: { [self] in date }) }
}

struct ClockKey: StorageKey { typealias Value = AppClock }

extension Application {
    var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var clock: AppClock { application.clock }
    var now: Date { application.clock.now() }
    var today: Day { application.clock.today }
}
