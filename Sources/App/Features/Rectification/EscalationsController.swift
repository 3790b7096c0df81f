import DudaoCore
import Vapor

/// 督办清单: every escalation step the timer took (提醒/约谈/通报), on notices and complaints, newest first.
enum EscalationsController {
    static func list(req: Request) async throws -> Page {
        let page = try req.query.page()
        let scope = try await Scope.of(req)
        let model = try await EscalationList.query(page: page, scope: scope, on: req.db)
        return EscalationListView(ctx: req.pageContext(), model: model).render()
    }

    /// The whole list, newest first, 200 a page while it streams.
    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let db = req.db
        return Download.stream(
            name: "督办清单", format: ExportFormat(request: req), headers: ["时间", "事项", "编号", "学校", "督办", "说明"]
        ) { page in
            let number = page ?? 1
            let list = try await EscalationList.query(page: number, per: Paging.maxPer, scope: scope, on: db)
            let rows = list.page.items.map { r in
                [
                    Format.date(r.createdAt), r.target == .notice ? "整改通知书" : "举报投诉", r.ref, r.school ?? "全区",
                    (r.proposed ? "建议" : "") + (r.step?.label ?? r.action), r.comment,
                ]
            }
            return ExportPage(rows: rows, page: number, per: Paging.maxPer)
        }
    }
}
