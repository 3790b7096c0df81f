import DudaoCore
import Fluent
import SQLKit
import Vapor

/// The timer: marks overdue notices and takes the district's escalation steps (提醒 → 约谈 → 通报).
/// Idempotent (a step is an event unique per notice and step, and is never taken twice) and safe with
/// several instances on PostgreSQL (rows are claimed with FOR UPDATE SKIP LOCKED).
enum EscalationJob {
    struct Outcome: Equatable {
        var checked = 0
        var escalated = 0
    }

    /// Notices and complaints, one after the other.
    static func run(on db: any Database, today: Day) async throws -> Outcome {
        let a = try await notices(on: db, today: today)
        let b = try await complaints(on: db, today: today)
        return Outcome(checked: a.checked + b.checked, escalated: a.escalated + b.escalated)
    }

    /// Open complaints past their stage's deadline escalate like notices.
    static func complaints(on db: any Database, today: Day) async throws -> Outcome {
        guard let sql = db as? any SQLDatabase else { return Outcome() }
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { return Outcome() }
            struct Row: Decodable { let id: Int }
            let ids = try await sql.raw(
                """
                SELECT id FROM complaints
                WHERE state IN ('received', 'accepted', 'verifying', 'handling') AND deadline < \(bind: today.description)
                ORDER BY id LIMIT 500
                """ + lock
            ).all(decoding: Row.self).map(\.id)
            var outcome = Outcome()
            guard !ids.isEmpty else { return outcome }
            for c in try await Complaint.query(on: db).filter(\.$id ~~ ids).all() {
                outcome.checked += 1
                guard let due = c.deadline.flatMap(Day.init(parsing:)) else { continue }
                let policy = try await DistrictSettings.forDistrict(c.districtID, on: db).escalationPolicy
                let taken = Set(
                    try await CaseEvent.query(on: db).filter(\.$target == "complaint").filter(\.$targetID == c.id!).all(
                        \.$action
                    )
                    .compactMap { $0.hasPrefix("escalate:") ? EscalationStep(rawValue: String($0.dropFirst(9))) : nil })
                for step in policy.stepsDue(due: due, today: today, taken: taken) {
                    try await CaseEvents.record(
                        on: db, .complaint, id: c.id!, action: "escalate:" + step.rawValue, actor: nil,
                        comment: "\(c.state.label)环节超过期限\(today.ordinal - due.ordinal)天，自动\(step.label)")
                    c.escalation = step
                    outcome.escalated += 1
                    let d = try await OrgUnit.find(c.districtID, on: db)
                    try await Notifier.notify(
                        userIDs: try await Notifier.officeUsers(districtPath: d?.path ?? c.orgPath, on: db)
                            + Notifier.inspectorUsers(c.inspectorID, on: db),
                        title: "投诉 \(c.trackingCode) 超时，已\(step.label)", link: SiteURL.complaint(c.id!).path,
                        districtID: c.districtID, on: db)
                }
                try await c.save(on: db)
            }
            return outcome
        }
    }

    static func notices(on db: any Database, today: Day) async throws -> Outcome {
        guard let sql = db as? any SQLDatabase else { return Outcome() }
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { return Outcome() }
            struct Row: Decodable { let id: Int }
            let ids = try await sql.raw(
                """
                SELECT id FROM rectification_notices
                WHERE state IN ('issued', 'acknowledged', 'returned') AND deadline < \(bind: today.description)
                ORDER BY id LIMIT 500
                """ + lock
            ).all(decoding: Row.self).map(\.id)
            var outcome = Outcome()
            guard !ids.isEmpty else { return outcome }
            let notices = try await RectificationNotice.query(on: db).filter(\.$id ~~ ids).all()
            var policies: [Int: EscalationPolicy] = [:]
            for n in notices {
                outcome.checked += 1
                guard let due = n.deadlineDay else { continue }
                let policy: EscalationPolicy
                if let p = policies[n.districtID] {
                    policy = p
                } else {
                    policy = try await DistrictSettings.forDistrict(n.districtID, on: db).escalationPolicy
                    policies[n.districtID] = policy
                }
                let taken = Set(
                    try await CaseEvent.query(on: db).filter(\.$target == "notice").filter(\.$targetID == n.id!).all(
                        \.$action
                    )
                    .compactMap { $0.hasPrefix("escalate:") ? EscalationStep(rawValue: String($0.dropFirst(9))) : nil })
                let overdue = today.ordinal - due.ordinal
                for step in policy.stepsDue(due: due, today: today, taken: taken) {
                    try await CaseEvents.record(
                        on: db, .notice, id: n.id!, action: "escalate:" + step.rawValue, actor: nil,
                        comment: "逾期\(overdue)天，自动\(step.label)")
                    n.escalation = step
                    outcome.escalated += 1
                    let d = try await OrgUnit.find(n.districtID, on: db)
                    try await Notifier.notify(
                        userIDs: try await Notifier.officeUsers(districtPath: d?.path ?? n.orgPath, on: db)
                            + Notifier.inspectorUsers(n.inspectorID, on: db) + Notifier.schoolUsers(n.schoolID, on: db),
                        title: "整改通知书 \(n.number) 逾期未报送整改报告，已\(step.label)", link: SiteURL.notice(n.id!).path,
                        districtID: n.districtID, on: db)
                }
                try await n.save(on: db)
            }
            return outcome
        }
    }

    /// Runs every few minutes in the process (off in tests; they call `run` directly).
    static func schedule(_ app: Application) {
        guard app.config.runJobs else { return }
        app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(10), delay: .minutes(2)) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    let now = app.clock.now()
                    let today = app.clock.today
                    let o = try await run(on: app.db, today: today)
                    if o.escalated > 0 { app.logger.info("督办：检查 \(o.checked) 件逾期事项，新增督办 \(o.escalated) 项") }
                    _ = try await DueSoonJob.run(on: app.db, today: today, now: now)
                    _ = try await WebhookJob.run(app, now: now)
                    try await Sessions.sweep(now: now, idleMinutes: app.config.sessionIdleMinutes, on: app.db)
                } catch {
                    app.logger.report(error: error)
                }
            }
        }
    }
}

/// Reminds a school once when its notice falls due within three days. The reminder is an event per notice,
/// kept to one by a unique index (M007): the event is inserted first, and only the run whose insert took
/// effect tells anyone, so two instances running at once remind once.
enum DueSoonJob {
    static let within = 3
    static let action = "due-soon"

    static func run(on db: any Database, today: Day, now: Date) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        struct Row: Decodable { let id: Int }
        let ids = try await sql.raw(
            """
            SELECT n.id FROM rectification_notices n
            WHERE n.state IN ('issued', 'acknowledged', 'returned')
                AND n.deadline >= \(bind: today.description) AND n.deadline <= \(bind: today.adding(days: within).description)
                AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.target = 'notice' AND e.target_id = n.id AND e.action = \(bind: action))
            ORDER BY n.id LIMIT 500
            """
        ).all(decoding: Row.self).map(\.id)
        guard !ids.isEmpty else { return 0 }
        var sent = 0
        for n in try await RectificationNotice.query(on: db).filter(\.$id ~~ ids).sort(\.$id).all() {
            let reminded = try await db.transaction { db -> Bool in
                guard try await recordOnce(notice: n.id!, on: db, now: now) else { return false }
                try await Notifier.notify(
                    userIDs: try await Notifier.schoolUsers(n.schoolID, on: db)
                        + Notifier.inspectorUsers(n.inspectorID, on: db),
                    title: "整改通知书 \(n.number) 将于\(Format.day(n.deadline))到期，请按时报送整改报告",
                    link: SiteURL.notice(n.id!).path,
                    districtID: n.districtID, on: db)
                return true
            }
            if reminded { sent += 1 }
        }
        return sent
    }

    /// Records the notice's due-soon event unless it is already there; true when this call recorded it.
    /// On PostgreSQL a second transaction inserting the same event waits for the first and then inserts nothing.
    static func recordOnce(notice: Int, on db: any Database, now: Date) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        struct Row: Decodable { let id: Int }
        let inserted = try await sql.raw(
            """
            INSERT INTO case_events (target, target_id, action, actor_id, actor_name, comment, created_at)
            VALUES ('notice', \(bind: notice), \(bind: action), NULL, \(bind: "系统"), \(bind: "整改期限将至，已提醒学校"), \(bind: now))
            ON CONFLICT DO NOTHING
            RETURNING id
            """
        ).all(decoding: Row.self)
        return !inserted.isEmpty
    }
}
