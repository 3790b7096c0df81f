import DudaoCore
import Vapor

/// Every form POST carries the session's token in `_csrf`; a POST without it is refused.
/// The JSON API (bearer tokens, no cookies) is exempt.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .POST, !req.url.path.hasPrefix("/api/") {
            // The token is in the body: wait for all of it (a large upload arrives in several reads).
            if req.body.data == nil {
                _ = try await req.body.collect(max: req.application.routes.defaultMaxBodySize.value).get()
            }
            let sent = (try? req.content.get(String.self, at: CSRFMiddleware.field)) ?? ""
            let expected = req.hasSession ? (req.session.data["csrf"] ?? "") : ""
            guard !expected.isEmpty, AccountRules.constantTimeEquals(sent, expected) else {
                throw Abort(.forbidden, reason: "表单已过期或来源不明，请返回刷新页面后重新提交")
            }
        }
        return try await next.respond(to: req)
    }
}

extension Request {
    /// The session's CSRF token, made on first use.
    var csrfToken: String {
        if let t = session.data["csrf"], !t.isEmpty { return t }
        let t = [UInt8].random(count: 24).base64.replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "+", with: "-")
        session.data["csrf"] = t
        return t
    }
}
