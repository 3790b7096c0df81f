import DudaoCore
import Fluent

/// A responsibility area's page: its lead, its open schools with their responsible inspectors, the audit trail.
struct AreaDetail: Sendable {
    struct SchoolRow: Sendable, Equatable {
        let id: Int
        let name: String
        let type: SchoolType
        /// The current responsible inspector; nil when the school has none (未挂牌).
        let inspector: String?
    }

    let id: Int
    let name: String
    let active: Bool
    let lead: String?
    let note: String
    let schools: [SchoolRow]
    let mayEdit: Bool
    let audit: [AuditTrailEntry]?
}

extension AreaDetail {
    /// The page of area `id`, or 404 when the account may not read it.
    static func query(_ id: Int, scope: Scope, on db: any Database) async throws -> AreaDetail {
        let area = try await scope.areaAccess.load(id, on: db)
        let areaID = try area.requireID()
        let schools = try await School.query(on: db).filter(\.$areaID == areaID)
            .filter(status: .open, narrowed: true).sort(\.$name).all()
        let responsible = try await DirectoryQueries.responsible(of: schools.compactMap(\.id), on: db)
        let lead = try await area.leadInspectorID.asyncMap { try await Inspector.find($0, on: db) } ?? nil
        return AreaDetail(
            id: areaID, name: area.name, active: area.active, lead: lead?.name, note: area.note,
            schools: schools.map {
                SchoolRow(id: $0.id!, name: $0.name, type: $0.type, inspector: responsible[$0.id!]?.name)
            },
            mayEdit: scope.areaAccess.canEdit(area),
            audit: try await AuditTrailEntry.of(entity: "area", id: areaID, scope: scope, on: db))
    }
}
