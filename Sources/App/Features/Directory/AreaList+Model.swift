import DudaoCore
import Fluent
import SQLKit

/// 督学责任区: the areas the account may see, active first, with each one's lead and open schools.
struct AreaList: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let name: String
        let lead: String?
        /// Open schools in the area.
        let schools: Int
        let active: Bool
    }

    let rows: [Row]

    /// An area holds about 20 schools at most; more is shown as a warning.
    static let suggestedMaxSchools = 20
    /// A district has a few dozen areas; the list shows at most this many.
    static let maxRows = 500
}

extension AreaList {
    static func query(scope: Scope, on db: any Database) async throws -> AreaList {
        let areas = try await scope.areaAccess.readable(ResponsibilityArea.query(on: db))
            .sort(\.$active, .descending).sort(\.$name).limit(maxRows).all()
        let counts = try await openSchoolCounts(of: areas.compactMap(\.id), on: db)
        let leadByID = try await DirectoryQueries.inspectorNames(of: areas.compactMap(\.leadInspectorID), on: db)
        return AreaList(
            rows: areas.map { a in
                Row(
                    id: a.id!, name: a.name, lead: a.leadInspectorID.flatMap { leadByID[$0] },
                    schools: counts[a.id!] ?? 0,
                    active: a.active)
            })
    }

    /// How many open schools each area holds, counted by the database.
    static func openSchoolCounts(of areaIDs: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !areaIDs.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        struct Count: Decodable {
            let area_id: Int
            let n: Int
        }
        let rows = try await sql.select()
            .column("area_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(School.schema)
            .where("area_id", .in, areaIDs)
            .where(BroadCondition.equals("status", SchoolStatus.open.rawValue, narrowed: true, on: sql))
            .groupBy("area_id")
            .all(decoding: Count.self)
        return Dictionary(rows.map { ($0.area_id, $0.n) }, uniquingKeysWith: +)
    }
}
