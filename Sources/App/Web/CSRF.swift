import DudaoCore
import Vapor

/// Every form POST carries a token in `_csrf`: the session's token when signed in, otherwise the
/// value of the visitor's `dudao_csrf` cookie (double submit; the login and public complaint forms).
/// The body is read up to the route's own limit (`RouteLimits`), never more; upload routes stream
/// their body and check the token themselves as the first part (`UploadReader`). The JSON API
/// (bearer tokens, no cookies) is exempt.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // PostgreSQL refuses U+0000 in text: no query string may carry one into a filter.
        if let query = req.url.query, query.range(of: "%00", options: .caseInsensitive) != nil || query.contains("\0") {
            throw BadInput(message: "请求中含有无效字符")
        }
        // MultipartKit's parser traps on an empty boundary: refuse such a body before anything reads it.
        if let type = req.headers.contentType, type.type == "multipart" {
            guard let boundary = type.parameters["boundary"], (1...70).contains(boundary.count) else {
                throw Abort(.badRequest, reason: "请通过页面上的表单提交")
            }
        }
        guard req.method == .POST, !req.url.path.hasPrefix("/api/") else { return try await next.respond(to: req) }
        let limits = req.route.flatMap(RouteLimits.of)
        if limits?.streamed == true { return try await next.respond(to: req) }
        let max = limits?.maxBytes ?? RouteLimits.formBytes
        if let collected = req.body.data {
            // A small body arrives whole with the request head; it still counts against the limit.
            guard collected.readableBytes <= max else {
                throw Abort(.payloadTooLarge, reason: RouteLimits.tooLargeMessage(max))
            }
        } else {
            do {
                _ = try await req.body.collect(max: max).get()
            } catch {
                throw Abort(.payloadTooLarge, reason: RouteLimits.tooLargeMessage(max))
            }
        }
        if let body = req.body.data, req.headers.contentType == .urlEncodedForm,
            body.containsNUL(encoded: true)
        {
            throw BadInput(message: "提交的内容中含有无效字符")
        }
        let sent = (try? req.content.get(String.self, at: CSRFMiddleware.field)) ?? ""
        guard CSRFMiddleware.accepts(sent, for: req) else {
            throw Abort(.forbidden, reason: CSRFMiddleware.refusal)
        }
        return try await next.respond(to: req)
    }

    static let refusal = "表单已过期或来源不明，请返回刷新页面后重新提交"

    static func accepts(_ sent: String, for req: Request) -> Bool {
        let expected = req.session?.csrf ?? req.cookies[Sessions.csrfCookieName]?.string ?? ""
        return !expected.isEmpty && AccountRules.constantTimeEquals(sent, expected)
    }
}

extension Request {
    /// The token to put in this page's forms: the session's, or the visitor's cookie (made on first use).
    var csrfToken: String {
        if let s = session { return s.csrf }
        if let pending = pendingCookies[Sessions.csrfCookieName]?.string { return pending }
        if let t = cookies[Sessions.csrfCookieName]?.string, t.count >= 32, t.count <= 64 { return t }
        let t = Sessions.randomToken()
        // A session cookie (no expiry): it lives as long as the browser window.
        pendingCookies[Sessions.csrfCookieName] = Sessions.cookie(t, self, lifetime: nil)
        return t
    }
}

/// Per-route body limits, declared in the route table and read by the CSRF check before any body is
/// collected. Streamed routes read their own body (uploads go to disk, part by part).
struct RouteLimits: Sendable {
    static let formBytes = 1 << 20
    static let key = "dudao.limits"

    let maxBytes: Int
    let streamed: Bool

    static func of(_ route: Route) -> RouteLimits? { route.userInfo[key] as? RouteLimits }

    static func tooLargeMessage(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "提交的内容超过\(bytes >> 20)MB的上限，请减少或压缩附件后重试" : "提交的内容过长，请删减后重试"
    }
}

extension Route {
    /// Declares the route's body limit (for the CSRF check and the error message).
    @discardableResult
    func limited(to bytes: Int, streamed: Bool = false) -> Route {
        userInfo[RouteLimits.key] = RouteLimits(maxBytes: bytes, streamed: streamed)
        return self
    }
}

extension ByteBuffer {
    /// Whether the readable bytes hold U+0000, as a byte or, in a URL-encoded body, as `%00`.
    func containsNUL(encoded: Bool) -> Bool {
        var previous: (UInt8, UInt8) = (0x20, 0x20)
        for byte in readableBytesView {
            if byte == 0 { return true }
            if encoded, previous.0 == 0x25, previous.1 == 0x30, byte == 0x30 { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}
