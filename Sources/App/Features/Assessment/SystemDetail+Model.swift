import DudaoCore
import Fluent
import Foundation

/// One indicator system at one version: its tree with each item's scoring rule and points, its versions,
/// and (for a draft) what still keeps it from being published.
struct SystemDetail: Sendable {
    struct Version: Sendable, Equatable {
        let number: Int
        let state: VersionState
        let createdAt: Date
        let publishedAt: Date?
    }

    struct Row: Sendable, Equatable {
        let node: IndicatorNode
        let depth: Int
        let isLeaf: Bool
        /// The points it stands for when everything applies.
        let points: Double
    }

    let id: Int
    let builtIn: Bool
    let version: Version
    let versions: [Version]
    let system: IndicatorSystem
    let rows: [Row]
    let problems: [String]
    let mayEdit: Bool
    var error: String? = nil

    var isDraft: Bool { version.state == .draft }

    static func query(
        template: IndicatorTemplate, number: Int?, mayEdit: Bool, on db: any Database
    ) async throws -> SystemDetail? {
        let versions = try await IndicatorVersion.all(templateID: template.id!, on: db)
        guard let shown = number.map({ n in versions.first { $0.number == n } }) ?? versions.first else { return nil }
        let system = try shown.system()
        // Scored with nothing answered, every scored node still gets its share of the full score.
        let shares = ScoringEngine.score(system, answers: [:]).nodes
        let parents = Set(system.nodes.compactMap(\.parent))
        let value = { (v: IndicatorVersion) in
            Version(number: v.number, state: v.state, createdAt: v.createdAt, publishedAt: v.publishedAt)
        }
        return SystemDetail(
            id: template.id!, builtIn: template.builtInKey != nil, version: value(shown), versions: versions.map(value),
            system: system,
            rows: system.nodes.map {
                Row(
                    node: $0, depth: system.depth(of: $0.code), isLeaf: !parents.contains($0.code),
                    points: shares[$0.code]?.available ?? 0)
            },
            problems: shown.state == .draft ? system.problems() : [], mayEdit: mayEdit)
    }
}
