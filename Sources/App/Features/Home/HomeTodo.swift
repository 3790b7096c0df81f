import DudaoCore
import Fluent
import Foundation
import SQLKit

/// What each role must do, as its home lists it. Every list goes through the account's access type, shows
/// its first `shown` items and counts the rest in the database.
enum HomeTodo {
    static let shown = 6

    /// The responsible inspector: schools to visit this month, this week's 督导方案, drafts, notices to
    /// review, complaints assigned, and their own 六个一 shortfalls.
    static func inspector(
        scope: Scope, result: ComplianceResult, schoolNames: [Int: String], today: Day, on db: any Database
    ) async throws -> [TodoGroup] {
        let me = scope.principal.inspectorID ?? -1
        let month = YearMonth(today)
        let due = result.monthStates.filter {
            $0.key.inspectorID == me && $0.key.month == month && [.due, .overdue].contains($0.value)
        }
        .map(\.key.schoolID).sorted { (schoolNames[$0] ?? "") < (schoolNames[$1] ?? "") }
        let toVisit = due.prefix(shown).map {
            TodoItem(
                title: schoolNames[$0] ?? "学校", detail: "本月尚未督导",
                link: SiteURL.visitNew.with([("school", String($0))]), due: month.lastDay)
        }
        let week = today.adding(days: 6).description
        let plans = try await firstAndCount(
            scope.visitPlanAccess.readable(VisitPlan.query(on: db)).filter(\.$inspectorID == me)
                .filter(\.$plannedDate >= today.description).filter(\.$plannedDate <= week)
                .filter(.sql(embed: unusedPlan)).sort(\.$plannedDate), as: PlanLine.self)
        let drafts = try await firstAndCount(
            Visit.query(on: db).filter(\.$inspectorID == me)
                .filter(\.$status == .draft).sort(\.$visitDate, .descending), as: DraftLine.self)
        let reviews = try await firstAndCount(
            scope.noticeAccess.readable(RectificationNotice.query(on: db)).filter(\.$inspectorID == me)
                .filter(\.$state == .reported).sort(\.$id), as: NoticeLine.self)
        let complaints = try await firstAndCount(
            scope.complaintAccess.readable(Complaint.query(on: db)).filter(\.$state !~ [.closed, .rejected])
                .sort(\.$deadline).sort(\.$id), as: ComplaintLine.self)
        let names = try await namesOf(
            schools: plans.rows.map(\.schoolId) + drafts.rows.map(\.schoolId) + reviews.rows.map(\.schoolId),
            known: schoolNames, on: db)
        let shortfalls = result.shortfalls(inspectorID: me)
        return [
            TodoGroup(
                title: "本月待督导学校", total: due.count, items: Array(toVisit), more: SiteURL.complianceInspectorSelf.path),
            TodoGroup(
                title: "近七天的督导方案", total: plans.total,
                items: plans.rows.map {
                    TodoItem(
                        title: names[$0.schoolId] ?? "学校",
                        detail: Day(parsing: $0.plannedDate).map { Todo.dayText($0, today: today) } ?? $0.plannedDate,
                        link: SiteURL.visitPlan($0.id).path)
                }, more: SiteURL.visitPlans.path),
            TodoGroup(
                title: "未提交的督导记录", total: drafts.total,
                items: drafts.rows.map {
                    TodoItem(
                        title: names[$0.schoolId] ?? "学校", detail: "草稿 · \(Format.day($0.visitDate))",
                        link: SiteURL.visit($0.id).path)
                }, more: SiteURL.visits.with([("status", "draft")])),
            TodoGroup(
                title: "待复查的整改", total: reviews.total,
                items: reviews.rows.map {
                    notice($0, names, "学校已报送整改情况", dated: false)
                },
                more: SiteURL.notices.with([("state", "reported")])),
            TodoGroup(
                title: "交办的举报投诉", total: complaints.total, items: complaints.rows.map(complaint),
                more: SiteURL.complaints.path),
            TodoGroup(
                title: "“六个一”不足项", total: shortfalls.count,
                items: shortfalls.prefix(shown).map {
                    TodoItem(title: $0.message, link: SiteURL.complianceInspectorSelf.path)
                }, more: SiteURL.complianceInspectorSelf.path),
        ]
    }

    /// A school: notices to sign for, to rectify, reports returned, and unread messages.
    static func school(scope: Scope, schoolName: String, on db: any Database) async throws -> [TodoGroup] {
        let notices = try await scope.noticeAccess.readable(RectificationNotice.query(on: db))
            .filter(\.$state ~~ [.issued, .acknowledged, .returned]).sort(\.$deadline).sort(\.$id)
            .firstRows(shown, per: "state", as: NoticeState.self, NoticeLine.self, columns: NoticeLine.columns)
        let none: (rows: [NoticeLine], total: Int) = ([], 0)
        let (toSign, toRectify, returned) = (
            notices[.issued] ?? none, notices[.acknowledged] ?? none, notices[.returned] ?? none
        )
        let names = [scope.principal.schoolID ?? -1: schoolName]
        let messages = try await firstAndCount(
            scope.notificationAccess.readable(AppNotification.query(on: db)).filter(\.$read == false).sort(
                \.$id, .descending), as: MessageLine.self)
        return [
            TodoGroup(
                title: "待签收的整改通知书", total: toSign.total, items: toSign.rows.map { notice($0, names, "请签收") },
                more: SiteURL.notices.with([("state", "issued")])),
            TodoGroup(
                title: "待整改", total: toRectify.total, items: toRectify.rows.map { notice($0, names, "整改后报送整改情况") },
                more: SiteURL.notices.with([("state", "acknowledged")])),
            TodoGroup(
                title: "被退回的整改报告", total: returned.total,
                items: returned.rows.map { notice($0, names, "按督学意见补充后重新报送") },
                more: SiteURL.notices.with([("state", "returned")])),
            TodoGroup(
                title: "未读消息", total: messages.total,
                items: messages.rows.map {
                    TodoItem(title: $0.title, link: $0.link.isEmpty ? SiteURL.notifications.path : $0.link)
                },
                more: SiteURL.notifications.path),
        ]
    }

    /// The office (a leader reads the same, seeing only what it may): approvals, deadlines near or past,
    /// severe problems of the week, inspectors behind on this month's visits (counted with the office's figures, see
    /// `OfficeHome.figures`), plans to file.
    static func office(
        scope: Scope, settings: ComplianceSettings, today: Day, behind counted: ([Behind], Int), on db: any Database
    ) async throws -> [TodoGroup] {
        let soon = today.adding(days: 3).description
        let approvals = try await countThenFirst(
            scope.noticeAccess.readable(RectificationNotice.query(on: db)).filter(\.$state == .pendingApproval).sort(
                \.$id), as: NoticeLine.self)
        let lateNotices = try await countThenFirst(
            scope.noticeAccess.readable(RectificationNotice.query(on: db)).filter(
                \.$state ~~ NoticeState.withSchool
            )
            .filter(\.$deadline <= soon).sort(\.$deadline).sort(\.$id), as: NoticeLine.self)
        let intake = try await countThenFirst(
            scope.complaintAccess.readable(Complaint.query(on: db)).filter(\.$state == .received).sort(\.$deadline)
                .sort(\.$id), as: ComplaintLine.self)
        let lateComplaints = try await countThenFirst(
            scope.complaintAccess.readable(Complaint.query(on: db)).filter(
                \.$state ~~ [.accepted, .verifying, .handling, .replied]
            )
            .filter(\.$deadline <= soon).sort(\.$deadline).sort(\.$id), as: ComplaintLine.self)
        let severe = try await countThenFirst(severeOfWeek(scope: scope, today: today, on: db), as: ProblemLine.self)
        let plans = try await countThenFirst(
            scope.areaPlanAccess.readable(AreaPlan.query(on: db)).filter(\.$status == .submitted).sort(\.$id),
            as: AreaPlanLine.self)
        let behind = settings.vacationMonths.contains(today.month) ? ([], 0) : counted
        let names = try await namesOf(
            schools: approvals.rows.map(\.schoolId) + lateNotices.rows.map(\.schoolId) + severe.rows.map(\.schoolId),
            known: [:], on: db)
        let plannerName = try await DirectoryQueries.inspectorNames(of: plans.rows.map(\.inspectorId), on: db)
        return [
            TodoGroup(
                title: "待审批的整改通知书", total: approvals.total, items: approvals.rows.map { notice($0, names, "督学提交审批") },
                more: SiteURL.notices.with([("state", "pendingApproval")])),
            TodoGroup(
                title: "待受理的投诉", total: intake.total, items: intake.rows.map(complaint),
                more: SiteURL.complaints.with([("state", "received")])),
            TodoGroup(
                title: "逾期或三天内到期的整改", total: lateNotices.total,
                items: lateNotices.rows.map { notice($0, names, $0.state.label) },
                more: SiteURL.notices.with([("state", "overdue")])),
            TodoGroup(
                title: "临近或超过时限的投诉", total: lateComplaints.total, items: lateComplaints.rows.map(complaint),
                more: SiteURL.complaints.path),
            TodoGroup(
                title: "近七天发现的严重问题", total: severe.total,
                items: severe.rows.map {
                    TodoItem(
                        title: "\(names[$0.schoolId] ?? "学校") · \($0.category)",
                        detail: String($0.description.prefix(30)),
                        link: SiteURL.problem($0.id).path)
                }, more: SiteURL.problems.with([("severity", "urgent")])),
            TodoGroup(
                title: "本月尚有学校未督导的督学", total: behind.1,
                items: behind.0.map {
                    TodoItem(
                        title: $0.name, detail: "\($0.schools)所学校未督导", link: SiteURL.complianceInspector($0.id).path,
                        due: YearMonth(today).lastDay)
                }, more: SiteURL.compliance.path),
            TodoGroup(
                title: "待备案的片区工作计划", total: plans.total,
                items: plans.rows.map {
                    TodoItem(
                        title: plannerName[$0.inspectorId] ?? "督学",
                        detail: Semester(code: $0.semester)?.label ?? $0.semester, link: SiteURL.areaPlan($0.id).path)
                }, more: SiteURL.areaPlans.path),
        ]
    }

    // MARK: - Pieces

    /// Urgent problems of submitted records found in the seven days to `today`. The week is bounded on both sides so
    /// that SQLite reads it from M044's (severity, created_at, …) index, not a whole subtree's urgent problems.
    static func severeOfWeek(scope: Scope, today: Day, on db: any Database) -> QueryBuilder<Problem> {
        ProblemAccess.submitted(scope.problemAccess.readable(Problem.query(on: db))).filter(\.$severity == .urgent)
            .filter(\.$createdAt >= today.adding(days: -6).date()).filter(\.$createdAt < today.adding(days: 1).date())
            .sort(\.$id, .descending)
    }

    /// A 督导方案 no visit has been started from.
    static let unusedPlan: SQLQueryString =
        "\(ident: VisitPlan.schema).id NOT IN (SELECT visit_plan_id FROM visits WHERE visit_plan_id IS NOT NULL)"

    /// A notice as a to-do line; `dated: false` for the inspector's review, which the school's deadline does not bind.
    static func notice(_ n: NoticeLine, _ names: [Int: String], _ detail: String, dated: Bool = true) -> TodoItem {
        TodoItem(
            title: "\(names[n.schoolId] ?? "学校") · \(n.number)", detail: detail, link: SiteURL.notice(n.id).path,
            due: dated ? Day(parsing: n.deadline) : nil)
    }

    static func complaint(_ c: ComplaintLine) -> TodoItem {
        TodoItem(
            title: "\(c.category) · \(String(c.content.prefix(24)))", detail: "\(c.trackingCode) · \(c.state.label)",
            link: SiteURL.complaint(c.id).path, due: c.deadline.flatMap(Day.init(parsing:)))
    }

    struct Behind: Decodable, Sendable {
        let id: Int
        let name: String
        let schools: Int
    }

    /// Inspectors with schools assigned now and not yet visited this month, most behind first.
    static func inspectorsBehind(scope: Scope, today: Day, on db: any Database) async throws -> ([Behind], Int) {
        let month = YearMonth(today)
        // The number of inspectors behind comes with the first rows (a window over the groups): one pass over a
        // province's assignments instead of two.
        struct Row: Decodable {
            let id: Int
            let name: String
            let schools: Int
            let total: Int
        }
        let sql = try db.sql()
        let open = BroadCondition.equals("s.status", "open", narrowed: scope.readsPartOfSchools, on: sql)
        let rows = try await sql.raw(
            """
            SELECT i.id, i.name, COUNT(*) AS schools, COUNT(*) OVER () AS total
            FROM assignments a JOIN inspectors i ON i.id = a.inspector_id JOIN schools s ON s.id = a.school_id
            WHERE a.end_date IS NULL AND \(open) AND i.status = 'active' AND \(Subtree.sql("i.org_path", scope.principal.orgPath))
              AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.school_id = a.school_id AND v.status = 'submitted'
                AND v.visit_date >= \(bind: month.firstDay.description) AND v.visit_date <= \(bind: month.lastDay.description))
            GROUP BY i.id, i.name ORDER BY schools DESC, i.name LIMIT \(unsafeRaw: String(shown))
            """
        ).all(decoding: Row.self)
        return (rows.map { Behind(id: $0.id, name: $0.name, schools: $0.schools) }, rows.first?.total ?? 0)
    }

    static func namesOf(schools ids: [Int], known: [Int: String], on db: any Database) async throws -> [Int: String] {
        let missing = Set(ids).subtracting(known.keys)
        guard !missing.isEmpty else { return known }
        return known.merging(try await DirectoryQueries.schoolNames(of: Array(missing), on: db)) { known, _ in known }
    }

    /// The first `shown` rows of a query, as the columns a line shows, and how many rows it has, in one statement:
    /// for an inspector's or a school's lists, which hold a few rows.
    static func firstAndCount<M: Model, Line: TodoLine>(_ q: QueryBuilder<M>, as _: Line.Type) async throws
        -> (rows: [Line], total: Int)
    {
        try await q.firstRows(shown, Line.self, columns: Line.columns)
    }

    /// The same in two statements, for the office's lists over a district's or a province's records: the count
    /// alone is read from a covering index, where counting beside the columns shown would read every row.
    static func countThenFirst<M: Model, Line: TodoLine>(_ q: QueryBuilder<M>, as _: Line.Type) async throws
        -> (rows: [Line], total: Int)
    {
        let total = try await q.rowCount()
        let rows = total == 0 ? [] : try await q.limit(shown).rows(Line.self, columns: Line.columns)
        return (rows, total)
    }
}
