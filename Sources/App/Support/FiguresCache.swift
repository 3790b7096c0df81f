import DudaoCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Figures that cost a pass over a province's records (the dashboard, the 六个一 summary, the office home's directory
/// counts, the complaints' per-inspector table), kept for a short
/// lifetime per instance: within it every request is served the same figures, and the page says when they were
/// counted. Requests that arrive while the figures are being counted wait for that one count instead of starting
/// their own: at 64 clients the dashboard otherwise ran 64 one-second counts at once and none finished.
///
/// Once the lifetime is over, the kept figures are still served, with the time they were counted, for as long again
/// while one count runs beside the requests; the requests after it get the new figures. Only figures older than
/// twice the lifetime (nobody asked for them meanwhile) make a request wait for a new count. Without this, every
/// lifetime one request and all that arrived with it waited for the whole count (0.7 s for a province's dashboard),
/// and that wait was the page's p99 at every load.
///
/// Lifetime 0 (the tests' default) counts on every request. No value is kept after a failure; a failed count beside
/// the requests leaves the kept figures as they were, and the next request past the lifetime tries again.
///
/// A page drawn from the figures alone (the dashboard's 70 kB of tables) is drawn once with them, by `draw`, and kept
/// beside them: drawing it took half of each request's processor time once the figures were kept.
///
/// The kept figures are looked up under a lock, not through an actor: at 64 clients every request of these pages
/// queued on one actor for a lookup of a microsecond, and the queue, not the work, made the pages' slowest requests.
final class FiguresCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let value: Value
        /// When the kept figures were counted; nil when figures are not kept (lifetime 0), so pages say nothing.
        let countedAt: Date?
        /// The part of the page drawn from `value` and `countedAt` (HTML), or empty.
        let drawn: String
    }

    /// Draws the part of a page that shows only the figures and when they were counted.
    typealias Draw = @Sendable (_ value: Value, _ countedAt: Date?) -> String
    typealias Count = @Sendable () async throws -> Value

    /// A count under way, numbered so that one forgotten meanwhile (`forget`) does not keep its figures.
    private struct Counting {
        let number: Int
        let task: Task<Entry, any Error>
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var counting: [Key: Counting] = [:]
        var started = 0
    }

    /// What a request does with the kept figures.
    private enum Answer {
        case kept(Entry)
        case waitFor(Task<Entry, any Error>)
    }

    let lifetime: TimeInterval
    let capacity: Int
    private let state = NIOLockedValueBox(State())

    init(lifetime: TimeInterval, capacity: Int = 500) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func value(for key: Key, now: Date, count: @escaping Count, draw: Draw? = nil) async throws -> Entry {
        guard lifetime > 0 else { return try await Self.entry(count, countedAt: nil, draw: draw) }
        let answer = state.withLockedValue { state -> Answer in
            if let entry = state.entries[key], let at = entry.countedAt, at <= now {
                let age = now.timeIntervalSince(at)
                if age < lifetime { return .kept(entry) }
                if age < 2 * lifetime {
                    _ = counted(key, in: &state, now: now, count: count, draw: draw)
                    return .kept(entry)
                }
            }
            return .waitFor(counted(key, in: &state, now: now, count: count, draw: draw))
        }
        switch answer {
        case .kept(let entry): return entry
        case .waitFor(let task): return try await task.value
        }
    }

    /// Waits until every count under way has ended (kept or failed): a test's next request then sees its result.
    func settled() async {
        while let running = state.withLockedValue({ $0.counting.values.first?.task }) {
            _ = try? await running.value
        }
    }

    /// Drops the kept figures of every key that `matches`, and forgets the counts of them under way (they still
    /// answer the requests waiting for them, but their figures are not kept): the next request counts again. A write
    /// that changes the figures calls this on its own instance, so its author sees the change at once; the other
    /// instances show theirs, with the time they were counted, for at most twice the lifetime.
    func forget(where matches: (Key) -> Bool) {
        state.withLockedValue { state in
            for key in state.entries.keys where matches(key) { state.entries[key] = nil }
            for key in state.counting.keys where matches(key) { state.counting[key] = nil }
        }
    }

    /// The count under way for `key`, or a new one (`state` is locked). The count keeps its figures itself before it
    /// ends, so whoever awaits it finds them kept; it can take the lock only once this request has let go of it.
    private func counted(
        _ key: Key, in state: inout State, now: Date, count: @escaping Count, draw: Draw?
    ) -> Task<Entry, any Error> {
        if let running = state.counting[key] { return running.task }
        state.started += 1
        let number = state.started
        let task = Task {
            do {
                let entry = try await Self.entry(count, countedAt: now, draw: draw)
                self.ended(key, number, keeping: entry)
                return entry
            } catch {
                self.ended(key, number, keeping: nil)
                throw error
            }
        }
        state.counting[key] = Counting(number: number, task: task)
        return task
    }

    /// Counts the figures and draws the page's part from them.
    private static func entry(_ count: Count, countedAt: Date?, draw: Draw?) async throws -> Entry {
        let value = try await count()
        return Entry(value: value, countedAt: countedAt, drawn: draw?(value, countedAt) ?? "")
    }

    /// Count `number` of `key` has ended: its figures are kept unless the count was forgotten meanwhile.
    private func ended(_ key: Key, _ number: Int, keeping entry: Entry?) {
        state.withLockedValue { state in
            guard state.counting[key]?.number == number else { return }
            state.counting[key] = nil
            guard let entry else { return }
            if state.entries[key] == nil, state.entries.count >= capacity,
                let oldest = state.entries.min(by: {
                    ($0.value.countedAt ?? .distantPast) < ($1.value.countedAt ?? .distantPast)
                })?.key
            {
                state.entries[oldest] = nil
            }
            state.entries[key] = entry
        }
    }
}

/// The application's figure caches, made once with the configured lifetime.
struct FiguresCaches: Sendable {
    struct DashboardKey: Hashable, Sendable {
        let root: Int
        let township: Int?
        let type: String?
        let today: String
    }

    /// A page of the 六个一 summary as an account of that role and subtree sees it.
    struct ComplianceKey: Hashable, Sendable {
        let role: Role
        let orgPath: String
        /// The semester asked for; nil: the current one by the district's term dates.
        let semester: String?
        let page: Int?
        let today: String
    }

    /// What an account of that role and subtree may see.
    struct ScopeKey: Hashable, Sendable {
        let role: Role
        let orgPath: String
    }

    /// The office home's figures as an account of that role and subtree sees them on a day: "behind this month" turns
    /// with the month.
    struct DayScopeKey: Hashable, Sendable {
        let scope: ScopeKey
        let today: String
    }

    struct BalanceKey: Hashable, Sendable {
        let district: Int
        let year: Int
        let standard: BalanceStandard
    }

    let dashboard: FiguresCache<DashboardKey, Dashboard>
    let compliance: FiguresCache<ComplianceKey, ComplianceMatrix>
    let officeHome: FiguresCache<DayScopeKey, OfficeHome.Figures>
    let complaintFigures: FiguresCache<ScopeKey, [ComplaintList.InspectorFigures]>
    /// A district's balance statistics of a year under a standard (see `BalanceController.overview`).
    let balance: FiguresCache<BalanceKey, BalanceOverview>
    /// A district's years with balance returns, newest first: the statistics page opens on the newest, so they are
    /// read before its kept statistics can be looked up (forgotten with them, `BalanceController.forgetFigures`).
    let balanceYears: FiguresCache<Int, [Int]>
    /// A province's list totals by their count statement (see `ListTotals`).
    let listTotals: FiguresCache<String, Int>

    /// Waits until every count under way beside the requests has ended.
    func settled() async {
        await dashboard.settled()
        await compliance.settled()
        await officeHome.settled()
        await complaintFigures.settled()
        await balance.settled()
        await balanceYears.settled()
        await listTotals.settled()
    }

    init(lifetime: TimeInterval) {
        dashboard = FiguresCache(lifetime: lifetime)
        compliance = FiguresCache(lifetime: lifetime)
        officeHome = FiguresCache(lifetime: lifetime)
        complaintFigures = FiguresCache(lifetime: lifetime)
        balance = FiguresCache(lifetime: lifetime)
        balanceYears = FiguresCache(lifetime: lifetime)
        listTotals = FiguresCache(lifetime: lifetime)
    }
}

struct FiguresCachesKey: StorageKey { typealias Value = FiguresCaches }

extension Application {
    var figuresCaches: FiguresCaches {
        // configure(_:_:) makes them; without, figures are counted on every request.
        get { storage[FiguresCachesKey.self] ?? FiguresCaches(lifetime: 0) }
        set { storage[FiguresCachesKey.self] = newValue }
    }
}
