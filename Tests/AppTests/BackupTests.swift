import DudaoCore
import Fluent
import Foundation
import SQLKit
import XCTVapor

@testable import App

/// `dudao backup` / `dudao restore`: a backup taken while the application is open restores into an empty
/// installation with every record and every stored file; nothing is ever restored over existing data.
final class BackupTests: XCTestCase {
    static let tables = [
        "org_units", "schools", "inspectors", "users", "visits", "problems", "audit_events", "campaigns",
    ]

    func counts(_ db: any Database) async throws -> [String: Int] {
        struct Count: Decodable { let n: Int }
        let sql = try XCTUnwrap(db as? any SQLDatabase)
        var out: [String: Int] = [:]
        for table in Self.tables {
            out[table] = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: Count.self)?.n
        }
        return out
    }

    func testABackupRestoresIntoAnEmptyInstallationWithEveryRecordAndFileAndNeverOverData() async throws {
        try await withApp(fileDatabase: true) { app in
            let report = Data("整改报告（第二次复查）".utf8)
            let hash = try await app.attachments.put(report)
            let directory = NSTemporaryDirectory() + "dudao-backup-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: directory) }

            let manifest = try await Backup.make(app: app, into: directory)
            let before = try await counts(app.db)

            XCTAssertEqual(manifest.database, app.config.database.name)
            XCTAssertGreaterThanOrEqual(manifest.files, 1)
            XCTAssertEqual(manifest.createdAt, TestClock.now)
            do {
                _ = try await Backup.make(app: app, into: directory)
                XCTFail("a backup never writes into a directory that holds one")
            } catch let failure as Backup.Failure {
                XCTAssertTrue(failure.description.contains("不是空的"))
            }

            var target = AppConfig.forTesting()
            var emptyDatabase: String?
            switch app.config.database {
            case .postgres:
                let empty = try await PostgresTestDatabases.shared.makeEmpty(
                    baseURL: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]!)
                target.database = .postgres(url: empty.url, schema: nil)
                emptyDatabase = empty.name
            default:
                target.database = .sqliteFile(target.dataDir + "/dudao.sqlite")
            }
            let restoredManifest = try Backup.restore(from: directory, into: target)
            let restored = try await Application.make(.testing)
            restored.logger.logLevel = .warning
            do {
                try await configure(restored, target)
                let after = try await counts(restored.db)
                XCTAssertEqual(restoredManifest, manifest)
                XCTAssertEqual(after, before, "every record")
                let file = try await restored.attachments.get(hash)
                XCTAssertEqual(file, report, "every stored file")
                let again = try await School.query(on: restored.db).count()
                XCTAssertGreaterThan(again, 0)
            } catch {
                try? await restored.asyncShutdown()
                throw error
            }
            try await restored.asyncShutdown()

            XCTAssertThrowsError(try Backup.restore(from: directory, into: target), "not over existing data") { error in
                XCTAssertTrue("\(error)".contains("只能恢复到空的数据目录"))
            }
            let unchanged = try await School.query(on: app.db).count()
            XCTAssertEqual(unchanged, before["schools"])
            try? FileManager.default.removeItem(atPath: target.dataDir)
            if let emptyDatabase { try await PostgresTestDatabases.shared.drop(emptyDatabase) }
        }
    }

    func testAFolderThatIsNotABackupOrOfTheOtherDatabaseIsRefusedClearly() throws {
        let directory = NSTemporaryDirectory() + "dudao-notbackup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var target = AppConfig.forTesting()
        target.database = .sqliteFile(target.dataDir + "/dudao.sqlite")

        XCTAssertThrowsError(try Backup.restore(from: directory, into: target)) { error in
            XCTAssertTrue("\(error)".contains("不是督导平台的备份"))
        }
        let manifest = Backup.Manifest(version: "0.1.0", database: "postgres", createdAt: TestClock.now, files: 0)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: directory + "/" + Backup.manifestFile))
        XCTAssertThrowsError(try Backup.restore(from: directory, into: target)) { error in
            XCTAssertTrue("\(error)".contains("该备份来自 postgres 数据库，当前配置的是 sqlite"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.dataDir + "/dudao.sqlite"), "nothing written")
    }
}
