import DudaoCore
import Fluent
import Foundation
import SQLKit

/// A campaign's results: the ranking of scored targets (ties share a place), how many in each grade, how many
/// failed a veto item. Read a page at a time in the database's order, never the whole campaign.
struct CampaignResults: Sendable {
    struct Row: Sendable, Equatable {
        let place: Int
        let id: Int
        let name: String
        let total: Double
        let grade: String?
        let vetoed: Bool
    }

    let id: Int
    let title: String
    let bands: [String]
    let grades: [String: Int]
    let scored: Int
    let targets: Int
    let vetoed: Int
    let page: PageOf<Row>

    static func query(campaign: Campaign, paging: Paging, on db: any Database) async throws -> CampaignResults {
        let scored = CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!).filter(\.$total != nil)
        let page = try await scored.copy().sort(\.$total, .descending).sort(\.$id).paginate(paging)
        let first = page.items.first?.total ?? 0
        let higher = try await scored.copy().filter(\.$total > first + 0.000_000_5).count()
        let places = RankPoints.places(
            sorted: page.items.compactMap(\.total), offset: paging.offset, firstPlace: higher + 1)
        var grades: [String: Int] = [:]
        if let sql = db as? any SQLDatabase {
            struct Count: Decodable {
                let grade: String?
                let n: Int
            }
            for row in try await sql.raw(
                "SELECT grade, COUNT(*) AS n FROM campaign_targets WHERE campaign_id = \(bind: campaign.id!) AND total IS NOT NULL GROUP BY grade"
            ).all(decoding: Count.self) {
                grades[row.grade ?? "—"] = row.n
            }
        }
        let system = try await IndicatorVersion.find(campaign.versionID, on: db)?.system()
        return CampaignResults(
            id: campaign.id!, title: campaign.title, bands: system?.orderedBands.map(\.label) ?? [], grades: grades,
            scored: page.total,
            targets: try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!).count(),
            vetoed: try await scored.copy().filter(\.$vetoed == true).count(),
            page: PageOf(
                items: zip(page.items, places).map { t, place in
                    Row(place: place, id: t.id!, name: t.name, total: t.total ?? 0, grade: t.grade, vetoed: t.vetoed)
                }, paging: paging, total: page.total))
    }
}
