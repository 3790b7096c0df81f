import Fluent
import Prometheus
import SQLKit
import Vapor

/// Figures for monitoring, served at `/metrics` in Prometheus' text format: requests and their latency by route,
/// timer-job runs and failures with their duration, the webhook queue's length, requests in flight against the
/// database pool's size, and how long a trivial query waits for a connection (those three read when scraped).
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    /// Connections the database pool may open (Fluent does not tell how many are in use).
    let poolSize: Int

    /// PostgreSQL connections per event loop (SQLite has one per loop, the driver's default).
    static let connectionsPerEventLoop = 4

    init(poolSize: Int = 1) {
        self.poolSize = poolSize
    }

    static let latencyBuckets: [Duration] = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000].map {
        .milliseconds($0)
    }

    // The metrics' names and help texts (computed: the library's descriptor type is not Sendable).
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dudao", metricName: "http_requests", unitName: "total",
            helpText: "HTTP requests by route and status")
    }
    static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dudao", metricName: "http_request_duration", unitName: "seconds",
            helpText: "HTTP request latency by route")
    }
    static var jobRuns: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dudao", metricName: "job_runs", unitName: "total", helpText: "Timer job runs by outcome")
    }
    static var jobDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dudao", metricName: "job_duration", unitName: "seconds", helpText: "Timer job run time")
    }
    static var webhookQueue: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dudao", metricName: "webhook_queue", unitName: "length",
            helpText: "Webhook deliveries waiting to be sent")
    }

    static var inFlight: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dudao", metricName: "http_requests_in_flight", helpText: "Requests being answered")
    }
    static var pool: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dudao", metricName: "db_pool_connections", unitName: "max",
            helpText: "Connections the database pool may open")
    }
    static var poolWait: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "dudao", metricName: "db_probe", unitName: "seconds",
            helpText: "Time to get a pooled connection and run SELECT 1, at the last scrape")
    }

    /// One more request being answered (`by: -1` when it is done).
    func requestsInFlight(by change: Double) {
        registry.makeGauge(descriptor: Self.inFlight).increment(by: change)
    }

    /// `route` is the route's pattern ("/visits/:id"), so the labels stay few whatever the ids.
    func request(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(
            descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.latency, labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// `outcome` is ok, failed, or skipped (another instance ran the job in this period); a skipped run has no time.
    func job(_ name: String, outcome: String, duration: Duration?) {
        registry.makeCounter(descriptor: Self.jobRuns, labels: [("job", name), ("outcome", outcome)]).increment()
        guard let duration else { return }
        registry.makeDurationHistogram(
            descriptor: Self.jobDuration, labels: [("job", name)], buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// The text served at `/metrics`, after reading the figures that are counted when scraped.
    func exposition(on db: any Database) async throws -> String {
        let waiting = try await WebhookDelivery.query(on: db).filter(\.$deliveredAt == nil)
            .filter(\.$abandonedAt == nil).count()
        registry.makeGauge(descriptor: Self.webhookQueue).set(Int64(waiting))
        registry.makeGauge(descriptor: Self.pool).set(Int64(poolSize))
        let clock = ContinuousClock()
        let start = clock.now
        if let sql = db as? any SQLDatabase { try await sql.raw("SELECT 1").run() }
        registry.makeGauge(descriptor: Self.poolWait).set((clock.now - start).seconds)
        return registry.emitToString()
    }
}

struct AppMetricsKey: StorageKey { typealias Value = AppMetrics }

extension Application {
    /// Set once by `configure`, before any request or job.
    var metrics: AppMetrics { storage[AppMetricsKey.self] ?? AppMetrics() }

    /// Runs one timer job unless another instance has claimed it for the period of `now` (`JobRuns`), counting its
    /// run, its failure and its time; a failure is logged and recorded, and does not stop the jobs after it.
    func runJob(_ name: String, now: Date, _ body: () async throws -> Void) async {
        let clock = ContinuousClock()
        let start = clock.now
        let run: Int
        do {
            guard let claimed = try await JobRuns.claim(name, now: now, on: db) else {
                metrics.job(name, outcome: "skipped", duration: nil)
                return
            }
            run = claimed
        } catch {
            logger.report(error: error)
            metrics.job(name, outcome: "failed", duration: nil)
            return
        }
        var outcome = JobRuns.Outcome.ok
        do {
            try await body()
        } catch {
            outcome = .failed
            logger.report(error: error)
        }
        do {
            try await JobRuns.finish(run, outcome, now: self.clock.now(), on: db)
        } catch {
            logger.report(error: error)
        }
        metrics.job(name, outcome: outcome.rawValue, duration: clock.now - start)
    }
}

/// Counts every request by its route pattern and times it; outermost, so it sees the response users got.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: AppMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        metrics.requestsInFlight(by: 1)
        defer { metrics.requestsInFlight(by: -1) }
        func record(_ status: UInt) {
            let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
            metrics.request(
                method: request.method.rawValue, route: route, status: status, duration: clock.now - start)
        }
        do {
            let response = try await next.respond(to: request)
            record(response.status.code)
            return response
        } catch {
            record((error as? any AbortError)?.status.code ?? 500)
            throw error
        }
    }
}

/// `/metrics`: for the monitoring system only. With `DUDAO_METRICS_TOKEN` set, a request must bear it; without,
/// only a request from this machine that did not come through the reverse proxy is answered. Anyone else gets 404.
enum MetricsController {
    static func metrics(req: Request) async throws -> Response {
        guard mayRead(req) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let body = try await req.application.metrics.exposition(on: req.db)
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    static func mayRead(_ req: Request) -> Bool {
        let config = req.application.config
        if let token = config.metricsToken {
            return req.headers.bearerAuthorization.map { constantTimeEqual($0.token, token) } ?? false
        }
        if let header = config.clientAddressHeader, req.headers.first(name: header) != nil { return false }
        switch req.peerAddress ?? req.remoteAddress {
        case .v4(let a)?: return a.host == "127.0.0.1"
        case .v6(let a)?: return a.host == "::1"
        default: return false
        }
    }

    /// Compares without stopping at the first difference, so the time taken tells nothing about the token.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
