import DudaoCore
import Fluent
import NIOCore
import NIOPosix
import Vapor

/// The program: reads the configuration, prepares the database, seeds the demo on first start and serves.
public enum DudaoMain {
    /// Runs Swift concurrency's jobs on NIO's event loops (the ones Vapor serves on): a handler resumes on the loop its
    /// database answered on instead of hopping to the cooperative pool and back for every query (release build,
    /// 20 000 schools, 64 clients: a school's home 654 → 792 req/s, an inspector's 270 → 323, the bare route
    /// 12.5 → 17.1 thousand; wrk). Work that would block a loop goes to the thread pool, as password hashing does
    /// (`req.password.async`). Call first, on the main thread, before anything is asynchronous.
    public static func prepareRuntime() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    public static func run() async throws {
        // The balance computation on a file needs no configuration and no database.
        if CommandLine.arguments.dropFirst().first == "balance" {
            exit(runBalance(Array(CommandLine.arguments.dropFirst(2))))
        }
        let config: AppConfig
        do {
            config = try AppConfig.fromEnvironment()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
        if CommandLine.arguments.dropFirst().first == "restore" {
            exit(runRestore(Array(CommandLine.arguments.dropFirst(2)), config: config))
        }
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            try await configure(app, config)
            app.asyncCommands.use(SeedCommand(), as: "seed")
            app.asyncCommands.use(CampaignBenchCommand(), as: "bench-campaign")
            app.asyncCommands.use(BackupCommand(), as: "backup")
            try await prepareDatabase(app)
            let command = CommandLine.arguments.dropFirst().first ?? "serve"
            if command == "serve" || command.hasPrefix("-") {
                let seeded = try await DemoSeed.seedIfEmpty(
                    app.db, config: config, store: app.attachments, logger: app.logger)
                printBanner(config, seeded: seeded)
            }
            try await app.execute()
            if command == "serve" || command.hasPrefix("-") { await stopServing(app) }
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// After SIGTERM: no new connections, and the requests already begun and a timer round already running finish
    /// before the databases close (Vapor shuts its storage — the databases among it — down in no set order).
    static func stopServing(_ app: Application) async {
        await app.server.shutdown()
        await app.jobTimer?.stop()
    }

    static func runBalance(_ arguments: [String]) -> Int32 {
        let outcome = BalanceCommandLine.run(arguments) { path in
            try Data(contentsOf: URL(fileURLWithPath: path))
        }
        FileHandle.standardOutput.write(outcome.standardOutput)
        FileHandle.standardError.write(Data(outcome.standardError.utf8))
        return outcome.status
    }

    static func printBanner(_ config: AppConfig, seeded: Bool) {
        var lines = [
            "督导 Dudao \(AppConfig.version) — 数据库：\(config.database.name)（\(config.dataDir)）",
            "访问地址：http://\(config.host):\(config.port)",
        ]
        if seeded { lines.append("已生成演示区县数据。") }
        if config.demo {
            lines.append(
                "演示账号（密码均为 \(DemoSeed.password)）：" + DemoSeed.logins.map { "\($0.0)（\($0.1)）" }.joined(separator: "、"))
        }
        print(lines.joined(separator: "\n"))
    }
}
