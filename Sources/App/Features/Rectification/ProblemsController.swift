import DudaoCore
import Fluent
import Plot
import SQLKit
import Spreadsheet
import Vapor

/// 问题台账: the register page and its export.
enum ProblemsController {
    static func list(req: Request) async throws -> Page {
        let filter = try req.query.decode(ProblemRegister.Filter.self)
        let scope = try await Scope.of(req)
        let model = try await ProblemRegister.query(filter, scope: scope, totals: req.listTotals, on: req.db)
        return ProblemRegisterView(ctx: req.pageContext(), model: model).render()
    }

    /// Every row of the register for the filter, streamed 1 000 at a time.
    static func export(req: Request) async throws -> Response {
        let filter = try req.query.decode(ProblemRegister.Filter.self)
        let scope = try await Scope.of(req)
        let db = req.db
        let headers = [
            "编号", "学校", "责任督学", "类别", "严重程度", "处理方式", "状态", "问题描述", "发现时间", "整改通知书文号", "整改期限", "通知书状态",
        ]
        return Download.stream(name: "问题台账", format: ExportFormat(request: req), headers: headers) { before in
            let rows = try await ProblemRegister.rows(
                filter, scope: scope, limit: Download.pageSize, before: before, on: db)
            return ExportPage(
                rows: rows.map { r in
                    [
                        String(r.id), r.school, r.inspector, r.category, r.severity?.label ?? "",
                        r.disposition?.label ?? "",
                        r.isOpen ? ProblemState.open.label : ProblemState.closed.label, r.description,
                        Format.date(r.foundAt), r.notice?.number ?? "", r.notice?.deadline?.description ?? "",
                        r.notice?.state.label ?? "",
                    ]
                }, lastKey: rows.last?.id, limit: Download.pageSize)
        }
    }
}
