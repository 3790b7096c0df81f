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

    static func referral(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let p = try await load(req, scope: scope)
        guard scope.problemAccess.canRefer(p) else {
            throw Abort(.forbidden, reason: "只有处理方式为“协商”的待处理问题可以登记移交情况")
        }
        let f = try req.content.decode(ReferralForm.self)
        let department = (f.department ?? "").trimmingCharacters(in: .whitespaces)
        let reply = (f.reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !department.isEmpty, department.count <= 30, reply.count <= 2000 else {
            req.flash("请填写移交部门（不超过30字），答复不超过2000字")
            return req.redirect(to: SiteURL.problem(p.id!).path)
        }
        let closing = f.close == "on"
        if closing && reply.isEmpty {
            req.flash("销号前请填写部门答复")
            return req.redirect(to: SiteURL.problem(p.id!).path)
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
