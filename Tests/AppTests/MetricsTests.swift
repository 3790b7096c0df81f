import DudaoCore
import XCTVapor

@testable import App

/// `/metrics`: requests by route pattern and status with their latency, timer-job runs and the webhook queue, in
/// Prometheus' text format, for the monitoring system's token only.
final class MetricsTests: XCTestCase {
    static let token = "metrics-test-token-0123456789"

    func scrape(_ app: Application, token: String?) async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        return try await app.sendRequest(.GET, "/metrics", headers: headers)
    }

    func testRequestsAndJobsAreCountedByRouteAndTheFiguresGoOnlyToTheToken() async throws {
        try await withApp { app in
            app.config.metricsToken = Self.token
            let office = try await login(app, "office")
            let visits = try await Visit.query(on: app.db).limit(2).all()
            for v in visits { try await office.get("/visits/\(v.id!)") }
            try await office.get("/no-such-page")
            await EscalationJob.tick(app)

            let refused = try await scrape(app, token: nil)
            let wrong = try await scrape(app, token: "metrics-test-token-wrong-value")
            let res = try await scrape(app, token: Self.token)

            XCTAssertEqual(refused.status, .notFound)
            XCTAssertEqual(wrong.status, .notFound)
            XCTAssertEqual(res.status, .ok)
            XCTAssertEqual(res.headers.first(name: .contentType), "text/plain; version=0.0.4; charset=utf-8")
            let text = res.body.string
            XCTAssertTrue(
                text.contains(
                    #"dudao_http_requests_total{method="GET",route="/visits/:id",status="200"} \#(visits.count)"#),
                "one series for every visit page, whatever its id")
            XCTAssertTrue(text.contains(#"dudao_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
            XCTAssertTrue(
                text.contains(#"dudao_http_request_duration_seconds_count{method="GET",route="/visits/:id"}"#))
            XCTAssertTrue(text.contains(#"dudao_http_requests_total{method="GET",route="/metrics",status="404"} 2"#))
            for job in ["escalation", "due_soon", "bulletin_draft", "webhook", "session_sweep"] {
                XCTAssertTrue(text.contains(#"dudao_job_runs_total{job="\#(job)",outcome="ok"} 1"#), job)
            }
            XCTAssertTrue(text.contains("dudao_webhook_queue_length "))
            XCTAssertTrue(text.contains("dudao_http_requests_in_flight 1"), "the scrape itself, the others done")
            XCTAssertTrue(text.contains("dudao_db_pool_connections_max \(app.metrics.poolSize)"))
            XCTAssertGreaterThan(app.metrics.poolSize, 0)
            XCTAssertTrue(text.contains("dudao_db_probe_seconds "))
        }
    }

    func testWithoutATokenARequestThroughTheProxyIsRefused() async throws {
        try await withApp(history: false, clientAddressHeader: "X-Forwarded-For") { app in
            var headers = HTTPHeaders()
            headers.add(name: "X-Forwarded-For", value: "127.0.0.1")

            let res = try await app.sendRequest(.GET, "/metrics", headers: headers)

            XCTAssertEqual(res.status, .notFound)
        }
    }

    func testTheTokenMustBeLongAndWithoutSpaces() {
        XCTAssertThrowsError(try AppConfig.fromEnvironment(["DUDAO_METRICS_TOKEN": "short"])) { error in
            XCTAssertTrue("\(error)".contains("DUDAO_METRICS_TOKEN"))
        }
        XCTAssertEqual(try AppConfig.fromEnvironment(["DUDAO_METRICS_TOKEN": Self.token]).metricsToken, Self.token)
    }
}
