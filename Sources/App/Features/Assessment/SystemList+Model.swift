import DudaoCore
import Fluent
import Foundation

/// 指标体系: the district's systems, a page at a time, each with its newest version.
struct SystemList: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let name: String
        let kind: TargetKind
        let builtIn: Bool
        let version: Int
        let state: VersionState
        let leafCount: Int
        let updatedAt: Date
    }

    let page: PageOf<Row>
    let mayEdit: Bool

    static func query(districtID: Int, paging: Paging, mayEdit: Bool, on db: any Database) async throws -> SystemList {
        let templates = try await IndicatorTemplate.query(on: db).filter(\.$districtID == districtID)
            .sort(\.$updatedAt, .descending).sort(\.$id).paginate(paging)
        let latest = try await IndicatorVersion.latest(templateIDs: templates.items.map { $0.id! }, on: db)
        let rows = templates.items.map { t in
            Row(
                id: t.id!, name: t.name, kind: t.kind, builtIn: t.builtInKey != nil,
                version: latest[t.id!]?.number ?? 0,
                state: latest[t.id!]?.state ?? .draft, leafCount: latest[t.id!]?.leafCount ?? 0, updatedAt: t.updatedAt)
        }
        return SystemList(page: PageOf(items: rows, paging: paging, total: templates.total), mayEdit: mayEdit)
    }
}
