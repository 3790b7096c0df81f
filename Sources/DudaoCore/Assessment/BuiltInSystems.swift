import Foundation

/// The indicator systems shipped as data files (Assessment/BuiltIn/*.json), loaded into every new district
/// as a starting point the office edits. Each file names its source (a seed line or a rule).
public enum BuiltInSystems {
    public struct Entry: Sendable {
        /// The file's name without extension, e.g. "01-kaixue-shige-daowei": a stable key.
        public let key: String
        public let system: IndicatorSystem
    }

    /// Every built-in system in file order. A file that does not read is a build defect, so it stops loudly.
    public static func all() throws -> [Entry] {
        guard let folder = Bundle.module.url(forResource: "BuiltIn", withExtension: nil) else {
            throw BuiltInError.missingFolder
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { file in
            let system: IndicatorSystem
            do {
                system = try IndicatorSystem.fromJSON(Data(contentsOf: file))
            } catch {
                throw BuiltInError.unreadable(file.lastPathComponent, "\(error)")
            }
            let problems = system.problems()
            guard problems.isEmpty else { throw BuiltInError.invalid(file.lastPathComponent, problems) }
            return Entry(key: file.deletingPathExtension().lastPathComponent, system: system)
        }
    }

    public enum BuiltInError: Error, CustomStringConvertible {
        case missingFolder
        case unreadable(String, String)
        case invalid(String, [String])

        public var description: String {
            switch self {
            case .missingFolder: "内置指标体系目录缺失"
            case .unreadable(let file, let why): "内置指标体系 \(file) 无法读取：\(why)"
            case .invalid(let file, let problems): "内置指标体系 \(file) 有误：\(problems.joined(separator: "；"))"
            }
        }
    }
}
