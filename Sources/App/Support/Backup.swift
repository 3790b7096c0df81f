import Foundation
import SQLKit
import Vapor

/// `dudao backup` and `dudao restore`: a consistent copy of a running installation and its return into an empty one.
///
/// The database is copied first — SQLite with `VACUUM INTO` (a snapshot taken in one read transaction while the
/// server keeps writing), PostgreSQL with `pg_dump` (one snapshot) — and the attachment store after it. Stored files
/// are named by their content and never change, and a record names a file only after the file is stored, so every
/// file the copied database names is already there when the files are copied.
enum Backup {
    static let sqliteFile = "database.sqlite"
    static let dumpFile = "database.pgdump"
    static let filesDirectory = "files"
    static let manifestFile = "manifest.json"

    /// What a backup holds, written beside it.
    struct Manifest: Codable, Equatable, Sendable {
        var format = 1
        var version: String
        /// "sqlite" or "postgres": a backup restores into the same kind of database.
        var database: String
        var createdAt: Date
        var files: Int
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    // MARK: - Backup

    /// Writes a backup of `app`'s database and attachments into `directory`, which must not exist yet or be empty.
    static func make(app: Application, into directory: String) async throws -> Manifest {
        try prepareEmpty(directory)
        switch app.config.database {
        case .sqliteFile, .sqliteMemory:
            guard let sql = app.db as? any SQLDatabase else { throw Failure(description: "数据库不支持备份") }
            try await sql.raw("VACUUM INTO \(bind: directory + "/" + sqliteFile)").run()
        case .postgres(let url, let schema):
            var arguments = [
                "--format=custom", "--no-owner", "--no-privileges", "--file=" + directory + "/" + dumpFile,
            ]
            if let schema { arguments.append("--schema=" + schema) }
            try run("pg_dump", arguments + [url])
        }
        let files = try copyFiles(from: app.config.dataDir + "/" + filesDirectory, to: directory + "/" + filesDirectory)
        let manifest = Manifest(
            version: AppConfig.version, database: app.config.database.name, createdAt: app.clock.now(), files: files)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: directory + "/" + manifestFile))
        return manifest
    }

    // MARK: - Restore

    /// Restores the backup in `directory` into the empty installation `config` names: no database file (SQLite) or
    /// an empty database (PostgreSQL), and no stored files. Nothing is overwritten.
    static func restore(from directory: String, into config: AppConfig) throws -> Manifest {
        let manifest = try readManifest(directory)
        guard manifest.database == config.database.name else {
            throw Failure(description: "该备份来自 \(manifest.database) 数据库，当前配置的是 \(config.database.name)，不能恢复")
        }
        let files = config.dataDir + "/" + filesDirectory
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: files), !existing.isEmpty {
            throw Failure(description: "数据目录 \(config.dataDir) 中已有附件，只能恢复到空的数据目录")
        }
        try FileManager.default.createDirectory(atPath: config.dataDir, withIntermediateDirectories: true)
        switch config.database {
        case .sqliteFile(let path):
            guard !FileManager.default.fileExists(atPath: path) else {
                throw Failure(description: "数据目录中已有数据库 \(path)，只能恢复到空的数据目录")
            }
            // Copied beside its place, then moved in: a half-copied file never carries the database's name.
            let partial = path + ".restoring"
            try? FileManager.default.removeItem(atPath: partial)
            try FileManager.default.copyItem(atPath: directory + "/" + sqliteFile, toPath: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        case .sqliteMemory:
            throw Failure(description: "内存数据库不能恢复")
        case .postgres(let url, _):
            // One transaction: into a database that is not empty it stops at the first clash and leaves nothing.
            try run(
                "pg_restore",
                ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=" + url]
                    + [directory + "/" + dumpFile])
        }
        _ = try copyFiles(from: directory + "/" + filesDirectory, to: files)
        return manifest
    }

    static func readManifest(_ directory: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: directory + "/" + manifestFile) else {
            throw Failure(description: "\(directory) 不是督导平台的备份（缺少 \(manifestFile)）")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let manifest = try? decoder.decode(Manifest.self, from: data), manifest.format == 1 else {
            throw Failure(description: "\(directory)/\(manifestFile) 无法识别")
        }
        return manifest
    }

    // MARK: - Files and tools

    static func prepareEmpty(_ directory: String) throws {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            throw Failure(description: "备份目录 \(directory) 不是空的")
        }
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Copies the store's files (`ab/abcd…`) that are not in `target` yet; returns how many files `source` holds.
    static func copyFiles(from source: String, to target: String) throws -> Int {
        let fm = FileManager.default
        try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
        guard let shards = try? fm.contentsOfDirectory(atPath: source) else { return 0 }
        var count = 0
        for shard in shards.sorted() {
            guard let names = try? fm.contentsOfDirectory(atPath: source + "/" + shard) else { continue }
            try fm.createDirectory(atPath: target + "/" + shard, withIntermediateDirectories: true)
            for name in names.sorted() where !name.hasPrefix(".") {
                let to = target + "/" + shard + "/" + name
                if !fm.fileExists(atPath: to) { try fm.copyItem(atPath: source + "/" + shard + "/" + name, toPath: to) }
                count += 1
            }
        }
        return count
    }

    /// Runs a PostgreSQL client tool found on PATH or in Debian's versioned directories; its error output becomes
    /// the message when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws {
        guard let path = locate(tool) else { throw Failure(description: "找不到 \(tool)，请安装 PostgreSQL 客户端") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) 失败：" + String(decoding: message, as: UTF8.self).prefix(2000))
        }
    }

    static func locate(_ tool: String) -> String? {
        let fm = FileManager.default
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let debian = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        return (path + debian).map { $0 + "/" + tool }.first { fm.isExecutableFile(atPath: $0) }
    }
}
