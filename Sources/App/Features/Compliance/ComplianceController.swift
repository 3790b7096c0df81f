import DudaoCore
import Fluent
import Plot
import SQLKit
import Spreadsheet
import Vapor

/// The office's view of the 六个一: inspectors × months, schools not visited this month, drill-down.
enum ComplianceController {
    static func matrix(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let semester = ComplianceService.semester(req)
        let paging = Paging(page: try req.query.page(), per: 30)
        let district = try await scope.district(on: req.db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db).complianceSettings
        let base = Inspector.query(on: req.db).inSubtree(\.$orgPath, scope.principal.orgPath).filter(\.$status == .active)
        let total = try await base.copy().count()
        let inspectors = try await base.sort(\.$name).sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        let today = req.today
        let result = try await ComplianceService.evaluate(inspectorIDs: inspectors.compactMap(\.id), semester: semester, today: today,
            settings: settings, on: req.db)
        let unvisited = try await unvisitedThisMonth(scope: scope, today: today, on: req.db)
        return ComplianceMatrixPage(ctx: req.pageContext(), semester: semester, inspectors: inspectors, result: result, paging: paging,
            total: total, unvisited: unvisited, today: today).render()
    }

    struct UnvisitedRow: Decodable {
        let id: Int
        let name: String
        let inspector: String?
    }

    /// Open, covered schools in scope with no submitted visit this month (one anti-join, first 100).
    static func unvisitedThisMonth(scope: Scope, today: Day, on db: any Database) async throws -> (rows: [UnvisitedRow], total: Int) {
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        let month = YearMonth(today)
        let body: SQLQueryString = """
            FROM schools s JOIN assignments a ON a.school_id = s.id AND a.end_date IS NULL
            JOIN inspectors i ON i.id = a.inspector_id
            WHERE \(Subtree.sql("s.org_path", scope.principal.orgPath)) AND s.status = 'open'
              AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.school_id = s.id AND v.status = 'submitted'
                AND v.visit_date >= \(bind: month.firstDay.description) AND v.visit_date <= \(bind: month.lastDay.description))
            """
        struct N: Decodable { let n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n " + body).first(decoding: N.self)?.n ?? 0
        let rows = try await sql.raw("SELECT s.id, s.name, i.name AS inspector " + body + " ORDER BY i.name, s.name LIMIT 100")
            .all(decoding: UnvisitedRow.self)
        return (rows, total)
    }

    /// An inspector's own 六个一 detail.
    static func mine(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        return try await detail(req, scope: scope, inspector: try await scope.inspectorAccess.load(scope.principal.inspectorID, on: req.db))
    }

    static func inspector(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        return try await detail(req, scope: scope, inspector: try await scope.inspectorAccess.load(try req.parameters.id(), on: req.db))
    }

    static func detail(_ req: Request, scope: Scope, inspector: Inspector) async throws -> Page {
        let semester = ComplianceService.semester(req)
        let settings = try await DistrictSettings.forDistrict(inspector.districtID, on: req.db).complianceSettings
        let today = req.today
        let result = try await ComplianceService.evaluate(inspectorIDs: [inspector.id!], semester: semester, today: today,
            settings: settings, on: req.db)
        let schoolIDs = Set(result.monthStates.keys.map(\.schoolID))
        let schools = try await School.query(on: req.db).filter(\.$id ~~ schoolIDs).sort(\.$name).all()
        return InspectorCompliancePage(ctx: req.pageContext(), inspector: inspector, semester: semester, result: result,
            schools: schools, today: today).render()
    }

    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let semester = ComplianceService.semester(req)
        let district = try await scope.district(on: req.db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db).complianceSettings
        var rows = [["督学"] + semester.months.map(\.label) + ComplianceRule.allCases.map { "\($0.number). \($0.label)" } + ["不足项合计"]]
        var offset = 0
        let today = req.today
        while true {
            let page = try await Inspector.query(on: req.db).inSubtree(\.$orgPath, scope.principal.orgPath).filter(\.$status == .active)
                .sort(\.$id).range(offset..<(offset + 200)).all()
            let result = try await ComplianceService.evaluate(inspectorIDs: page.compactMap(\.id), semester: semester, today: today,
                settings: settings, on: req.db)
            for i in page {
                let states = result.ruleStates(inspectorID: i.id!)
                rows.append([i.name] + semester.months.map { m in ComplianceMatrixPage.cellText(result, inspectorID: i.id!, month: m) }
                    + ComplianceRule.allCases.map { states[$0].map(ComplianceMatrixPage.stateText) ?? "—" }
                    + [String(result.shortfalls(inspectorID: i.id!).count)])
            }
            if page.count < 200 { break }
            offset += 200
        }
        return try ExportController.xlsxResponse(SpreadsheetTable(rows: rows), fileName: "六个一落实情况-\(semester.label).xlsx", sheet: "六个一")
    }
}

struct ComplianceMatrixPage {
    let ctx: PageContext
    let semester: Semester
    let inspectors: [Inspector]
    let result: ComplianceResult
    let paging: Paging
    let total: Int
    let unvisited: (rows: [ComplianceController.UnvisitedRow], total: Int)
    let today: Day

    /// "3/4": schools visited of those that required a visit that month.
    static func cellText(_ r: ComplianceResult, inspectorID: Int, month: YearMonth) -> String {
        let states = r.monthStates.filter { $0.key.inspectorID == inspectorID && $0.key.month == month }.map(\.value)
        let required = states.filter { $0 != .notRequired && $0 != .upcoming }.count
        if required == 0 { return states.contains(.upcoming) ? "" : "—" }
        return "\(states.filter { $0 == .visited }.count)/\(required)"
    }

    static func tone(_ r: ComplianceResult, inspectorID: Int, month: YearMonth) -> String {
        let states = r.monthStates.filter { $0.key.inspectorID == inspectorID && $0.key.month == month }.map(\.value)
        if states.contains(.overdue) { return "bad" }
        if states.contains(.due) { return "due" }
        if states.contains(.visited) { return "ok" }
        return ""
    }

    static func stateText(_ s: RuleState) -> String {
        switch s {
        case .met: "达标"
        case .pending: "待完成"
        case .short(let n): "不足\(n)项"
        }
    }

    func render() -> Page {
        let months = semester.months
        return Layout.page(
            "六个一落实情况", ctx, wide: true,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("责任督学“六个一”落实情况 · \(semester.label)")]),
                .el("div", [("class", "actions")], [
                    .button(SiteURL.compliance.with([("semester", semester.previous.code)]), "上一学期", style: "secondary"),
                    .button(SiteURL.compliance.with([("semester", semester.next.code)]), "下一学期", style: "secondary"),
                    .button(SiteURL.complianceExport.with([("semester", semester.code)]), "导出 Excel", style: "secondary"),
                ]),
            ]),
            .el("p", [("class", "hint")], [.text("每格为“已督导学校/应督导学校”；红色为逾期未督导，黄色为本月尚待督导。点击督学查看明细。")]),
            .el("div", [("class", "table-wrap")], [
                .el("table", [("class", "matrix")], [
                    .el("thead", [], [.el("tr", [], [.el("th", [], [.text("督学")])] + months.map { .el("th", [], [.text($0.shortLabel)]) }
                        + ComplianceRule.allCases.map { .el("th", [("title", $0.requirement)], [.text("\($0.number). \($0.label)")]) })]),
                    .el("tbody", [], inspectors.map { i in
                        let states = result.ruleStates(inspectorID: i.id!)
                        return .el("tr", [], [.el("th", [("scope", "row")], [.link(SiteURL.complianceInspector(i.id!).with([("semester", semester.code)]), i.name)])]
                            + months.map { m in
                                .el("td", [("class", "cell " + Self.tone(result, inspectorID: i.id!, month: m))], [.text(Self.cellText(result, inspectorID: i.id!, month: m))])
                            }
                            + ComplianceRule.allCases.map { rule in
                                let s = states[rule] ?? .met
                                let tone: String = { if case .short = s { return "bad" }; return s == .pending ? "due" : "ok" }()
                                return .el("td", [("class", "cell " + tone)], [.text(Self.stateText(s))])
                            })
                    }),
                ]),
            ]),
            .pager(paging, total: total, link: { SiteURL.compliance.with([("semester", semester.code), ("page", String($0))]) }),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("本月（\(YearMonth(today).label)）尚未督导的学校：\(unvisited.total) 所")]),
                .dataTable(["学校", "责任督学"], unvisited.rows.map { r in
                    [.link(SiteURL.school(r.id).path, r.name), .text(r.inspector ?? "")]
                }, empty: "本月所有挂牌学校均已督导。"),
                unvisited.total > unvisited.rows.count ? .el("p", [("class", "hint")], [.text("仅列出前 \(unvisited.rows.count) 所。")]) : .empty,
            ])
        )
    }
}

struct InspectorCompliancePage {
    let ctx: PageContext
    let inspector: Inspector
    let semester: Semester
    let result: ComplianceResult
    let schools: [School]
    let today: Day

    func render() -> Page {
        let months = semester.months
        let shortfalls = result.shortfalls(inspectorID: inspector.id!)
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.name) })
        return Layout.page(
            "六个一明细", ctx, wide: true,
            .el("h1", [], [.text("\(inspector.name) · \(semester.label)“六个一”明细")]),
            .ruleStates(result.ruleStates(inspectorID: inspector.id!)),
            .visitCalendar(result: result, inspectorID: inspector.id!, schools: schools, months: months),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("不足项（\(shortfalls.count)）")]),
                .dataTable(["要求", "学校", "月份", "说明", ""], shortfalls.map { s in
                    [.text("\(s.rule.number). \(s.rule.label)"), .text(s.schoolID.flatMap { nameOf[$0] } ?? ""), .text(s.month?.label ?? ""),
                     .text(s.message), s.visitID.map { .link(SiteURL.visit($0).path, "查看记录") } ?? .empty]
                }, empty: "没有不足项。"),
            ]),
            .el("p", [], [.link(SiteURL.visits.with([("inspector", String(inspector.id!))]), "查看该督学的全部督导记录")])
        )
    }
}

extension Node where Context: HTML.BodyContext {
    /// The six rules with their state, as a row of badges.
    static func ruleStates(_ states: [ComplianceRule: RuleState]) -> Node {
        .el("ul", [("class", "rules")], ComplianceRule.allCases.map { rule in
            let s = states[rule] ?? .met
            let tone: String = { if case .short = s { return "bad" }; return s == .pending ? "due" : "ok" }()
            return .el("li", [("class", "rule " + tone), ("title", rule.requirement)], [
                .el("span", [("class", "rule-no")], [.text(String(rule.number))]),
                .el("span", [], [.text(rule.label)]),
                .el("strong", [], [.text(ComplianceMatrixPage.stateText(s))]),
            ])
        })
    }

    /// Schools × months with the visit state of each.
    static func visitCalendar(result: ComplianceResult, inspectorID: Int, schools: [School], months: [YearMonth]) -> Node {
        .el("section", [("class", "card")], [
            .el("h2", [], [.text("到校督导日历")]),
            .el("p", [("class", "hint")], [.text("✓ 已督导；逾期 = 该月未到校；待督导 = 本月尚未到校；无需 = 假期或挂牌不足半月。")]),
            .el("div", [("class", "table-wrap")], [
                .el("table", [("class", "matrix calendar")], [
                    .el("thead", [], [.el("tr", [], [.el("th", [], [.text("学校")])] + months.map { .el("th", [], [.text($0.shortLabel)]) })]),
                    .el("tbody", [], schools.map { s in
                        .el("tr", [], [.el("th", [("scope", "row")], [.link(SiteURL.school(s.id!).path, s.name)])] + months.map { m in
                            let state = result.monthStates[.init(inspectorID: inspectorID, schoolID: s.id!, month: m)]
                            let tone: String = switch state {
                            case .visited: "ok"
                            case .overdue: "bad"
                            case .due: "due"
                            default: ""
                            }
                            let text: String = switch state {
                            case .visited: "✓"
                            case .overdue: "逾期"
                            case .due: "待督导"
                            case .notRequired: "无需"
                            case .upcoming, .none: ""
                            }
                            return .el("td", [("class", "cell " + tone), ("title", state?.label ?? "")], [.text(text)])
                        })
                    }),
                ]),
            ]),
        ])
    }
}
