import DudaoCore
import Fluent
import Plot
import SQLKit
import Spreadsheet
import Vapor

/// 问题台账: every problem found on visits, filtered and exported, scoped like the visits.
enum ProblemsController {
    struct Query: Content {
        var q: String?
        var category: String?
        var severity: String?
        var disposition: String?
        var state: String?
        @RecordID var school: Int?
        @PageNumber var page: Int?
    }

    struct Row: Decodable {
        let id: Int
        let visit_id: Int?
        let complaint_id: Int?
        let school_id: Int
        let school: String
        let inspector: String
        let category: String
        let severity: String
        let disposition: String
        let state: String
        let description: String
        let created_at: Date?
        let notice_id: Int?
    }

    /// The scoped, filtered WHERE clause, shared by the page and the export.
    static func whereClause(_ query: Query, scope: Scope) -> SQLQueryString {
        // Problems of drafts are not in the register until the visit is submitted.
        var w: SQLQueryString = "WHERE " + scope.problemAccess.registerWhere()
        if let c = query.category, !c.isEmpty { w = w + " AND p.category = \(bind: c)" }
        if let s = query.severity.flatMap(ProblemSeverity.init(rawValue:)) { w = w + " AND p.severity = \(bind: s.rawValue)" }
        if let d = query.disposition.flatMap(ProblemDisposition.init(rawValue:)) { w = w + " AND p.disposition = \(bind: d.rawValue)" }
        switch query.state {
        case "all": break
        case "closed": w = w + " AND p.state = 'closed'"
        default: w = w + " AND p.state = 'open'"
        }
        if let s = query.school { w = w + " AND p.school_id = \(bind: s)" }
        if let text = query.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            w = w + " AND (s.name LIKE \(bind: "%" + text + "%") OR p.description LIKE \(bind: "%" + text + "%"))"
        }
        return w
    }

    static let from: SQLQueryString = """
        FROM problems p LEFT JOIN visits v ON v.id = p.visit_id JOIN schools s ON s.id = p.school_id
        JOIN inspectors i ON i.id = p.inspector_id
        """

    static func rows(_ query: Query, scope: Scope, limit: Int, offset: Int, on db: any Database) async throws -> [Row] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.raw("""
            SELECT p.id, p.visit_id, p.complaint_id, p.school_id, s.name AS school, i.name AS inspector, p.category, p.severity, p.disposition,
              p.state, p.description, p.created_at, p.notice_id
            """ + " " + from + " " + whereClause(query, scope: scope)
            + " ORDER BY p.id DESC LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))").all(decoding: Row.self)
    }

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let query = try req.query.decode(Query.self)
        let paging = Paging(page: query.page, per: 50)
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        struct N: Decodable { let n: Int }
        // The count joins only what its filters need: the school name only when searching.
        let searching = !(query.q ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let countFrom: SQLQueryString = searching
            ? "FROM problems p LEFT JOIN visits v ON v.id = p.visit_id JOIN schools s ON s.id = p.school_id"
            : "FROM problems p LEFT JOIN visits v ON v.id = p.visit_id"
        let total = try await sql.raw("SELECT COUNT(*) AS n " + countFrom + " " + whereClause(query, scope: scope)).first(decoding: N.self)?.n ?? 0
        let rows = try await rows(query, scope: scope, limit: paging.per, offset: paging.offset, on: req.db)
        let district = try await scope.district(on: req.db)
        let categories = try await DistrictSettings.forDistrict(district.id!, on: req.db).categories
        return ProblemListPage(ctx: req.pageContext(), query: query, paging: paging, total: total, rows: rows, categories: categories).render()
    }

    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let query = try req.query.decode(Query.self)
        var table = [["编号", "学校", "责任督学", "类别", "严重程度", "处理方式", "状态", "问题描述", "发现日期", "整改通知书"]]
        var offset = 0
        while true {
            let rows = try await rows(query, scope: scope, limit: 1000, offset: offset, on: req.db)
            for r in rows {
                table.append([
                    String(r.id), r.school, r.inspector, r.category, ProblemSeverity(rawValue: r.severity)?.label ?? r.severity,
                    ProblemDisposition(rawValue: r.disposition)?.label ?? r.disposition, ProblemState(rawValue: r.state)?.label ?? r.state,
                    r.description, Format.date(r.created_at), r.notice_id.map { "#\($0)" } ?? "",
                ])
            }
            if rows.count < 1000 { break }
            offset += 1000
        }
        return try ExportController.xlsxResponse(SpreadsheetTable(rows: table), fileName: "问题台账.xlsx", sheet: "问题台账")
    }
}

struct ProblemListPage {
    let ctx: PageContext
    let query: ProblemsController.Query
    let paging: Paging
    let total: Int
    let rows: [ProblemsController.Row]
    let categories: [String]

    var filterQuery: [(String, String)] {
        [("q", query.q ?? ""), ("category", query.category ?? ""), ("severity", query.severity ?? ""),
         ("disposition", query.disposition ?? ""), ("state", query.state ?? ""), ("school", query.school.map(String.init) ?? "")]
    }

    func render() -> Page {
        Layout.page(
            "问题台账", ctx, wide: true,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("问题台账")]),
                .el("div", [("class", "actions")], [
                    .button(SiteURL.problemsExport.with(filterQuery), "导出 Excel", style: "secondary"),
                ]),
            ]),
            .el("form", [("method", "get"), ("action", SiteURL.problems.path), ("class", "filters"), ("role", "search")], [
                .field("搜索", name: "q", value: query.q ?? "", attrs: [("type", "search"), ("placeholder", "学校名称或问题内容")]),
                .selectField("类别", name: "category", options: categories.map { ($0, $0) }, selected: query.category ?? "", blank: "全部类别"),
                .selectField("严重程度", name: "severity", options: ProblemSeverity.allCases.map { ($0.rawValue, $0.label) }, selected: query.severity ?? "", blank: "全部"),
                .selectField("处理方式", name: "disposition", options: ProblemDisposition.allCases.map { ($0.rawValue, $0.label) }, selected: query.disposition ?? "", blank: "全部"),
                .selectField("状态", name: "state", options: [("open", "待处理"), ("closed", "已销号"), ("all", "全部")], selected: query.state ?? "open", blank: nil),
                .el("div", [("class", "field submit")], [.el("button", [("type", "submit"), ("class", "btn primary")], [.text("筛选")])]),
            ]),
            .dataTable(["学校", "类别", "问题", "程度", "处理方式", "状态", "责任督学", "发现时间"], rows.map { r in
                [
                    .link(SiteURL.school(r.school_id).path, r.school), .badge(r.category),
                    .link(SiteURL.problem(r.id).path, String(r.description.prefix(60))),
                    .text(ProblemSeverity(rawValue: r.severity)?.label ?? r.severity),
                    .text(ProblemDisposition(rawValue: r.disposition)?.label ?? r.disposition),
                    r.notice_id.map { .link(SiteURL.notice($0).path, r.state == "open" ? "整改中" : "已销号") }
                        ?? (r.state == "open" ? .badge("待处理", "warn") : .badge("已销号", "ok")),
                    .text(r.inspector), .text(Format.date(r.created_at)),
                ]
            }, empty: "没有符合条件的问题"),
            .pager(paging, total: total, link: { SiteURL.problems.with(filterQuery + [("page", String($0))]) })
        )
    }
}
