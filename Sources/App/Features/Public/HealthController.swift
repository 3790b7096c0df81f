import Fluent
import SQLKit
import Vapor

enum HealthController {
    struct Health: Content {
        let status: String
        let database: String
        let version: String
    }

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
