import DudaoCore
import Vapor

extension Request {
    /// The frame of the page this request renders. Takes the one-time message, so it is shown once.
    func pageContext() -> PageContext {
        PageContext(
            principal: principal, csrf: csrfToken, path: url.path, flash: takeFlash(), demo: application.config.demo,
            unread: storage[UnreadKey.self] ?? 0, today: today)
    }
}

/// Pages are sent as UTF-8 HTML, never cached.
extension Page: AsyncResponseEncodable {
    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(string: html))
    }
}

extension Page {
    /// The page sent as a refused form (422): what was typed, shown again with why.
    func refused(for request: Request) async throws -> Response {
        var page = self
        page.status = 422
        return try await page.encodeResponse(for: request)
    }
}
