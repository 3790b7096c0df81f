import DudaoCore
import Foundation
import Vapor

/// Figures that cost a pass over a province's records (the dashboard, the 六个一 summary, the office home's directory
/// counts, the complaints' per-inspector table), kept for a short
/// lifetime per instance: within it every request is served the same figures, and the page says when they were
/// counted. Requests that arrive while the figures are being counted wait for that one count instead of starting
/// their own: at 64 clients the dashboard otherwise ran 64 one-second counts at once and none finished.
///
/// Lifetime 0 (the tests' default) counts on every request. No value is kept after a failure.
///
/// A page drawn from the figures alone (the dashboard's 70 kB of tables) is drawn once with them, by `draw`, and kept
/// beside them: drawing it took half of each request's processor time once the figures were kept.
actor FiguresCache<Key: Hashable & Sendable, Value: Sendable> {
    struct Entry: Sendable {
        let value: Value
        /// When the kept figures were counted; nil when figures are not kept (lifetime 0), so pages say nothing.
        let countedAt: Date?
        /// The part of the page drawn from `value` and `countedAt` (HTML), or empty.
        let drawn: String
    }

    /// Draws the part of a page that shows only the figures and when they were counted.
    typealias Draw = @Sendable (_ value: Value, _ countedAt: Date?) -> String

    let lifetime: TimeInterval
    let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var counting: [Key: Task<Entry, any Error>] = [:]

    init(lifetime: TimeInterval, capacity: Int = 500) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func value(
        for key: Key, now: Date, count: @escaping @Sendable () async throws -> Value, draw: Draw? = nil
    ) async throws -> Entry {
        func entry(_ value: Value, _ countedAt: Date?) -> Entry {
            Entry(value: value, countedAt: countedAt, drawn: draw?(value, countedAt) ?? "")
        }
        guard lifetime > 0 else { return entry(try await count(), nil) }
        if let entry = entries[key], let at = entry.countedAt, at <= now, now.timeIntervalSince(at) < lifetime {
            return entry
        }
        if let running = counting[key] { return try await running.value }
        let task = Task { entry(try await count(), now) }
        counting[key] = task
        do {
            let entry = try await task.value
            counting[key] = nil
            keep(entry, for: key)
            return entry
        } catch {
            counting[key] = nil
            throw error
        }
    }

    private func keep(_ entry: Entry, for key: Key) {
        if entries[key] == nil, entries.count >= capacity,
            let oldest = entries.min(by: { ($0.value.countedAt ?? .distantPast) < ($1.value.countedAt ?? .distantPast) }
            )?.key
        {
            entries[oldest] = nil
        }
        entries[key] = entry
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

    let dashboard: FiguresCache<DashboardKey, Dashboard>
    let compliance: FiguresCache<ComplianceKey, ComplianceMatrix>
    let officeHome: FiguresCache<DayScopeKey, OfficeHome.Figures>
    let complaintFigures: FiguresCache<ScopeKey, [ComplaintList.InspectorFigures]>

    init(lifetime: TimeInterval) {
        dashboard = FiguresCache(lifetime: lifetime)
        compliance = FiguresCache(lifetime: lifetime)
        officeHome = FiguresCache(lifetime: lifetime)
        complaintFigures = FiguresCache(lifetime: lifetime)
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
