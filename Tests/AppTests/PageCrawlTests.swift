import Foundation
import XCTVapor

@testable import App

/// Every page of the route table as every role: its status and title. With `CRAWL_OUT=file` the list is
/// written there, so two builds can be compared page by page (`diff before.txt after.txt`).
final class PageCrawlTests: XCTestCase {
    func testEveryPageAsEveryRoleHasAStatusAndAChineseTitle() async throws {
        try await withApp { app in
            let f = try await MatrixFixtures.build(app)
            let routes = app.routes.all.map(MatrixRoute.init)
                .filter { $0.method == .GET && !$0.isAPI && RouteRules.table[$0.key] != nil }
                .sorted { $0.key < $1.key }
            var lines: [String] = []
            for who in Who.allCases {
                let client = try await MatrixClient.signIn(app, who)
                for route in routes {
                    let path = route.path(RouteRules.table[route.key]!, f, who: who, outside: false)
                    let res = try await client.session.get(path)
                    let title = HTML.first(#"<title>([^<]*)</title>"#, in: res.body.string) ?? "-"
                    lines.append("\(who.rawValue) \(route.pattern) → \(res.status.code) \(title)")
                    XCTAssertLessThan(res.status.code, 500, "\(who.rawValue) \(path)")
                    if res.headers.contentType == .html, res.status == .ok {
                        XCTAssertNotEqual(title, "-", "\(who.rawValue) \(path) has a title")
                    }
                }
            }
            if let out = ProcessInfo.processInfo.environment["CRAWL_OUT"] {
                try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
            }
        }
    }
}
