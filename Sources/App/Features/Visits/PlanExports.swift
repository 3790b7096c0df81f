import DudaoCore
import Fluent
import Vapor

/// 督导方案, 学期片区督导工作计划 and 工作总结与督导案例 as files: every one the account may read (the pages show the
/// latest 100 or 200), with their full text, newest first, streamed.
enum PlanExports {
    static func visitPlans(req: Request) async throws -> Response {
        let access = try await Scope.of(req).visitPlanAccess
        let db = req.db
        return Download.stream(
            name: "督导方案", format: ExportFormat(request: req),
            headers: ["计划日期", "学校", "督导重点", "督导任务", "督导方式"]
        ) { before in
            var query = access.readable(VisitPlan.query(on: db))
            if let before { query = query.filter(\.$id < before) }
            let plans = try await query.sort(\.$id, .descending).limit(Download.pageSize).all()
            let schools = try await DirectoryQueries.schoolNames(of: plans.map(\.schoolID), on: db)
            let rows = plans.map { [$0.plannedDate, schools[$0.schoolID] ?? "", $0.focus, $0.tasks, $0.methods] }
            return ExportPage(rows: rows, lastKey: plans.last?.id, limit: Download.pageSize)
        }
    }

    static func areaPlans(req: Request) async throws -> Response {
        let access = try await Scope.of(req).areaPlanAccess
        let db = req.db
        return Download.stream(
            name: "学期片区督导工作计划", format: ExportFormat(request: req),
            headers: ["学期", "督学", "状态", "提交时间", "工作目标", "督导重点", "工作安排", "督导室意见"]
        ) { before in
            var query = access.readable(AreaPlan.query(on: db))
            if let before { query = query.filter(\.$id < before) }
            let plans = try await query.sort(\.$id, .descending).limit(Download.pageSize).all()
            let names = try await DirectoryQueries.inspectorNames(of: plans.map(\.inspectorID), on: db)
            let rows = plans.map { p in
                [
                    Semester(code: p.semester)?.label ?? p.semester, names[p.inspectorID] ?? "", p.status.label,
                    Format.date(p.submittedAt), p.goals, p.focus, p.schedule, p.officeComment,
                ]
            }
            return ExportPage(rows: rows, lastKey: plans.last?.id, limit: Download.pageSize)
        }
    }

    /// Summaries and cases, of one kind when the list shows one.
    static func reports(req: Request) async throws -> Response {
        let access = try await Scope.of(req).reportAccess
        let kind = req.query[String.self, at: "kind"].flatMap(ReportKind.init(rawValue:))
        let db = req.db
        return Download.stream(
            name: kind?.label ?? "工作总结与督导案例", format: ExportFormat(request: req),
            headers: ["学期", "类型", "标题", "督学", "入选", "提交时间", "正文"]
        ) { before in
            var query = access.readable(WorkReport.query(on: db))
            if let kind { query = query.filter(\.$kind == kind) }
            if let before { query = query.filter(\.$id < before) }
            let reports = try await query.sort(\.$id, .descending).limit(Download.pageSize).all()
            let names = try await DirectoryQueries.inspectorNames(of: reports.map(\.inspectorID), on: db)
            let rows = reports.map { r in
                [
                    Semester(code: r.semester)?.label ?? r.semester, r.kind.label, r.title, names[r.inspectorID] ?? "",
                    r.selected ? "是" : "", Format.date(r.createdAt), r.body,
                ]
            }
            return ExportPage(rows: rows, lastKey: reports.last?.id, limit: Download.pageSize)
        }
    }
}
