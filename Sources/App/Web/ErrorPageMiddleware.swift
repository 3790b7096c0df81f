import DudaoCore
import Vapor

/// Turns errors into a Chinese page (or JSON under /api), never a stack trace.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let api as APIError {
            return try await api.encodeResponse(for: req)
        } catch {
            let (status, message) = Self.describe(error)
            if status == .internalServerError { req.logger.report(error: error) }
            if req.url.path.hasPrefix("/api/") {
                return try await APIError(status: status, code: Self.code(status), message: message)
                    .encodeResponse(for: req)
            }
            let model = ErrorPage(
                status: Int(status.code),
                title: message == CSRFMiddleware.refusal ? "页面已过期" : Self.title(status), message: message,
                retry: Self.formPage(of: req), requestID: status == .internalServerError ? req.id : nil)
            return try await ErrorPageView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
    }

    /// The same-site page a refused form was sent from (its Referer), for a way back to it; nil for a GET.
    static func formPage(of req: Request) -> String? {
        guard req.method != .GET, let referer = req.headers.first(name: .referer) else { return nil }
        let uri = URI(string: referer)
        let host = req.headers.first(name: .host)?.split(separator: ":").first.map(String.init)
        guard uri.host == nil || uri.host == host, uri.path.hasPrefix("/") else { return nil }
        let back = LoginController.safeNext(uri.path + (uri.query.map { "?" + $0 } ?? ""))
        // `safeNext` answers the home page for anything it will not follow.
        return back == SiteURL.home.path && uri.path != SiteURL.home.path ? nil : back
    }

    static func describe(_ error: any Error) -> (HTTPStatus, String) {
        if let abort = error as? any AbortError {
            let reason = abort.reason
            // Vapor's own English reasons are replaced by a Chinese one.
            let chinese = reason.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            return (abort.status, chinese ? reason : title(abort.status))
        }
        if error is DecodingError { return (.badRequest, "提交的内容格式不正确") }
        return (.internalServerError, "服务器处理时出错，请稍后再试；如仍有问题请联系管理员。")
    }

    static func title(_ status: HTTPStatus) -> String {
        switch status.code {
        case 400: "请求内容有误"
        case 401: "请先登录"
        case 403: "无权访问"
        case 404: "页面不存在"
        case 413: "提交的内容过大"
        case 429: "操作过于频繁，请稍后再试"
        default: "服务器出错"
        }
    }

    static func code(_ status: HTTPStatus) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not_found"
        case 409: "conflict"
        case 413: "too_large"
        case 422: "invalid"
        case 429: "too_many_requests"
        default: "server_error"
        }
    }
}

/// The JSON error body of the API: {"error":{"code","message"}}.
struct APIError: Error, AsyncResponseEncodable {
    let status: HTTPStatus
    let code: String
    let message: String
    var fields: [FieldError] = []

    struct Body: Content {
        struct Inner: Content {
            let code: String
            let message: String
            let fields: [FieldError]?
        }
        let error: Inner
    }

    func encodeResponse(for request: Request) async throws -> Response {
        let body = Body(error: .init(code: code, message: message, fields: fields.isEmpty ? nil : fields))
        let res = Response(status: status)
        try res.content.encode(body, as: .json)
        return res
    }
}
