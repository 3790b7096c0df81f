import Fluent
import Foundation
import SQLKit

/// Who runs a timer job in a period. Every instance of a province's platform runs the timer; before a job runs,
/// the instance claims the job's period in `job_runs` (M031), and only the instance whose claim took effect runs
/// it. A period is the timer's interval on the injected clock, so instances that tick at different moments of the
/// same two minutes run each job once between them. The rows say which instance ran what, when, and how it ended.
enum JobRuns {
    /// The timer's interval, and so the length of a period.
    static let period: Int64 = 120
    /// How long the record of runs is kept.
    static let keptDays = 2

    enum Outcome: String {
        case running, ok, failed
    }

    /// This process, as named in the rows it writes (host and process id).
    static let instance = "\(ProcessInfo.processInfo.hostName)#\(ProcessInfo.processInfo.processIdentifier)"

    static func slot(of now: Date) -> Int64 {
        Int64((now.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// Claims `job` for the period of `now`; the run's id when this call claimed it, nil when another run has.
    static func claim(_ job: String, now: Date, on db: any Database) async throws -> Int? {
        guard let sql = db as? any SQLDatabase else { return nil }
        struct Row: Decodable { let id: Int }
        return try await sql.raw(
            """
            INSERT INTO job_runs (job, slot, instance, started_at, outcome)
            VALUES (\(bind: job), \(bind: slot(of: now)), \(bind: instance), \(bind: now), \(bind: Outcome.running.rawValue))
            ON CONFLICT (job, slot) DO NOTHING
            RETURNING id
            """
        ).first(decoding: Row.self)?.id
    }

    static func finish(_ id: Int, _ outcome: Outcome, now: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.update("job_runs").set("outcome", to: outcome.rawValue).set("finished_at", to: now)
            .where("id", .equal, id).run()
    }

    /// Forgets runs older than `keptDays`.
    static func sweep(now: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let before = now.addingTimeInterval(-Double(keptDays) * 86_400)
        try await sql.delete(from: "job_runs").where("started_at", .lessThan, before).run()
    }
}
