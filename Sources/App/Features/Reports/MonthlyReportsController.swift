import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// 督导月报: an inspector writes and submits their own; the office (and leaders, reading) sees every inspector's,
/// and the office receives or returns them.
enum MonthlyReportsController {
    /// The list as a file: the office's month for every inspector of its subtree, or an inspector's own months.
    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let (db, today) = (req.db, req.today)
        let calendar = try await DistrictSettings.forDistrict(try await scope.district(on: db).id!, on: db)
            .workingCalendar
        let format = ExportFormat(request: req)
        let headers = ["督学", "月份", "状态", "报送日期", "截止日期", "逾期天数"]
        @Sendable func cells(_ r: MonthlyReportList.Row) -> [String] {
            [
                r.inspectorName, r.month.label, r.state.label, r.submittedOn ?? "", r.due.description,
                r.daysLate.map(String.init) ?? "",
            ]
        }
        if scope.principal.role == .inspector {
            let me = try await scope.inspectorAccess.load(scope.principal.inspectorID, on: db)
            let model = try await MonthlyReportList.inspector(me, today: today, calendar: calendar, on: db)
            return try Download.table(
                SpreadsheetTable(rows: [headers] + model.rows.map(cells)), name: "我的督导月报", format: format)
        }
        let month = try monthOfQuery(req) ?? MonthlyReportList.defaultMonth(today: today)
        return Download.stream(name: "\(month.label)督导月报", format: format, headers: headers) { page in
            let number = page ?? 1
            let model = try await MonthlyReportList.office(
                scope: scope, month: month, paging: Paging(page: number, per: Paging.maxPer), today: today,
                calendar: calendar, on: db)
            return ExportPage(rows: model.rows.map(cells), page: number, per: Paging.maxPer)
        }
    }

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let calendar = try await DistrictSettings.forDistrict(try await scope.district(on: req.db).id!, on: req.db)
            .workingCalendar
        if scope.principal.role == .inspector {
            let me = try await scope.inspectorAccess.load(scope.principal.inspectorID, on: req.db)
            let model = try await MonthlyReportList.inspector(me, today: req.today, calendar: calendar, on: req.db)
            return MonthlyReportListView(ctx: req.pageContext(), model: model).render()
        }
        let month = try monthOfQuery(req) ?? MonthlyReportList.defaultMonth(today: req.today)
        let model = try await MonthlyReportList.office(
            scope: scope, month: month, paging: Paging(page: try req.query.page(), per: nil), today: req.today,
            calendar: calendar, on: req.db)
        return MonthlyReportListView(ctx: req.pageContext(), model: model).render()
    }

    static func monthOfQuery(_ req: Request) throws -> YearMonth? {
        guard let text = try req.query.boundedText("month", max: 10) else { return nil }
        guard let month = YearMonth(parsing: text) else { throw BadInput(message: "月份应写成 2026-11") }
        return month
    }

    /// The inspector and month of the path, the inspector readable by the account.
    struct Target {
        let scope: Scope
        let inspector: Inspector
        let month: YearMonth
        let report: MonthlyReport?
        let calendar: WorkingCalendar

        var isAuthor: Bool { scope.principal.inspectorID == inspector.id }
        var isOffice: Bool { scope.principal.role == .office }
        var state: MonthlyReportState { report?.state ?? .draft }
    }

    static func target(_ req: Request) async throws -> Target {
        let scope = try await Scope.of(req)
        let inspector = try await scope.inspectorAccess.load(try req.parameters.id(), on: req.db)
        guard let text = req.parameters.get("month"), text.count <= 10, let month = YearMonth(parsing: text),
            month <= YearMonth(req.today)
        else { throw Abort(.notFound, reason: "月份不正确") }
        let calendar = try await DistrictSettings.forDistrict(inspector.districtID, on: req.db).workingCalendar
        return Target(
            scope: scope, inspector: inspector, month: month,
            report: try await MonthlyReport.find(inspector: inspector.id!, month: month, on: req.db),
            calendar: calendar)
    }

    static func page(_ t: Target, today: Day, on db: any Database, remarks: String? = nil, error: String? = nil)
        async throws -> MonthlyReportPage
    {
        let kept = t.report?.figures
        let figures: MonthlyReportFigures
        if let kept {
            figures = kept
        } else {
            figures = try await MonthlyReportFigures.count(inspector: t.inspector.id!, month: t.month, on: db)
        }
        let due = MonthlyReportRules.due(t.month, calendar: t.calendar)
        let submitted = t.report?.submittedOn.flatMap(Day.init(parsing:))
        let writable = t.state == .draft || t.state == .returned
        return MonthlyReportPage(
            inspectorID: t.inspector.id!, inspectorName: t.inspector.name, month: t.month, state: t.state,
            figures: figures, live: kept == nil, remarks: remarks ?? t.report?.remarks ?? "",
            officeComment: t.report?.officeComment ?? "", handledBy: t.report?.handledBy ?? "",
            submittedOn: t.report?.submittedOn, due: due,
            daysLate: MonthlyReportRules.daysLate(due: due, submitted: submitted, today: today),
            mayWrite: t.isAuthor && writable, mayReview: t.isOffice && t.state == .submitted, error: error)
    }

    static func show(req: Request) async throws -> Page {
        let t = try await target(req)
        return MonthlyReportView(ctx: req.pageContext(), model: try await page(t, today: req.today, on: req.db))
            .render()
    }

    /// The author saves or submits; a submission fixes the figures.
    static func write(req: Request) async throws -> Response {
        let t = try await target(req)
        let remarks = ((try? req.content.get(String.self, at: "remarks")) ?? "")
        let action = MonthlyReportRules.Action(rawValue: (try? req.content.get(String.self, at: "action")) ?? "")
        guard let action, action == .save || action == .submit else { throw BadInput(message: "操作不正确") }
        if remarks.count > MonthlyReportRules.maxRemarks {
            return try await refuse(
                req, t, remarks: remarks, "补充说明最多 \(MonthlyReportRules.maxRemarks) 字，现有 \(remarks.count) 字")
        }
        let next = MonthlyReportRules.next(
            t.state, action, isAuthor: t.isAuthor, isOffice: t.isOffice, month: t.month, today: req.today)
        let state: MonthlyReportState
        switch next {
        case .failure(.notYours): throw Abort(.forbidden, reason: MonthlyReportRules.Refusal.notYours.message)
        case .failure(let refusal): return try await refuse(req, t, remarks: remarks, refusal.message)
        case .success(let s): state = s
        }
        let figures =
            action == .submit
            ? try JSONColumn.encode(
                try await MonthlyReportFigures.count(inspector: t.inspector.id!, month: t.month, on: req.db))
            : "{}"
        let today = req.today
        let principal = t.scope.principal
        let inspector = t.inspector
        let month = t.month
        try await req.db.writeTransaction { db in
            let r = try await MonthlyReport.find(inspector: inspector.id!, month: month, on: db) ?? MonthlyReport()
            if r.id != nil, r.state != .draft, r.state != .returned {
                throw Abort(.conflict, reason: "督导月报已报送，未保存")
            }
            r.inspectorID = inspector.id!
            r.districtID = inspector.districtID
            r.orgPath = inspector.orgPath
            r.month = month.description
            r.state = state
            r.figuresJSON = figures
            r.remarks = remarks
            if r.id == nil {
                r.officeComment = ""
                r.handledBy = ""
            }
            if state == .submitted { r.submittedOn = today.description }
            try await r.save(on: db)
            try await Audit.record(
                on: db, actor: principal, action: action == .submit ? "submit" : "update", entity: "monthly_reports",
                id: r.id!, orgPath: inspector.orgPath, summary: "\(action == .submit ? "报送" : "保存")\(month.label)督导月报")
        }
        req.flash(action == .submit ? "已报送督导室" : "已保存")
        return req.redirect(to: SiteURL.monthlyReport(inspector.id!, month: month.description).path)
    }

    /// The office receives a submitted report or returns it with a comment.
    static func review(req: Request) async throws -> Response {
        let t = try await target(req)
        let comment = String(
            ((try? req.content.get(String.self, at: "comment")) ?? "").prefix(MonthlyReportRules.maxComment))
        let action = MonthlyReportRules.Action(rawValue: (try? req.content.get(String.self, at: "action")) ?? "")
        guard let action, action == .receive || action == .giveBack, let report = t.report else {
            throw BadInput(message: "操作不正确")
        }
        switch MonthlyReportRules.next(
            t.state, action, isAuthor: t.isAuthor, isOffice: t.isOffice, month: t.month, today: req.today,
            comment: comment)
        {
        case .failure(.officeOnly): throw Abort(.forbidden, reason: MonthlyReportRules.Refusal.officeOnly.message)
        case .failure(let refusal): return try await refuse(req, t, remarks: nil, refusal.message)
        case .success(let state):
            let principal = t.scope.principal
            try await req.db.writeTransaction { db in
                report.state = state
                report.officeComment = comment
                report.handledBy = principal.displayName
                if state == .returned { report.figuresJSON = "{}" }
                try await report.save(on: db)
                try await Audit.record(
                    on: db, actor: principal, action: action.rawValue, entity: "monthly_reports", id: report.id!,
                    orgPath: report.orgPath,
                    summary: "\(state == .received ? "接收" : "退回")\(t.inspector.name)\(t.month.label)督导月报")
            }
            req.flash(state == .received ? "已接收" : "已退回，督学修改后重新报送")
            return req.redirect(to: SiteURL.monthlyReport(t.inspector.id!, month: t.month.description).path)
        }
    }

    static func refuse(_ req: Request, _ t: Target, remarks: String?, _ message: String) async throws -> Response {
        let model = try await page(t, today: req.today, on: req.db, remarks: remarks, error: message)
        return try await MonthlyReportView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
    }
}
