import Vapor

/// The one stylesheet and the little script, compiled into the binary so `swift run dudao` needs no files.
enum AssetsController {
    static func stylesheet(req: Request) async throws -> Response {
        serve(Stylesheet.css, type: "text/css; charset=utf-8")
    }

    static func script(req: Request) async throws -> Response {
        serve(Script.js, type: "application/javascript; charset=utf-8")
    }

    /// The service worker, at the site's root so that it may answer for the visit pages; never cached by HTTP, so
    /// a new version reaches the phones at once.
    static func serviceWorker(req: Request) async throws -> Response {
        let res = serve(ServiceWorker.js, type: "application/javascript; charset=utf-8")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return res
    }

    static func serve(_ body: String, type: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
