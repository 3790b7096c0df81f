import DudaoCore
import Fluent
import Plot
import SQLKit
import Vapor

/// 督办清单: every escalation step the timer took (提醒/约谈/通报), on notices and complaints, newest first.
enum EscalationsController {
    struct Row: Decodable {
        let target: String
        let target_id: Int
        let action: String
        let comment: String
        let created_at: Date?
        let ref: String?
        let school: String?
    }

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let paging = Paging(page: try req.query.page(), per: 50)
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let body: SQLQueryString = """
            FROM case_events e
            LEFT JOIN rectification_notices n ON e.target = 'notice' AND n.id = e.target_id
            LEFT JOIN complaints c ON e.target = 'complaint' AND c.id = e.target_id
            LEFT JOIN schools s ON s.id = COALESCE(n.school_id, c.school_id)
            WHERE e.action LIKE 'escalate:%' AND \(Subtree.sql("COALESCE(n.org_path, c.org_path)", scope.principal.orgPath))
            """
        struct N: Decodable { let n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n " + body).first(decoding: N.self)?.n ?? 0
        let rows = try await sql.raw("SELECT e.target, e.target_id, e.action, e.comment, e.created_at, COALESCE(n.number, c.tracking_code) AS ref, s.name AS school "
            + body + " ORDER BY e.id DESC LIMIT \(unsafeRaw: String(paging.per)) OFFSET \(unsafeRaw: String(paging.offset))").all(decoding: Row.self)
        return Layout.page(
            "督办清单", req.pageContext(), wide: true,
            .el("h1", [], [.text("督办清单")]),
            .el("p", [("class", "hint")], [.text("整改通知书逾期未报送、举报投诉超过办理时限时，系统按本区设定自动提醒、约谈、通报，并记录在此。")]),
            .dataTable(["时间", "事项", "学校", "督办", "说明"], rows.map { r in
                [
                    .text(Format.date(r.created_at)),
                    .link(r.target == "notice" ? SiteURL.notice(r.target_id).path : SiteURL.complaint(r.target_id).path,
                        (r.target == "notice" ? "整改通知书 " : "投诉 ") + (r.ref ?? "")),
                    .text(r.school ?? "全区"),
                    .badge(EscalationStep(rawValue: String(r.action.dropFirst(9)))?.label ?? r.action, "warn"),
                    .text(r.comment),
                ]
            }, empty: "暂无督办事项"),
            .pager(paging, total: total, link: { SiteURL.escalations.with([("page", String($0))]) })
        )
    }
}
