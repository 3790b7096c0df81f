import DudaoCore
import Fluent
import Plot
import Vapor

/// One problem: where it came from, its notice, and for 协商 (referral) the department and its reply.
enum ProblemController {
    static func load(_ req: Request, scope: Scope) async throws -> Problem {
        try await scope.problemAccess.load(try req.parameters.id(), on: req.db)
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let p = try await load(req, scope: scope)
        let school = try await School.find(p.schoolID, on: req.db)
        let ctx = req.pageContext()
        let mayRefer = scope.problemAccess.canRefer(p)
        return Layout.page(
            "问题详情", ctx,
            .el("h1", [], [.text("问题详情"), .badge(p.state.label, p.state == .open ? "warn" : "ok")]),
            .el("section", [("class", "card")], [
                .facts([
                    ("学校", school?.name ?? ""), ("类别", p.category), ("严重程度", p.severity.label), ("处理方式", p.disposition.label),
                    ("发现时间", Format.date(p.createdAt)), ("整改期限", Format.day(p.deadline)),
                    ("移交部门", p.referralDepartment), ("部门答复", p.referralReply),
                ]),
                .el("p", [("class", "prewrap")], [.text(p.description)]),
                .el("p", [], [
                    p.visitID.map { .link(SiteURL.visit($0).path, "来源：督导记录") } ?? p.complaintID.map { .link(SiteURL.complaint($0).path, "来源：举报投诉") } ?? .empty,
                    .text(" "),
                    p.noticeID.map { .link(SiteURL.notice($0).path, "整改通知书") } ?? .empty,
                ]),
            ]),
            mayRefer ? .el("form", [("method", "post"), ("action", SiteURL.problemReferral(p.id!).path), ("class", "card")], [
                .csrf(ctx.csrf),
                .el("h2", [], [.text("协商办理（移交局相关科室）")]),
                .field("移交部门", name: "department", value: p.referralDepartment, hint: "如：基础教育科、计财科、安全科"),
                .textareaField("部门答复", name: "reply", value: p.referralReply, rows: 3),
                .el("label", [("class", "check")], [.void("input", [("type", "checkbox"), ("name", "close"), ("value", "on")]), .text(" 部门已办理完毕，问题销号")]),
                .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存")]),
            ]) : .empty
        )
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
            try await Audit.record(on: db, actor: scope.principal, action: "update", entity: "problem", id: p.id!, orgPath: p.orgPath,
                summary: "登记问题移交情况（\(department)）", before: before,
                after: ["移交部门": p.referralDepartment, "部门答复": p.referralReply, "状态": p.state.label])
        }
        req.flash(closing ? "已登记部门答复，问题销号" : "已登记移交情况")
        return req.redirect(to: SiteURL.problem(p.id!).path)
    }
}
