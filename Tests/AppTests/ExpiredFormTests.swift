import DudaoCore
import XCTVapor

@testable import App

/// A form sent after the session ended (or the page expired) is refused with the way back to it: signed out, through
/// the login page; signed in, straight back. The page script fills the form again from what it kept.
final class ExpiredFormTests: XCTestCase {
    func testASignedOutFormIsSentToLoginAndBackToTheFormItCameFrom() async throws {
        try await withApp(history: false) { app in
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .referer, value: "http://localhost:8080/areas/new")
            headers.replaceOrAdd(name: .host, value: "localhost:8080")
            headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")

            let res = try await app.sendRequest(
                .POST, "/areas", headers: headers, body: ByteBuffer(string: "name=x&_csrf=old"))

            XCTAssertEqual(res.status, .forbidden)
            XCTAssertTrue(res.body.string.contains("页面已过期"))
            XCTAssertTrue(res.body.string.contains("重新登录后回到表单"))
            XCTAssertTrue(res.body.string.contains(#"href="/login?next=/areas/new""#), res.body.string)
        }
    }

    func testAnotherSitesRefererIsNeverOfferedAsTheWayBack() async throws {
        try await withApp(history: false) { app in
            for referer in ["https://evil.example/areas/new", "http://localhost//evil.example", "javascript:alert(1)"] {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .referer, value: referer)
                headers.replaceOrAdd(name: .host, value: "localhost")
                headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")

                let res = try await app.sendRequest(
                    .POST, "/areas", headers: headers, body: ByteBuffer(string: "_csrf=old"))

                XCTAssertEqual(res.status, .forbidden)
                XCTAssertFalse(res.body.string.contains("回到表单"), referer)
            }
        }
    }
}
