import DudaoCore
import Fluent
import NIOConcurrencyHelpers
import NIOCore
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
        try await overdue(
            table: "complaints", states: "\(states: ComplaintState.timed)", today: today, on: db
        ) { db, ids in
            try await escalate(
                try await Complaint.query(on: db).filter(\.$id ~~ ids).all(), target: .complaint, today: today,
                on: db, district: \.districtID, due: { $0.deadline.flatMap(Day.init(parsing:)) }, item: Item.complaint
            ) { $0.escalation = $1 }
        }
    }

    static func notices(on db: any Database, today: Day) async throws -> Outcome {
        try await overdue(
            table: "rectification_notices", states: "\(states: NoticeState.withSchool)", today: today, on: db
        ) { db, ids in
            try await escalate(
                try await RectificationNotice.query(on: db).filter(\.$id ~~ ids).all(), target: .notice, today: today,
                on: db, district: \.districtID, due: \.deadlineDay, item: Item.notice
            ) { $0.escalation = $1 }
        }
    }

    /// Takes the steps due on each overdue case by its district's policy (read once a district), marks the case with
    /// the last step and saves it.
    static func escalate<Case: Model>(
        _ cases: [Case], target: CaseEvents.Target, today: Day, on db: any Database, district: (Case) -> Int,
        due: (Case) -> Day?, item: (Case) -> Item, mark: (Case, EscalationStep) -> Void
    ) async throws -> Outcome where Case.IDValue == Int {
        var outcome = Outcome()
        var policies: [Int: EscalationPolicy] = [:]
        for c in cases {
            outcome.checked += 1
            guard let dueDay = due(c), let id = c.id else { continue }
            let districtID = district(c)
            let policy: EscalationPolicy
            if let known = policies[districtID] {
                policy = known
            } else {
                policy = try await DistrictSettings.forDistrict(districtID, on: db).escalationPolicy
                policies[districtID] = policy
            }
            let taken = try await stepsTaken(target, id: id, on: db)
            for step in policy.stepsDue(due: dueDay, today: today, taken: taken) {
                try await takeStep(step, on: item(c), overdue: today.ordinal - dueDay.ordinal, db: db)
                mark(c, step)
                outcome.escalated += 1
            }
            try await c.save(on: db)
        }
        return outcome
    }

    /// Claims up to 500 overdue rows of `table` in `states` (past their deadline) in one write transaction and
    /// hands their ids to `body`. On PostgreSQL the rows are locked, and rows another instance holds are skipped.
    static func overdue(
        table: String, states: SQLQueryString, today: Day, on db: any Database,
        _ body: @escaping @Sendable (any Database, [Int]) async throws -> Outcome
    ) async throws -> Outcome {
        guard let sql = db as? any SQLDatabase else { return Outcome() }
        let lock = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { return Outcome() }
            struct Row: Decodable { let id: Int }
            // `table` is a constant of this file, never input.
            let ids = try await sql.raw(
                "SELECT id FROM \(unsafeRaw: table) WHERE state IN (" + states + ") AND deadline < "
                    + "\(bind: today.description) ORDER BY id LIMIT 500" + SQLQueryString(lock)
            ).all(decoding: Row.self).map(\.id)
            return ids.isEmpty ? Outcome() : try await body(db, ids)
        }
    }

    enum Item {
        case notice(RectificationNotice)
        case complaint(Complaint)
    }

    /// The steps already taken on a case: reminders sent (`escalate:`) and measures proposed (`propose:`).
    static func stepsTaken(_ target: CaseEvents.Target, id: Int, on db: any Database) async throws -> Set<
        EscalationStep
    > {
        let actions = try await CaseEvent.query(on: db).filter(\.$target == target.rawValue).filter(\.$targetID == id)
            .all(\.$action)
        return Set(
            actions.compactMap { action in
                for prefix in ["escalate:", "propose:"] where action.hasPrefix(prefix) {
                    return EscalationStep(rawValue: String(action.dropFirst(prefix.count)))
                }
                return nil
            })
    }

    /// One step on an overdue item. A reminder goes to whoever must act: the school and its inspector for a notice;
    /// for a complaint the inspector handling it or the office (`Accountability.responsibleForOverdueComplaint`),
    /// never the school. 约谈 and 通报 are only proposed to the office, which decides (问责办法); the office's own
    /// delay on a complaint proposes nothing against anyone.
    static func takeStep(_ step: EscalationStep, on item: Item, overdue: Int, db: any Database) async throws {
        let target: CaseEvents.Target
        let id: Int
        let districtID: Int
        let orgPath: String
        let title: String
        let link: String
        let remind: [Int]
        let accountable: AccountabilityTarget?
        switch item {
        case .notice(let n):
            (target, id, districtID, orgPath, link) = (
                .notice, n.id!, n.districtID, n.orgPath, SiteURL.notice(n.id!).path
            )
            title = "整改通知书 \(n.number) 逾期\(overdue)天未报送整改报告"
            remind = try await Notifier.inspectorUsers(n.inspectorID, on: db) + Notifier.schoolUsers(n.schoolID, on: db)
            accountable = .unit
        case .complaint(let c):
            (target, id, districtID, orgPath) = (.complaint, c.id!, c.districtID, c.orgPath)
            link = SiteURL.complaint(c.id!).path
            title = "投诉 \(c.trackingCode) \(c.state.label)环节超过期限\(overdue)天"
            switch Accountability.responsibleForOverdueComplaint(state: c.state) {
            case .inspector:
                remind = try await Notifier.inspectorUsers(c.inspectorID, on: db)
                accountable = c.inspectorID == nil ? nil : .person
            case .office, .school:
                remind = []
                accountable = nil
            }
        }
        let district = try await OrgUnit.find(districtID, on: db)
        let office = try await Notifier.officeUsers(districtPath: district?.path ?? orgPath, on: db)
        if let accountable, let measure = Accountability.proposedMeasure(for: step, target: accountable) {
            try await CaseEvents.record(
                on: db, target, id: id, action: "propose:" + step.rawValue, actor: nil,
                comment: "逾期\(overdue)天，建议\(measure.label)（待督导室决定）")
            try await Notifier.notify(
                userIDs: office, title: title + "，建议\(measure.label)，请督导室决定", link: link, districtID: districtID,
                on: db)
        } else {
            try await CaseEvents.record(
                on: db, target, id: id, action: "escalate:" + step.rawValue, actor: nil, comment: "逾期\(overdue)天，提醒办理")
            try await Notifier.notify(
                userIDs: office + remind, title: title + "，请尽快办理", link: link, districtID: districtID, on: db)
        }
    }

    /// One round of every timer job; each is counted and timed in `/metrics`, and one that fails does not stop the
    /// others.
    static func tick(_ app: Application) async {
        let now = app.clock.now()
        let today = app.clock.today
        await app.runJob("escalation", now: now) {
            let o = try await run(on: app.db, today: today)
            if o.escalated > 0 { app.logger.info("督办：检查 \(o.checked) 件逾期事项，新增督办 \(o.escalated) 项") }
        }
        await app.runJob("due_soon", now: now) { _ = try await DueSoonJob.run(on: app.db, today: today, now: now) }
        await app.runJob("campaign_reminder", now: now) {
            _ = try await CampaignReminderJob.run(on: app.db, today: today)
        }
        await app.runJob("bulletin_draft", now: now) { _ = try await BulletinDraftJob.run(on: app.db, today: today) }
        await app.runJob("monitoring_reminder", now: now) {
            _ = try await MonitoringReminderJob.run(on: app.db, today: today)
        }
        await app.runJob("webhook", now: now) { _ = try await WebhookJob.run(app, now: now) }
        await app.runJob("session_sweep", now: now) {
            try await Sessions.sweep(now: now, idleMinutes: app.config.sessionIdleMinutes, on: app.db)
            try await JobRuns.sweep(now: now, on: app.db)
        }
    }

    /// Runs every few minutes in the process (off in tests; they call `run` directly).
    static func schedule(_ app: Application) {
        guard app.config.runJobs else { return }
        let timer = JobTimer()
        app.storage[JobTimerKey.self] = timer
        let loop = app.eventLoopGroup.next()
        let repeated = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(10), delay: .minutes(2)) { _ in
            let round = Task { await tick(app) }
            timer.current.withLockedValue { $0 = round }
            return loop.makeFutureWithTask { await round.value }
        }
        timer.repeated.withLockedValue { $0 = repeated }
    }
}

/// The timer's handle, for a clean stop: no new round, and the round already running finishes.
final class JobTimer: Sendable {
    let repeated = NIOLockedValueBox<RepeatedTask?>(nil)
    let current = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func stop() async {
        repeated.withLockedValue { $0?.cancel() }
        await current.withLockedValue { $0 }?.value
    }
}

struct JobTimerKey: StorageKey { typealias Value = JobTimer }

extension Application {
    var jobTimer: JobTimer? { storage[JobTimerKey.self] }
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
            WHERE n.state IN (\(states: NoticeState.withSchool))
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
