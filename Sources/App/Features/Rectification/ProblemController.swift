import DudaoCore
import Fluent
import Vapor

/// One problem: where it came from, its notice, and for 协商 (referral) the department and its reply.
enum ProblemController {
    static func load(_ req: Request, scope: Scope) async throws -> Problem {
        try await scope.problemAccess.load(try req.parameters.id(), on: req.db)
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let p = try await load(req, scope: scope)
        let model = try await ProblemDetail.query(p, scope: scope, on: req.db)
        return ProblemDetailView(ctx: req.pageContext(), model: model).render()
    }

    struct ReferralForm: Content {
        var department: String?
        var reply: String?
        var close: String?
    }

    static let departmentLimit = 30
    static let replyLimit = 2000

    static func referral(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let p = try await load(req, scope: scope)
        guard scope.problemAccess.canRefer(p) else {
            throw Abort(.forbidden, reason: "只有处理方式为“协商”的待处理问题可以登记移交情况")
        }
        let f = try req.content.decode(ReferralForm.self)
        let department = (f.department ?? "").trimmingCharacters(in: .whitespaces)
        let reply = (f.reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let closing = f.close == "on"
        var errors: [FieldError] = []
        if let e = Validate.required(department, field: "移交部门", maxLength: departmentLimit) {
            errors.append(.init("department", e))
        }
        if let e = closing
            ? Validate.required(reply, field: "部门答复（销号前）", maxLength: replyLimit)
            : Validate.optional(reply, field: "部门答复", maxLength: replyLimit)
        {
            errors.append(.init("reply", e))
        }
        if !errors.isEmpty {
            // The page again, with what was typed and why (nothing lost).
            var model = try await ProblemDetail.query(p, scope: scope, on: req.db)
            model.errors = errors
            model.typed = ["department": f.department ?? "", "reply": f.reply ?? "", "close": f.close ?? ""]
            return try await ProblemDetailView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        let before = ["移交部门": p.referralDepartment, "部门答复": p.referralReply, "状态": p.state.label]
        p.referralDepartment = department
        p.referralReply = reply
        if closing { p.state = .closed }
        try await req.db.writeTransaction { db in
            try await p.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "update", entity: "problem", id: p.id!, orgPath: p.orgPath,
                summary: "登记问题移交情况（\(department)）", before: before,
                after: ["移交部门": p.referralDepartment, "部门答复": p.referralReply, "状态": p.state.label])
        }
        req.flash(closing ? "已登记部门答复，问题销号" : "已登记移交情况")
        return req.redirect(to: SiteURL.problem(p.id!).path)
    }
}
