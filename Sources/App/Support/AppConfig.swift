import Foundation

/// Configuration, read once from the environment at start-up. A malformed value stops start-up
/// with a message naming the variable.
public struct AppConfig: Sendable {
    public enum DatabaseKind: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(url: String, schema: String?)

        public var name: String {
            if case .postgres = self { return "postgres" }
            return "sqlite"
        }
    }

    public var dataDir: String
    public var database: DatabaseKind
    public var host: String
    public var port: Int
    /// Demo mode: seeded accounts keep their known password and the login page lists them.
    public var demo: Bool
    /// Run the in-process timer jobs (off in tests).
    public var runJobs: Bool
    /// bcrypt cost: 12 in production, low in tests so each test stays fast.
    public var bcryptCost: Int = 12
    /// A signed-in session ends after this long without a request (等保 level 3 expects a short idle limit).
    public var sessionIdleMinutes: Int = 120
    /// API tokens expire after this many days.
    public var apiTokenDays: Int = 30
    /// Mark cookies `Secure` (served over HTTPS). On by default outside demo mode.
    public var secureCookies: Bool = false
    /// The header a trusted reverse proxy puts the client's address in (e.g. `X-Forwarded-For` or
    /// `X-Real-IP`); nil means the socket's peer address is the client.
    public var clientAddressHeader: String? = nil
    /// Keep attachments in the database instead of `DATA_DIR/files`, for several instances on one PostgreSQL.
    public var attachmentsInDatabase = false
    /// The bearer token the monitoring system sends to `/metrics`; nil: only this machine may read it, directly.
    public var metricsToken: String? = nil
    /// How long the dashboard's, the 六个一 summary's and the office home's figures are kept before they are counted
    /// again (0: on every request).
    public var figuresCacheSeconds = 0
    public static let version = "0.1.0"

    public struct Invalid: Error, CustomStringConvertible {
        public let variable: String
        public let reason: String
        public var description: String { "配置错误 \(variable): \(reason)" }
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfig
    {
        let dataDir = env["DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let database: DatabaseKind
        if let url = env["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"),
                URL(string: url)?.host != nil
            else {
                throw Invalid(variable: "DATABASE_URL", reason: "应为 postgres://用户:密码@主机:端口/数据库")
            }
            database = .postgres(url: url, schema: nil)
        } else {
            database = .sqliteFile(dataDir + "/dudao.sqlite")
        }
        let host = env["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        var port = 8080
        if let p = env["PORT"], !p.isEmpty {
            guard let n = Int(p), (1...65535).contains(n) else {
                throw Invalid(variable: "PORT", reason: "应为 1–65535 之间的整数，当前为“\(p)”")
            }
            port = n
        }
        let demoDefault: Bool
        if case .postgres = database { demoDefault = false } else { demoDefault = true }
        let demo = try flag(env, "DUDAO_DEMO", default: demoDefault)
        let jobs = try flag(env, "DUDAO_JOBS", default: true)
        var config = AppConfig(dataDir: dataDir, database: database, host: host, port: port, demo: demo, runJobs: jobs)
        config.sessionIdleMinutes = try number(env, "DUDAO_SESSION_IDLE_MINUTES", default: 120, range: 5...1440)
        config.apiTokenDays = try number(env, "DUDAO_API_TOKEN_DAYS", default: 30, range: 1...365)
        config.secureCookies = try flag(env, "DUDAO_SECURE_COOKIES", default: !demo)
        config.figuresCacheSeconds = try number(env, "DUDAO_FIGURES_CACHE_SECONDS", default: 60, range: 0...3600)
        if let header = env["DUDAO_CLIENT_ADDRESS_HEADER"], !header.isEmpty {
            guard header.count <= 64, header.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else {
                throw Invalid(
                    variable: "DUDAO_CLIENT_ADDRESS_HEADER", reason: "应为一个请求头名称，如 X-Forwarded-For 或 X-Real-IP")
            }
            config.clientAddressHeader = header
        }
        switch env["DUDAO_ATTACHMENTS"] ?? "" {
        case "", "disk": config.attachmentsInDatabase = false
        case "database": config.attachmentsInDatabase = true
        case let other:
            throw Invalid(variable: "DUDAO_ATTACHMENTS", reason: "应为 disk（数据目录，默认）或 database（数据库），当前为“\(other)”")
        }
        if let token = env["DUDAO_METRICS_TOKEN"], !token.isEmpty {
            guard (16...200).contains(token.count), token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw Invalid(variable: "DUDAO_METRICS_TOKEN", reason: "应为 16–200 个字符、不含空格的随机字符串")
            }
            config.metricsToken = token
        }
        return config
    }

    static func number(_ env: [String: String], _ name: String, default value: Int, range: ClosedRange<Int>) throws
        -> Int
    {
        guard let raw = env[name], !raw.isEmpty else { return value }
        guard let n = Int(raw), range.contains(n) else {
            throw Invalid(variable: name, reason: "应为 \(range.lowerBound)–\(range.upperBound) 之间的整数，当前为“\(raw)”")
        }
        return n
    }

    static func flag(_ env: [String: String], _ name: String, default value: Bool) throws -> Bool {
        guard let raw = env[name], !raw.isEmpty else { return value }
        switch raw.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw Invalid(variable: name, reason: "应为 1 或 0，当前为“\(raw)”")
        }
    }

    /// For tests: an in-memory SQLite database, or PostgreSQL in its own schema when TEST_DATABASE_URL is set.
    public static func forTesting(env: [String: String] = ProcessInfo.processInfo.environment) -> AppConfig {
        let database: DatabaseKind
        if let url = env["TEST_DATABASE_URL"], !url.isEmpty {
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            database = .postgres(url: url, schema: schema)
        } else {
            database = .sqliteMemory
        }
        let dir = NSTemporaryDirectory() + "dudao-test-" + UUID().uuidString
        return AppConfig(
            dataDir: dir, database: database, host: "127.0.0.1", port: 0, demo: false, runJobs: false, bcryptCost: 4)
    }
}
