import DudaoCore
import Fluent
import Plot
import SQLKit
import Vapor

/// Each role's home: the office sees directory counts and coverage, an inspector their schools,
/// a school itself.
enum HomeController {
    static func home(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        switch scope.principal.role {
        case .admin, .office, .leader: return try await officeHome(req, scope: scope).encodeResponse(for: req)
        case .inspector: return try await inspectorHome(req, scope: scope).encodeResponse(for: req)
        case .school:
            guard let id = scope.principal.schoolID else { throw Abort(.forbidden, reason: "该账号未关联学校") }
            return req.redirect(to: SiteURL.school(id).path)
        }
    }

    struct TownshipRow: Decodable {
        let id: Int
        let name: String
        let schools: Int
        let uncovered: Int
    }

    static func officeHome(_ req: Request, scope: Scope) async throws -> Page {
        let path = scope.principal.orgPath
        let open = try await School.query(on: req.db).inSubtree(\.$orgPath, path).filter(\.$status == .open).count()
        let inspectors = try await Inspector.query(on: req.db).inSubtree(\.$orgPath, path).filter(\.$status == .active).count()
        let areas = try await ResponsibilityArea.query(on: req.db).inSubtree(\.$orgPath, path).filter(\.$active == true).count()
        var rows: [TownshipRow] = []
        if let sql = req.db as? any SQLDatabase {
            rows = try await sql.raw("""
                SELECT t.id, t.name, COUNT(s.id) AS schools,
                  SUM(CASE WHEN s.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.school_id = s.id AND a.end_date IS NULL) THEN 1 ELSE 0 END) AS uncovered
                FROM org_units t LEFT JOIN schools s ON s.township_id = t.id AND s.status = 'open'
                WHERE t.level = 'township' AND \(Subtree.sql("t.path", path))
                GROUP BY t.id, t.name ORDER BY t.name LIMIT 200
                """).all(decoding: TownshipRow.self)
        }
        let uncovered = rows.reduce(0) { $0 + $1.uncovered }
        let byType = try await typeCounts(scope: scope, on: req.db)
        let ctx = req.pageContext()
        return Layout.page(
            "首页", ctx, wide: true,
            .el("h1", [], [.text(scope.principal.role == .leader ? "督导工作概览" : "督导室工作台")]),
            .el("div", [("class", "stats")], [
                .statCard("在办学校", "\(open)", href: SiteURL.schools.path),
                .statCard("在岗督学", "\(inspectors)", href: SiteURL.inspectors.path),
                .statCard("责任区", "\(areas)", href: SiteURL.areas.path),
                .statCard("未挂牌学校", "\(uncovered)", href: SiteURL.coverage.path, tone: uncovered > 0 ? "warn" : "ok"),
                .statCard("挂牌覆盖率", open == 0 ? "—" : String(format: "%.1f%%", Double(open - uncovered) * 100 / Double(open)), href: SiteURL.coverage.path),
            ]),
            .el("div", [("class", "grid-2")], [
                .el("section", [("class", "card")], [
                    .el("h2", [], [.text("各镇街挂牌情况")]),
                    .dataTable(["镇街", "在办学校", "未挂牌"], rows.map { r in
                        [.link(SiteURL.schools.with([("township", String(r.id))]), r.name), .text("\(r.schools)"),
                         r.uncovered > 0 ? .badge("\(r.uncovered)", "warn") : .text("0")]
                    }),
                ]),
                .el("section", [("class", "card")], [
                    .el("h2", [], [.text("学校类型")]),
                    .dataTable(["类型", "学校数"], byType.map { (t, n) in
                        [.link(SiteURL.schools.with([("type", t.rawValue)]), t.label), .text("\(n)")]
                    }),
                ]),
            ])
        )
    }

    static func typeCounts(scope: Scope, on db: any Database) async throws -> [(SchoolType, Int)] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct R: Decodable { let type: String; let n: Int }
        let rows = try await sql.raw("""
            SELECT type, COUNT(*) AS n FROM schools WHERE \(Subtree.sql("org_path", scope.principal.orgPath)) AND status = 'open'
            GROUP BY type
            """).all(decoding: R.self)
        let byType = Dictionary(uniqueKeysWithValues: rows.compactMap { r in SchoolType(rawValue: r.type).map { ($0, r.n) } })
        return SchoolType.allCases.compactMap { t in byType[t].map { (t, $0) } }
    }

    static func inspectorHome(_ req: Request, scope: Scope) async throws -> Page {
        let schools = try await scope.schoolAccess.readable(School.query(on: req.db)).sort(\.$name).all()
        let inspector = try await scope.principal.inspectorID.asyncMap { try await Inspector.find($0, on: req.db) } ?? nil
        let settings = try await inspector.asyncMap { try await DistrictSettings.forDistrict($0.districtID, on: req.db) }
        let today = req.today
        let semester = Semester.containing(today)
        let me = scope.principal.inspectorID ?? -1
        let result = try await ComplianceService.evaluate(inspectorIDs: [me], semester: semester, today: today,
            settings: settings?.complianceSettings ?? ComplianceSettings(), on: req.db)
        let drafts = try await Visit.query(on: req.db).filter(\.$inspectorID == me).filter(\.$status == .draft)
            .sort(\.$visitDate, .descending).limit(10).all()
        let problems = try await Problem.query(on: req.db).filter(\.$schoolID ~~ schools.compactMap(\.id)).filter(\.$state == .open)
            .sort(\.$id, .descending).limit(20).all()
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.name) })
        let calendarSchools = schools.filter { s in result.monthStates.keys.contains { $0.schoolID == s.id } }
        return Layout.page(
            "我的工作台", req.pageContext(),
            .el("h1", [], [.text("\(scope.principal.displayName)，您好")]),
            .el("p", [], [.text("您是 \(schools.count) 所学校的责任督学。\(semester.label)，每所学校每月至少督导一次。")]),
            .warning(settings.flatMap { s in schools.count > s.maxSchoolsPerInspector ? "您负责的学校数超过本区设定的\(s.maxSchoolsPerInspector)所。" : nil }),
            .el("div", [("class", "actions quick")], [
                .button(SiteURL.visitNew.path, "＋ 新建督导记录"),
                .button(SiteURL.visitPlanNew.path, "制定督导方案", style: "secondary"),
                .button(SiteURL.areaPlanNew.path, "片区工作计划", style: "secondary"),
            ]),
            drafts.isEmpty ? .empty : .el("section", [("class", "card")], [
                .el("h2", [], [.text("未提交的草稿")]),
                .el("ul", [], drafts.map { v in
                    .el("li", [], [.link(SiteURL.visit(v.id!).path, "\(nameOf[v.schoolID] ?? "") · \(Format.day(v.visitDate))")])
                }),
            ]),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("本学期“六个一”")]),
                .ruleStates(result.ruleStates(inspectorID: me)),
                .el("p", [], [.link(SiteURL.complianceInspectorSelf.path, "查看不足项明细")]),
            ]),
            .visitCalendar(result: result, inspectorID: me, schools: calendarSchools, months: semester.months),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("责任学校待处理问题（\(problems.count)）")]),
                .dataTable(["学校", "类别", "问题", "处理方式"], problems.map { p in
                    [.text(nameOf[p.schoolID] ?? ""), .badge(p.category), .link(p.visitID.map { SiteURL.visit($0).path } ?? p.complaintID.map { SiteURL.complaint($0).path } ?? SiteURL.problems.path, String(p.description.prefix(40))), .text(p.disposition.label)]
                }, empty: "没有待处理问题"),
            ]),
            .el("div", [("class", "school-cards")], schools.map { s in
                .el("a", [("class", "card school-card"), ("href", SiteURL.school(s.id!).path)], [
                    .el("h2", [], [.text(s.name)]),
                    .el("p", [], [.text("\(s.type.label) · 在校生 \(s.students) 人")]),
                    .el("p", [("class", "muted")], [.text("校长 \(s.principal) · \(s.phone)")]),
                ])
            }),
            schools.isEmpty ? .el("p", [("class", "empty")], [.text("您目前没有挂牌学校，请联系督导室。")]) : .empty
        )
    }
}
