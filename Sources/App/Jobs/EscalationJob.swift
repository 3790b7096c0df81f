import DudaoCore
import Fluent
import SQLKit
import Vapor

/// The timer: marks overdue notices and takes the district's escalation steps (提醒 → 约谈 → 通报).
/// Idempotent (a step is an event unique per notice and step, and is never taken twice) and safe with
/// several instances on PostgreSQL (rows are claimed with FOR UPDATE SKIP LOCKED).
enum EscalationJob {
    struct Outcome: Equatable { var checked = 0; var escalated = 0 }

    static func run(on db: any Database, today: Day = Day.today()) async throws -> Outcome {
        guard let sql = db as? any SQLDatabase else { return Outcome() }
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return Outcome() }
            struct Row: Decodable { let id: Int }
            let ids = try await sql.raw("""
                SELECT id FROM rectification_notices
                WHERE state IN ('issued', 'acknowledged', 'returned') AND deadline < \(bind: today.description)
                ORDER BY id LIMIT 500
                """ + lock).all(decoding: Row.self).map(\.id)
            var outcome = Outcome()
            guard !ids.isEmpty else { return outcome }
            let notices = try await RectificationNotice.query(on: db).filter(\.$id ~~ ids).all()
            var policies: [Int: EscalationPolicy] = [:]
            for n in notices {
                outcome.checked += 1
                guard let due = n.deadlineDay else { continue }
                let policy: EscalationPolicy
                if let p = policies[n.districtID] { policy = p } else {
                    let s = try await DistrictSettings.forDistrict(n.districtID, on: db)
                    policy = (try? JSONDecoder().decode(EscalationPolicy.self, from: Data(s.escalation.utf8))) ?? EscalationPolicy()
                    policies[n.districtID] = policy
                }
                let taken = Set(try await CaseEvent.query(on: db).filter(\.$target == "notice").filter(\.$targetID == n.id!).all(\.$action)
                    .compactMap { $0.hasPrefix("escalate:") ? EscalationStep(rawValue: String($0.dropFirst(9))) : nil })
                let overdue = today.ordinal - due.ordinal
                for step in policy.stepsDue(due: due, today: today, taken: taken) {
                    try await NoticeWorkflow.event(on: db, notice: n, action: "escalate:" + step.rawValue, actor: nil,
                        comment: "逾期\(overdue)天，自动\(step.label)")
                    n.escalation = step
                    outcome.escalated += 1
                }
                try await n.save(on: db)
            }
            return outcome
        }
    }

    /// Runs every few minutes in the process (off in tests; they call `run` directly).
    static func schedule(_ app: Application) {
        guard app.config.runJobs else { return }
        app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(10), delay: .minutes(5)) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    let o = try await run(on: app.db)
                    if o.escalated > 0 { app.logger.info("督办：检查 \(o.checked) 份逾期通知书，新增督办 \(o.escalated) 项") }
                } catch {
                    app.logger.report(error: error)
                }
            }
        }
    }
}
