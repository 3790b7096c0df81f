import Fluent
import SQLKit
import Vapor

enum HealthController {
    struct Health: Content {
        let status: String
        let database: String
        let version: String
    }

    /// Liveness: the process answers, without touching the database. A load balancer or systemd watchdog asks it;
    /// it is also the benchmarks' baseline, the framework's own limit.
    static func livez(req: Request) -> String { "ok" }

    /// Readiness: the process answers and its database too.
    static func healthz(req: Request) async throws -> Response {
        var ok = true
        if let sql = req.db as? any SQLDatabase {
            do { try await sql.raw("SELECT 1").run() } catch { ok = false }
        }
        let res = Response(status: ok ? .ok : .serviceUnavailable)
        try res.content.encode(
            Health(
                status: ok ? "ok" : "error", database: req.application.config.database.name,
                version: AppConfig.version))
        return res
    }
}
