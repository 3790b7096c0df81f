import DudaoCore
import Foundation
import XCTVapor

@testable import App

/// The office's webhook setting: only http(s) addresses on the public internet are saved; anything pointing
/// inside the network or at the machine itself is refused with the message next to the field.
final class WebhookSettingsTests: XCTestCase {
    /// The fields of the settings form as the page shows them (inputs, checked boxes, textareas), as a browser
    /// would send them back.
    static func settingsFields(_ html: String) throws -> [(String, String)] {
        guard let start = html.range(of: #"action="/settings""#),
            let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex)
        else {
            throw TestSetupError("no settings form")
        }
        let form = String(html[start.upperBound..<end.lowerBound])
        func attr(_ name: String, _ tag: String) -> String? {
            HTML.first(#"\b\#(name)="([^"]*)""#, in: tag).map(unescape)
        }
        var fields: [(String, String)] = []
        let inputs = try NSRegularExpression(pattern: #"<input\b[^>]*>"#)
        for m in inputs.matches(in: form, range: NSRange(form.startIndex..., in: form)) {
            let tag = String(form[Range(m.range, in: form)!])
            guard let name = attr("name", tag), name != CSRFMiddleware.field else { continue }
            if attr("type", tag) == "checkbox" && !tag.contains("checked") { continue }
            fields.append((name, attr("value", tag) ?? ""))
        }
        let areas = try NSRegularExpression(
            pattern: #"<textarea\b[^>]*\bname="([^"]*)"[^>]*>(.*?)</textarea>"#, options: [.dotMatchesLineSeparators])
        for m in areas.matches(in: form, range: NSRange(form.startIndex..., in: form)) {
            fields.append(
                (
                    String(form[Range(m.range(at: 1), in: form)!]),
                    unescape(String(form[Range(m.range(at: 2), in: form)!]))
                ))
        }
        return fields
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Posts the settings form unchanged except for the webhook address.
    static func save(webhook: String, as office: TestSession) async throws -> XCTHTTPResponse {
        let page = try await office.get("/settings")
        guard page.status == .ok else { throw TestSetupError("settings page: \(page.status.code)") }
        var fields = try settingsFields(page.body.string).filter { $0.0 != "webhookURL" }
        fields.append(("webhookURL", webhook))
        return try await office.post("/settings", form: fields)
    }

    func testTheFormAsShownSavesUnchanged() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")

            let res = try await Self.save(webhook: "", as: office)

            XCTAssertEqual(
                res.status, .seeOther, HTML.first(#"class="field-error"[^>]*>([^<]*)<"#, in: res.body.string) ?? "")
            XCTAssertEqual(res.headers.first(name: .location), "/settings")
        }
    }

    func testInsideAddressesAreRefusedNextToTheField() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let rule = "推送地址必须是互联网上的 http(s) 地址，不能指向内网或本机"
            let table: [(String, String)] = [
                ("http://127.0.0.1/hook", rule + "（127.0.0.1 是本机地址）"),
                ("http://localhost:8080/hook", rule + "（localhost 指向本机）"),
                ("http://2130706433/hook", rule + "（127.0.0.1 是本机地址）"),
                ("http://0x7f.1/hook", rule + "（127.0.0.1 是本机地址）"),
                ("http://[::ffff:127.0.0.1]/hook", rule + "（::ffff:127.0.0.1 是本机地址）"),
                ("http://169.254.169.254/latest/meta-data/", rule + "（169.254.169.254 是链路本地地址）"),
                ("http://192.168.1.10/robot", rule + "（192.168.1.10 是内网地址）"),
                ("http://robot:secret@8.8.8.8/hook", rule + "，也不能包含用户名或密码"),
                ("ftp://8.8.8.8/hook", rule),
                ("https://robot.dudao-test.invalid/send", "无法解析推送地址中的域名 robot.dudao-test.invalid，请检查网址是否正确"),
            ]

            for (url, message) in table {
                let res = try await Self.save(webhook: url, as: office)

                XCTAssertEqual(res.status, .unprocessableEntity, url)
                let html = res.body.string
                XCTAssertTrue(
                    html.contains(#"<p class="field-error" id="f-webhookURL-error" role="alert">\#(message)</p>"#), url)
                XCTAssertTrue(html.contains(#"aria-describedby="f-webhookURL-error""#), url)
                let saved = try await DistrictSettings.forDistrict(try await app.demoDistrict().id!, on: app.db)
                XCTAssertEqual(saved.webhookURL, "", "nothing saved for \(url)")
            }
        }
    }

    func testAPublicAddressIsSaved() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            let url = "https://8.8.8.8/cgi-bin/webhook/send?key=0f6e"

            let res = try await Self.save(webhook: url, as: office)

            XCTAssertEqual(res.status, .seeOther)
            let saved = try await DistrictSettings.forDistrict(try await app.demoDistrict().id!, on: app.db)
            XCTAssertEqual(saved.webhookURL, url)
        }
    }
}
