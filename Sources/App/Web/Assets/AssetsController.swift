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
    /// Confirmation for destructive buttons, autosave, the print button and the bar's drop-downs.
    static let js = #"""
        document.addEventListener('submit', function (e) {
          var msg = e.target.getAttribute('data-confirm');
          if (msg && !window.confirm(msg)) { e.preventDefault(); }
        });
        // Autosave: forms marked data-autosave are sent in the background a moment after typing stops,
        // so a visit record half-written on a phone is never lost.
        function setUpAutosave() {
        document.querySelectorAll('form[data-autosave]').forEach(function (form) {
          var timer = null, status = form.querySelector('.autosave-status');
          function save() {
            var body = new URLSearchParams(new FormData(form));
            fetch(form.action, { method: 'POST', body: body, headers: { 'X-Autosave': '1' }, credentials: 'same-origin' })
              .then(function (r) {
                if (!status) return;
                var t = new Date();
                status.textContent = r.ok ? '已自动保存 ' + t.getHours() + ':' + String(t.getMinutes()).padStart(2, '0') : '自动保存未成功，请检查填写内容后点“保存”';
              })
              .catch(function () { if (status) status.textContent = '网络中断，恢复后请点“保存”'; });
          }
          form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(save, 1500); });
        });
        }
        if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', setUpAutosave); } else { setUpAutosave(); }
        document.addEventListener('click', function (e) {
          var t = e.target.closest('[data-print]');
          if (t) { e.preventDefault(); window.print(); }
          // 复制查询码: the text of the element named by data-copy goes to the clipboard.
          var copy = e.target.closest('[data-copy]');
          if (copy) {
            var source = document.getElementById(copy.getAttribute('data-copy'));
            var status = copy.parentNode.querySelector('.copy-status');
            var said = function (m) { if (status) status.textContent = m; };
            if (source && navigator.clipboard) {
              navigator.clipboard.writeText(source.textContent.trim()).then(function () { said(copy.getAttribute('data-copied')); },
                function () { said('复制未成功，请长按查询码手动复制'); });
            } else { said('请长按查询码手动复制'); }
          }
          // One drop-down of the bar open at a time; a click elsewhere closes it.
          var group = e.target.closest('.navgroup');
          document.querySelectorAll('.navgroup[open]').forEach(function (d) { if (d !== group) d.removeAttribute('open'); });
        });
        document.addEventListener('keydown', function (e) {
          if (e.key === 'Escape') document.querySelectorAll('.navgroup[open]').forEach(function (d) { d.removeAttribute('open'); });
        });
        """#
}
