import DudaoCore
import Foundation
import Spreadsheet
import XCTVapor

@testable import App

/// A browser-like client: keeps the `dudao_session` cookie between requests and the CSRF token
/// of the last page it saw, and sends forms the way a browser does.
final class TestSession: @unchecked Sendable {
    enum CSRF {
        /// The token of the session (taken from the last page rendered).
        case session
        /// No `_csrf` field at all.
        case omit
        /// A given value, e.g. a forged one.
        case value(String)
    }

    static let cookieName = "dudao_session"

    let app: Application
    private let lock = NSLock()
    private var jar: [String: String] = [:]
    private var token: String?
    /// Every cookie the server set and has not cleared, like a browser's jar.
    var cookies: [String: String] { lock.withLock { jar } }
    var csrf: String? { lock.withLock { token } }
    /// Sent as the client's address when the app trusts a proxy header (`DUDAO_CLIENT_ADDRESS_HEADER`).
    var forwardedFor: String?

    init(app: Application) {
        self.app = app
    }

    /// The session cookie, if signed in.
    var cookie: String? { cookies[TestSession.cookieName] }

    func setCookie(_ name: String, _ value: String) { lock.withLock { jar[name] = value } }

    var headers: HTTPHeaders {
        var h = HTTPHeaders()
        if !cookies.isEmpty {
            h.replaceOrAdd(
                name: .cookie,
                value: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let forwardedFor { h.replaceOrAdd(name: "X-Forwarded-For", value: forwardedFor) }
        return h
    }

    @discardableResult
    func get(_ path: String, file: StaticString = #filePath, line: UInt = #line) async throws -> XCTHTTPResponse {
        let res = try await app.sendRequest(.GET, path, headers: headers, file: file, line: line)
        absorb(res)
        return res
    }

    /// POSTs `application/x-www-form-urlencoded` fields, with the session's token unless told otherwise.
    @discardableResult
    func post(
        _ path: String, form: [(String, String)] = [], csrf choice: CSRF = .session,
        headers extra: [(String, String)] = [], file: StaticString = #filePath, line: UInt = #line
    ) async throws -> XCTHTTPResponse {
        var fields = form
        switch choice {
        case .session:
            guard let csrf else { throw TestSetupError("no CSRF token yet: GET a page first") }
            fields.append((CSRFMiddleware.field, csrf))
        case .omit: break
        case .value(let v): fields.append((CSRFMiddleware.field, v))
        }
        var h = headers
        h.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
        for (name, value) in extra { h.replaceOrAdd(name: name, value: value) }
        let body = ByteBuffer(string: FormEncoding.encode(fields))
        let res = try await app.sendRequest(.POST, path, headers: h, body: body, file: file, line: line)
        absorb(res)
        return res
    }

    /// POSTs a `multipart/form-data` upload: the file in the `file` part and the session's token in `_csrf`.
    @discardableResult
    func upload(
        _ path: String, fileName: String, contentType: String, data: Data, fields: [(String, String)] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> XCTHTTPResponse {
        guard let csrf else { throw TestSetupError("no CSRF token yet: GET a page first") }
        let multipart = Multipart(
            parts: [.field(name: CSRFMiddleware.field, value: csrf)]
                + fields.map { .field(name: $0.0, value: $0.1) }
                + [.file(name: "file", fileName: fileName, contentType: contentType, data: data)])
        var h = headers
        h.replaceOrAdd(name: .contentType, value: multipart.contentType)
        let res = try await app.sendRequest(
            .POST, path, headers: h, body: ByteBuffer(data: multipart.body),
            file: file, line: line)
        absorb(res)
        return res
    }

    /// Takes the cookies from Set-Cookie and the CSRF token from a rendered page.
    /// The rows of an exported file (CSV or .xlsx by the path's extension), after checking it was sent.
    func exportRows(_ path: String, file: StaticString = #filePath, line: UInt = #line) async throws -> [[String]] {
        let res = try await get(path, file: file, line: line)
        XCTAssertEqual(res.status, .ok, path, file: file, line: line)
        let data = Data(buffer: res.body)
        return path.contains(".csv") ? try CSV.parse(data).rows : try XLSX.read(data).rows
    }

    private func absorb(_ res: XCTHTTPResponse) {
        let found = HTML.csrfToken(in: res.body.string)
        lock.withLock {
            if let set = res.headers.setCookie {
                for (name, value) in set.all { jar[name] = value.string.isEmpty ? nil : value.string }
            }
            if let found { token = found }
        }
    }
}

/// Signs in through the login form and returns the session, ready to GET and POST.
func login(
    _ app: Application, _ username: String, password: String = DemoSeed.password,
    file: StaticString = #filePath, line: UInt = #line
) async throws -> TestSession {
    let session = TestSession(app: app)
    try await session.get("/login", file: file, line: line)
    let res = try await session.post(
        "/login", form: [("username", username), ("password", password)],
        file: file, line: line)
    guard res.status == .seeOther else {
        throw TestSetupError("login as \(username) failed with \(res.status.code)")
    }
    // The session id changes at login; a page of the new session carries its token.
    try await session.get("/account/password", file: file, line: line)
    guard session.csrf != nil else { throw TestSetupError("no CSRF token after login as \(username)") }
    return session
}

enum FormEncoding {
    /// RFC 3986 unreserved characters; everything else (Chinese too) is percent-encoded as UTF-8.
    static let unreserved = CharacterSet(
        charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s
    }
}

/// A hand-built multipart/form-data body.
struct Multipart {
    enum Part {
        case field(name: String, value: String)
        case file(name: String, fileName: String, contentType: String, data: Data)
    }

    let parts: [Part]
    let boundary = "----DudaoTestBoundary" + UUID().uuidString.replacingOccurrences(of: "-", with: "")

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var body: Data {
        var out = Data()
        func add(_ s: String) { out.append(Data(s.utf8)) }
        for part in parts {
            add("--\(boundary)\r\n")
            switch part {
            case .field(let name, let value):
                add("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n")
                add(value)
            case .file(let name, let fileName, let type, let data):
                add("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\n")
                add("Content-Type: \(type)\r\n\r\n")
                out.append(data)
            }
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        return out
    }
}

// MARK: - JSON API

struct APITokenReply: Decodable {
    let token: String
    let role: String
}

struct APIErrorReply: Decodable {
    struct Inner: Decodable {
        let code: String
        let message: String
    }
    let error: Inner
}

struct APISchool: Decodable {
    let id: Int
    let code: String
    let name: String
    let inspectorId: Int?
}

struct APIPage<Item: Decodable>: Decodable {
    let items: [Item]
    let page: Int
    let per: Int
    let total: Int
}

func jsonBody(_ object: [String: String]) throws -> ByteBuffer {
    ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
}

/// A bearer token for a demo account, from POST /api/v1/auth/token.
func apiToken(_ app: Application, _ username: String, password: String = DemoSeed.password) async throws -> String {
    var headers = HTTPHeaders()
    headers.contentType = .json
    let res = try await app.sendRequest(
        .POST, "/api/v1/auth/token", headers: headers,
        body: try jsonBody(["username": username, "password": password]))
    guard res.status == .ok else {
        throw TestSetupError("token for \(username): \(res.status.code) \(res.body.string)")
    }
    return try res.content.decode(APITokenReply.self).token
}

func apiGet(_ app: Application, _ path: String, token: String?) async throws -> XCTHTTPResponse {
    var headers = HTTPHeaders()
    if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
    return try await app.sendRequest(.GET, path, headers: headers)
}
