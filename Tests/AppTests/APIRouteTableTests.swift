import XCTVapor

@testable import App

/// The OpenAPI document is the API's route table: every operation it describes is served at its path and method,
/// with a token unless it says `"security": []`, and nothing else is served under /api.
final class APIRouteTableTests: XCTestCase {
    func testTheServedRoutesAreTheDocumentsOperations() async throws {
        try await withApp(history: false) { app in
            let table = APIRouteTable.document
            let documented = Set(table.operations.map { "\($0.method.rawValue) \(Self.vaporPath($0.path))" })
            let served = Set(
                app.routes.all.filter { $0.path.first == .constant("api") }
                    .map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })

            XCTAssertEqual(served, documented)
            XCTAssertEqual(
                table.operations.filter(\.isPublic).map(\.id).sorted(), ["createToken", "getOpenAPIDocument"])
            for op in table.operations where !op.isPublic && op.method == .GET && !op.path.contains("{") {
                let res = try await app.sendRequest(.GET, op.path)
                XCTAssertEqual(res.status, .unauthorized, "\(op.id) asks for a token")
            }
        }
    }

    func testTheQueryChecksReadTheDocumentsParameters() {
        let table = APIRouteTable.document

        XCTAssertEqual(table.integerQueryNames, ["page", "per", "township", "area", "school", "year"])
        XCTAssertTrue(
            table.queryNames.isSuperset(of: [
                "q", "type", "status", "kind", "duty", "current", "semester", "caption", "severity", "month",
                "standard",
            ]))
        XCTAssertEqual(APIQueryMiddleware.names, table.queryNames)
    }

    func testADocumentAndHandlersThatDisagreeAreRefusedAtStart() async throws {
        let json = #"""
            {"paths": {"/api/v1/a": {"get": {"operationId": "a"}}, "/api/openapi.json": {"get": {"operationId": "doc", "security": []}}}}
            """#
        let table = try APIRouteTable(json: Data(json.utf8))
        let app = try await Application.make(.testing)
        let handlers: [String: APIRouteTable.Handler] = [
            "doc": .init { _ in "{}" }, "b": .init { _ in "{}" },
        ]

        XCTAssertThrowsError(try table.register(open: app, authed: app, handlers: handlers)) { error in
            XCTAssertTrue("\(error)".contains(#"without a handler: ["a"]"#), "\(error)")
            XCTAssertTrue("\(error)".contains(#"without an operation: ["b"]"#), "\(error)")
        }
        XCTAssertTrue(app.routes.all.isEmpty, "nothing registered from a table that disagrees")
        try await app.asyncShutdown()
    }

    static func vaporPath(_ path: String) -> String {
        path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
    }
}
