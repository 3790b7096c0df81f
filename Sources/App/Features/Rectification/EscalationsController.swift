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
}
