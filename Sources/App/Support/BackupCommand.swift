import Foundation
import Vapor

/// `dudao backup [--to DIR]`: a consistent copy of the database and the attachments while the server runs.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "备份目录（默认 DATA_DIR/backups/日期-时间），须不存在或为空")
        var to: String?
    }

    var help: String { "备份数据库和附件（服务运行时也可备份）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let directory = signature.to ?? app.config.dataDir + "/backups/" + formatter.string(from: app.clock.now())
        do {
            let manifest = try await Backup.make(app: app, into: directory)
            let files = app.config.attachmentsInDatabase ? "附件在数据库中，已随数据库备份" : "附件 \(manifest.files) 个"
            context.console.print("已备份到 \(directory)（\(manifest.database) 数据库，\(files)）")
        } catch let failure as Backup.Failure {
            context.console.error(failure.description)
            throw failure
        }
    }
}

extension DudaoMain {
    /// `dudao restore --from DIR`: before anything opens the database, a backup goes into the empty installation the
    /// environment names (DATA_DIR, DATABASE_URL). Exit status 0, or 2 with the reason.
    static func runRestore(_ arguments: [String], config: AppConfig) -> Int32 {
        guard arguments.count == 2, arguments[0] == "--from" else {
            FileHandle.standardError.write(Data("用法：dudao restore --from 备份目录\n".utf8))
            return 2
        }
        do {
            let manifest = try Backup.restore(from: arguments[1], into: config)
            print(
                "已从 \(arguments[1]) 恢复（\(manifest.database) 数据库，附件 \(manifest.files) 个，备份于 \(Format.date(manifest.createdAt))）"
            )
            return 0
        } catch {
            FileHandle.standardError.write(Data("恢复失败：\(error)\n".utf8))
            return 2
        }
    }
}
