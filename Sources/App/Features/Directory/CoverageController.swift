import DudaoCore
import Fluent
import Plot
import SQLKit
import Vapor

/// 全覆盖 check: open schools without a current responsible inspector, and inspectors over the limit.
enum CoverageController {
    struct Row: Decodable {
        let id: Int
        let name: String
        let code: String
        let type: String
        let township: String
    }

    static func page(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let query = try req.query.decode(SchoolsController.ListQuery.self)
        let paging = Paging(page: query.page, per: query.per)
        let (rows, total, open) = try await uncovered(scope: scope, paging: paging, on: req.db)
        let district = try await scope.district(on: req.db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        let overloaded = try await overloadedInspectors(scope: scope, limit: settings.maxSchoolsPerInspector, on: req.db)
        return CoveragePage(ctx: req.pageContext(), rows: rows, total: total, open: open, paging: paging,
            overloaded: overloaded, limit: settings.maxSchoolsPerInspector).render()
    }

    /// Open schools in scope with no open assignment; one indexed anti-join, paginated.
    static func uncovered(scope: Scope, paging: Paging, on db: any Database) async throws -> ([Row], Int, Int) {
        guard let sql = db as? any SQLDatabase else { return ([], 0, 0) }
        let whereClause: SQLQueryString = """
            FROM schools s JOIN org_units t ON t.id = s.township_id
            WHERE \(Subtree.sql("s.org_path", scope.principal.orgPath)) AND s.status = 'open'
            AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.school_id = s.id AND a.end_date IS NULL)
            """
        struct Count: Decodable { let n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n " + whereClause).first(decoding: Count.self)?.n ?? 0
        let open = try await School.query(on: db).inSubtree(\.$orgPath, scope.principal.orgPath).filter(\.$status == .open).count()
        let rows = try await sql.raw(
            "SELECT s.id, s.name, s.code, s.type, t.name AS township " + whereClause
                + " ORDER BY t.name, s.name LIMIT \(unsafeRaw: String(paging.per)) OFFSET \(unsafeRaw: String(paging.offset))"
        ).all(decoding: Row.self)
        return (rows, total, open)
    }

    static func overloadedInspectors(scope: Scope, limit: Int, on db: any Database) async throws -> [(Inspector, Int)] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct R: Decodable { let inspector_id: Int; let n: Int }
        let rows = try await sql.raw("""
            SELECT a.inspector_id, COUNT(*) AS n FROM assignments a JOIN inspectors i ON i.id = a.inspector_id
            WHERE a.end_date IS NULL AND \(Subtree.sql("i.org_path", scope.principal.orgPath))
            GROUP BY a.inspector_id HAVING COUNT(*) > \(bind: limit) ORDER BY n DESC LIMIT 100
            """).all(decoding: R.self)
        let inspectors = try await Inspector.query(on: db).filter(\.$id ~~ rows.map(\.inspector_id)).all()
        let byID = Dictionary(uniqueKeysWithValues: inspectors.map { ($0.id!, $0) })
        return rows.compactMap { r in byID[r.inspector_id].map { ($0, r.n) } }
    }
}

struct CoveragePage {
    let ctx: PageContext
    let rows: [CoverageController.Row]
    let total: Int
    let open: Int
    let paging: Paging
    let overloaded: [(Inspector, Int)]
    let limit: Int

    func render() -> Page {
        let covered = open - total
        let rate = open == 0 ? "—" : String(format: "%.1f%%", Double(covered) * 100 / Double(open))
        return Layout.page(
            "挂牌覆盖", ctx,
            .el("h1", [], [.text("责任督学挂牌覆盖情况")]),
            .el("div", [("class", "stats")], [
                .statCard("在办学校", "\(open)"),
                .statCard("已挂牌", "\(covered)", tone: "ok"),
                .statCard("未挂牌", "\(total)", tone: total > 0 ? "warn" : "ok"),
                .statCard("覆盖率", rate),
            ]),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("尚无责任督学的学校")]),
                .dataTable(
                    ["学校", "学校标识码", "类型", "镇街", ""],
                    rows.map { r in
                        [
                            .link(SiteURL.school(r.id).path, r.name), .text(r.code),
                            .text(SchoolType(rawValue: r.type)?.label ?? r.type), .text(r.township),
                            ctx.principal?.mayEditDirectory == true ? .link(SiteURL.schoolAssign(r.id).path, "安排督学") : .empty,
                        ]
                    }, empty: "全部在办学校均已安排责任督学，实现全覆盖。"),
                .pager(paging, total: total, link: { SiteURL.coverage.with([("page", String($0))]) }),
            ]),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("负责学校超过\(limit)所的督学")]),
                .dataTable(["督学", "类型", "负责学校数"], overloaded.map { (i, n) in
                    [.link(SiteURL.inspector(i.id!).path, i.name), .text(i.kind.label), .badge("\(n) 所", "warn")]
                }, empty: "没有超出的督学。"),
            ])
        )
    }
}
