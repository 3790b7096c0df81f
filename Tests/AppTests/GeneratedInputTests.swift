import DudaoCore
import Fluent
import Foundation
import SQLKit
import XCTVapor

@testable import App

/// Hostile input sent to every route of the route table, generated from it: extreme numbers and long
/// strings in every path id, query parameter and form field, and a script payload in every text that
/// can be saved and in every query parameter. The server must answer (no 5xx, no trap), and no page
/// may carry the payload unescaped.
final class GeneratedInputTests: XCTestCase {
    static let extremes = [
        "9223372036854775807", "-9223372036854775808", "-1", "0", "1000000000000000000000000000000", "NaN",
        "9999-12-31",
        String(repeating: "长", count: 10_000), "a\u{0}b",
    ]
    static let payload = #""><svg onload=alert(1)>'"#

    func testExtremeValuesInEveryParameterAndFieldOfEveryRouteGetAnAnswer() async throws {
        // Each account sends from its own address, so the login throttle of one does not refuse the next.
        try await withApp(clientAddressHeader: "X-Forwarded-For") { app in
            let f = try await MatrixFixtures.build(app)
            let routes = app.routes.all.map(MatrixRoute.init).filter { RouteRules.table[$0.key] != nil }
            let fields = try await FormCrawler.fieldsByRoute(app, f, routes: routes)
            var failures: [String] = []
            for who in [Who.anonymous, .office, .inspector, .school] {
                var client = try await MatrixClient.signIn(app, who)
                let address = "198.51.100.\(Who.allCases.firstIndex(of: who)! + 1)"
                client.session.forwardedFor = address
                for route in routes.sorted(by: { ($0.order, $0.key) < ($1.order, $1.key) })
                where route.pattern != "/logout" {
                    let rule = RouteRules.table[route.key]!
                    let names = (fields[route.key] ?? []).union(["page", "per"])
                    // A role the route refuses is stopped before any value is read: one value shows that; the
                    // roles that get through are sent every value (keeps the suite inside the CI budget).
                    let values = rule.allowed.contains(who) ? Self.extremes : [Self.extremes[0]]
                    for value in values {
                        let res = try await ExtremeSender.send(
                            client, route, rule, f, who: who, value: value, names: names.sorted())
                        if res.status.code >= 500 {
                            failures.append("\(who.rawValue) \(route.key) = \(value.prefix(20)): \(res.status.code)")
                        }
                        if route.pattern == "/account/password", res.status == .seeOther {
                            client = try await MatrixClient.signIn(app, who)
                            client.session.forwardedFor = address
                        }
                    }
                }
                let health = try await app.sendRequest(.GET, "/healthz")
                XCTAssertEqual(health.status, .ok)
            }
            XCTAssertTrue(failures.isEmpty, "\n" + failures.joined(separator: "\n"))
        }
    }

    func testAScriptPayloadInEveryStoredTextAndEveryQueryParameterNeverReachesAPageUnescaped() async throws {
        try await withApp { app in
            let f = try await MatrixFixtures.build(app)
            let routes = app.routes.all.map(MatrixRoute.init).filter {
                RouteRules.table[$0.key] != nil && $0.method == .GET
            }
            let fields = try await FormCrawler.fieldsByRoute(app, f, routes: routes)
            // Every free text of every table carries the payload, as if typed into every form and sent by the API.
            let columns = try await StoredText.poison(app.db, with: Self.payload)
            XCTAssertGreaterThan(columns, 60, "the payload went into the free-text columns")
            var failures: [String] = []
            var pages = 0
            for who in Who.allCases {
                let client = try await MatrixClient.signIn(app, who)
                for route in routes where !route.isAPI {
                    let rule = RouteRules.table[route.key]!
                    var path = route.path(rule, f, who: who, outside: false)
                    let names = (fields[route.key] ?? []).union(["q", "page"]).sorted()
                    let query = names.map { "\($0)=\(FormEncoding.escape(Self.payload))" }.joined(separator: "&")
                    for url in [path, path + (path.contains("?") ? "&" : "?") + query] {
                        path = url
                        let res = try await client.session.get(url)
                        pages += 1
                        if res.status.code >= 500 {
                            failures.append("\(who.rawValue) GET \(url.prefix(80)): \(res.status.code)")
                        }
                        let type = res.headers.contentType?.description ?? ""
                        guard type.contains("html") else { continue }
                        // The payload itself, not the charts the server draws as SVG.
                        if res.body.string.range(of: "<svg onload", options: .caseInsensitive) != nil {
                            failures.append("\(who.rawValue) GET \(url.prefix(80)): 未转义的 <svg")
                        }
                    }
                }
            }
            XCTAssertGreaterThan(pages, 400)
            XCTAssertTrue(failures.isEmpty, "\n" + failures.joined(separator: "\n"))
        }
    }
}

/// Finds the fields of every form and the query keys of every link on every page, by route.
enum FormCrawler {
    static func fieldsByRoute(_ app: Application, _ f: MatrixFixtures, routes: [MatrixRoute]) async throws -> [String:
        Set<String>]
    {
        var out: [String: Set<String>] = [:]
        let all = app.routes.all.map(MatrixRoute.init)
        for who in [Who.anonymous, .office, .inspector, .school, .admin] {
            let client = try await MatrixClient.signIn(app, who)
            for route in all where route.method == .GET && !route.isAPI {
                guard let rule = RouteRules.table[route.key] else { continue }
                let html = try await client.session.get(route.path(rule, f, who: who, outside: false)).body.string
                for form in forms(in: html) {
                    guard let target = match(form.action, method: form.method, in: all) else { continue }
                    out[target.key, default: []].formUnion(form.names)
                }
                for (path, keys) in links(in: html) {
                    guard let target = match(path, method: .GET, in: all) else { continue }
                    out[target.key, default: []].formUnion(keys)
                }
            }
        }
        return out
    }

    struct Form {
        let method: HTTPMethod
        let action: String
        let names: Set<String>
    }

    static func forms(in html: String) -> [Form] {
        let pattern = #"<form([^>]*)>(.*?)</form>"#
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
            return []
        }
        return re.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { m in
            guard let a = Range(m.range(at: 1), in: html), let b = Range(m.range(at: 2), in: html) else { return nil }
            let attrs = String(html[a])
            let method: HTTPMethod = attrs.contains(#"method="post""#) ? .POST : .GET
            let action = HTML.first(#"action="([^"]*)""#, in: attrs)?.replacingOccurrences(of: "&amp;", with: "&") ?? ""
            let names = Set(all(#"name="([^"]+)""#, in: String(html[b]))).subtracting([CSRFMiddleware.field])
            return Form(method: method, action: String(action.split(separator: "?").first ?? ""), names: names)
        }
    }

    static func links(in html: String) -> [(String, Set<String>)] {
        all(##"href="([^"#]*\?[^"#]*)""##, in: html).map { href in
            let decoded = href.replacingOccurrences(of: "&amp;", with: "&")
            let parts = decoded.split(separator: "?", maxSplits: 1)
            let keys =
                parts.count > 1
                ? parts[1].split(separator: "&").map { String($0.split(separator: "=").first ?? "") } : []
            return (String(parts[0]), Set(keys.filter { !$0.isEmpty }))
        }
    }

    static func all(_ pattern: String, in text: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The route a concrete path belongs to (`/schools/12` → `GET /schools/:id`).
    static func match(_ path: String, method: HTTPMethod, in routes: [MatrixRoute]) -> MatrixRoute? {
        let segments = path.split(separator: "/").map(String.init)
        return routes.first { r in
            guard r.method == method else { return false }
            let pattern = r.pattern.split(separator: "/").map(String.init)
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }
    }
}

/// Sends one route with every parameter and field set to one value.
enum ExtremeSender {
    static let jsonKeys = [
        "schoolId", "date", "start", "end", "kind", "theme", "planId", "summary", "highlights", "className", "subject",
        "teacher", "topic", "comment", "group", "people", "notes", "internalOnly", "category", "severity",
        "disposition",
        "description", "tasks", "methods", "focus", "username", "password",
    ]

    static func send(
        _ client: MatrixClient, _ route: MatrixRoute, _ rule: RouteRule, _ f: MatrixFixtures, who: Who, value: String,
        names: [String]
    ) async throws -> XCTHTTPResponse {
        var path = route.path(rule, f, who: who, outside: false)
        // Every path id gets the value too.
        if route.pattern.contains(":id") {
            path = route.pattern.replacingOccurrences(of: ":id", with: FormEncoding.escape(value))
                .replacingOccurrences(of: ":pid", with: "1").replacingOccurrences(of: ":hash", with: "x")
                .replacingOccurrences(of: ":kind", with: "schools.xlsx")
        }
        let app = client.session.app
        if route.isAPI {
            var h = HTTPHeaders()
            if let token = f.bearer[who] { h.bearerAuthorization = BearerAuthorization(token: token) }
            if let address = client.session.forwardedFor { h.replaceOrAdd(name: "X-Forwarded-For", value: address) }
            let query = names.map { "\($0)=\(FormEncoding.escape(value))" }.joined(separator: "&")
            if route.method == .GET { return try await app.sendRequest(.GET, path + "?" + query, headers: h) }
            h.contentType = .json
            var object: [String: Any] = [:]
            for key in jsonKeys { object[key] = Int(value) ?? value }
            object["memberIds"] = [Int(value) ?? 0]
            object["scores"] = ["preparation": Int(value) ?? 0]
            let body = try JSONSerialization.data(withJSONObject: object)
            return try await app.sendRequest(route.method, path, headers: h, body: ByteBuffer(data: body))
        }
        let pairs = names.map { ($0, value) }
        switch route.method {
        case .GET:
            let query = pairs.map { "\(FormEncoding.escape($0.0))=\(FormEncoding.escape($0.1))" }.joined(separator: "&")
            return try await client.session.get(path + (path.contains("?") ? "&" : "?") + query)
        default:
            if rule.upload { return try await client.session.postMultipart(path, fields: pairs) }
            return try await client.session.post(path, form: pairs)
        }
    }
}

/// Puts a payload into every free-text column of every table.
enum StoredText {
    /// Columns that hold data the code parses (dates, codes, enums, JSON, hashes, paths) keep their value:
    /// the payload goes where people type text.
    static let parsed: Set<String> = [
        "id", "org_path", "path", "status", "state", "kind", "role", "level", "type", "ownership", "gender", "severity",
        "disposition", "channel", "outcome", "escalation", "interview_group", "semester", "visit_date", "start_time",
        "end_time", "planned_date", "deadline", "received_on", "stage_started", "replied_on", "start_date", "end_date",
        "term_start", "term_end", "until", "hash", "photo", "content_type", "files", "checks", "scores", "changes",
        "password_hash", "token_hash", "username", "csrf", "address", "flash", "section_students", "problem_categories",
        "payload", "url", "webhook_url", "last_error", "target", "action", "entity", "link", "source_ip", "sequence",
        "year", "rubric", "holidays", "complaint_limits", "last_login_address", "compliance", "measure", "source",
        "decided_on", "response_files", "term_dates", "document", "answers", "phases", "phase", "tier", "starts_on",
        "ends_on", "school_type", "built_in_key", "audience", "questions", "closes_on", "link_secret", "device_hash",
        "node_scores", "appeal_due", "comments", "published_on", "campaign_rules", "item_code", "section",
    ]

    static func poison(_ db: any Database, with payload: String) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        struct Column: Decodable {
            let table_name: String
            let column_name: String
        }
        let columns: [Column]
        if sql.dialect.name == "sqlite" {
            struct Table: Decodable { let name: String }
            struct Info: Decodable {
                let name: String
                let type: String
            }
            var found: [Column] = []
            for t in try await sql.raw(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            .all(decoding: Table.self) {
                for c in try await sql.raw("PRAGMA table_info(\(ident: t.name))").all(decoding: Info.self)
                where c.type.uppercased() == "TEXT" {
                    found.append(Column(table_name: t.name, column_name: c.name))
                }
            }
            columns = found
        } else {
            columns = try await sql.raw(
                """
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')
                """
            ).all(decoding: Column.self)
        }
        var poisoned = 0
        for c in columns
        where !parsed.contains(c.column_name) && !c.column_name.hasSuffix("_id")
            && !c.column_name.hasSuffix("_at") && !["_fluent_migrations", "write_gate"].contains(c.table_name)
        {
            try await sql.raw(
                "UPDATE \(ident: c.table_name) SET \(ident: c.column_name) = \(ident: c.column_name) || \(bind: payload)"
            )
            .run()
            poisoned += 1
        }
        return poisoned
    }
}
