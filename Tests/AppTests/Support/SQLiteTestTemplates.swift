import Foundation
import SQLKit
import Vapor

@testable import App

/// On SQLite each test gets a file of its own, copied from a template migrated and seeded once per test run (one
/// with the demo's history, one without), on a memory-backed disk where there is one (/dev/shm). Copying a file
/// takes milliseconds where migrating and seeding again took more than a second in every test.
actor SQLiteTestTemplates {
    static let shared = SQLiteTestTemplates()

    /// Where the templates and the tests' copies live: memory-backed when the machine has /dev/shm.
    static let folder: String = {
        let shm = "/dev/shm"
        var isFolder: ObjCBool = false
        let base =
            FileManager.default.fileExists(atPath: shm, isDirectory: &isFolder) && isFolder.boolValue
            ? shm + "/" : NSTemporaryDirectory()
        return base + "dudao-tests-\(getpid())"
    }()

    private var templates: [Bool: String] = [:]

    /// A fresh copy of the template for `history`; the caller removes it with `remove(_:)`.
    func copy(history: Bool) async throws -> String {
        let template = try await template(history: history)
        let path = Self.folder + "/" + UUID().uuidString + ".sqlite"
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return path
    }

    nonisolated func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The folders of runs that ended without cleaning up (their process is gone).
    private func removeLeftovers() {
        let parent = (Self.folder as NSString).deletingLastPathComponent
        let mine = (Self.folder as NSString).lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where name.hasPrefix("dudao-tests-") && name != mine {
            guard let pid = Int32(name.dropFirst("dudao-tests-".count)), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }

    private func template(history: Bool) async throws -> String {
        if let path = templates[history] { return path }
        if templates.isEmpty { removeLeftovers() }
        try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
        let path = Self.folder + (history ? "/template-history.sqlite" : "/template-plain.sqlite")
        remove(path)
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        var config = AppConfig.forTesting(env: [:])
        config.database = .sqliteFile(path)
        do {
            try await configure(app, config)
            try await prepareDatabase(app)
            try await DemoSeed.seed(app.db, cost: 4, history: history)
            // Everything into the main file, so a copy of that file is the whole database.
            if let sql = app.db as? any SQLDatabase { try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: config.dataDir)
        templates[history] = path
        return path
    }
}
