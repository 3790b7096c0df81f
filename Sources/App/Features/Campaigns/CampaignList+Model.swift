import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 督导任务: the campaigns the account may open, newest first, each with how far its targets have come.
struct CampaignList: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let title: String
        let kind: CampaignKind
        let startsOn: String
        let endsOn: String
        let targets: Int
        let finished: Int
        /// Its district's name, when the account works above its districts (a city's office); else nil.
        let district: String?
        /// The share the city re-checks (市级抽评), 0 for none.
        let recheckPercent: Int
    }

    let page: PageOf<Row>
    let mayCreate: Bool
    /// Whether the account sets the district's campaign rules (its office; not the city's).
    let setsRules: Bool
    /// Whether each row names its district (the account reads the campaigns of the districts below it).
    let namesDistricts: Bool

    /// Whether rows name their district: the account reads several districts', or works above them.
    static func namesDistricts(_ districts: [OrgUnit], scope: Scope) -> Bool {
        districts.count > 1 || districts.contains(where: scope.isAbove)
    }

    static func query(scope: Scope, districts: [OrgUnit], paging: Paging, on db: any Database) async throws
        -> CampaignList
    {
        let campaigns = try await scope.campaignAccess.campaigns(districtIDs: districts.map { $0.id! }, on: db)
            .sort(\.$createdAt, .descending).sort(\.$id, .descending).paginate(paging)
        let ids = campaigns.items.map { $0.id! }
        var counts: [Int: (Int, Int)] = [:]
        let seesAll = [.office, .leader, .admin].contains(scope.principal.role)
        if !seesAll {
            // A team member or a school counts only the targets it may open.
            for id in ids {
                let mine = { scope.campaignAccess.readable(CampaignTarget.query(on: db)).filter(\.$campaignID == id) }
                counts[id] = (try await mine().rowCount(), try await mine().filter(\.$phase == nil).rowCount())
            }
        } else if !ids.isEmpty, let sql = db as? any SQLDatabase {
            struct Count: Decodable {
                let campaign_id: Int
                let total: Int
                let finished: Int
            }
            let rows = try await sql.raw(
                """
                SELECT campaign_id, COUNT(*) AS total, SUM(CASE WHEN phase IS NULL THEN 1 ELSE 0 END) AS finished
                FROM campaign_targets WHERE campaign_id IN (\(binds: ids)) GROUP BY campaign_id
                """
            ).all(decoding: Count.self)
            for r in rows { counts[r.campaign_id] = (r.total, r.finished) }
        }
        let many = namesDistricts(districts, scope: scope)
        let names = Dictionary(uniqueKeysWithValues: districts.map { ($0.id!, $0.name) })
        let rows = campaigns.items.map { c in
            Row(
                id: c.id!, title: c.title, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn,
                targets: counts[c.id!]?.0 ?? 0, finished: counts[c.id!]?.1 ?? 0,
                district: many ? names[c.districtID] : nil, recheckPercent: c.recheckPercent)
        }
        return CampaignList(
            page: PageOf(items: rows, paging: paging, total: campaigns.total),
            mayCreate: scope.principal.mayEditDirectory && !districts.contains(where: scope.isOfficeAbove),
            setsRules: scope.principal.role == .office && !districts.contains(where: scope.isOfficeAbove),
            namesDistricts: many)
    }
}
