import Vapor

/// The one stylesheet and the little script, compiled into the binary so `swift run dudao` needs no files.
enum AssetsController {
    static func stylesheet(req: Request) async throws -> Response {
        serve(Stylesheet.css, type: "text/css; charset=utf-8")
    }

    static func script(req: Request) async throws -> Response {
        serve(Script.js, type: "application/javascript; charset=utf-8")
    }

    static func serve(_ body: String, type: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}

enum Script {
    /// Confirmation for destructive buttons, the print button; nothing else needs script.
    static let js = #"""
document.addEventListener('submit', function (e) {
  var msg = e.target.getAttribute('data-confirm');
  if (msg && !window.confirm(msg)) { e.preventDefault(); }
});
document.addEventListener('click', function (e) {
  var t = e.target.closest('[data-print]');
  if (t) { e.preventDefault(); window.print(); }
});
"""#
}
