import DudaoCore
import Fluent
import Foundation
import SQLKit

/// A campaign's results: the ranking of scored targets (ties share a place), how many in each grade, how many
/// failed a veto item, each target's share of every first-level indicator (the heat map), and the same targets'
/// totals in the previous campaign on the same indicator system. Read a page at a time in the database's order,
/// never the whole campaign.
struct CampaignResults: Sendable {
    struct Row: Sendable, Equatable {
        let place: Int
        let id: Int
        let name: String
        let total: Double
        let grade: String?
        let vetoed: Bool
        /// The share earned of each first-level indicator, in `columns` order (nil: not applicable).
        let ratios: [Double?]
        /// Its total in the previous campaign, when it was a target there too.
        let previous: Double?
        /// Its handed-in 自评's score (nil: none, or the campaign has no 自评).
        let selfTotal: Double?
        /// The city's re-check score, when it was drawn and re-scored (市级抽评).
        let recheck: Bool
        let recheckTotal: Double?

        /// The re-check as a table shows it: the city's score and its difference from the county's.
        var recheckCells: [String] {
            guard recheck else { return ["", ""] }
            guard let city = recheckTotal else { return ["待抽评", ""] }
            let delta = CityRecheck.difference(county: total, city: city)
            let text = Score.text(abs(delta))
            return [Score.text(city), text == "0" ? "一致" : (delta > 0 ? "+" : "−") + text]
        }
    }

    struct Column: Sendable, Equatable {
        let code: String
        let title: String
    }

    let id: Int
    let title: String
    let bands: [String]
    let grades: [String: Int]
    let scored: Int
    let targets: Int
    let vetoed: Int
    let columns: [Column]
    let page: PageOf<Row>
    let mean: Double?
    let previousTitle: String?
    let previousMean: Double?
    let publishedOn: Day?
    let publishedPublic: Bool
    /// The share the city re-checks (0: no re-check tier).
    let recheckPercent: Int
    /// Whether its targets assess themselves (then the ranking shows each 自评's score beside the team's).
    let showsSelf: Bool

    static func query(campaign: Campaign, paging: Paging, on db: any Database) async throws -> CampaignResults {
        let scored = CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!).filter(\.$total != nil)
        let page = try await scored.copy().sort(\.$total, .descending).sort(\.$id)
            .paginate(paging, total: try await scored.copy().rowCount(), as: Ranked.self, columns: Ranked.columns)
        let first = page.items.first?.total ?? 0
        let higher = try await scored.copy().filter(\.$total > first + 0.000_000_5).rowCount()
        let places = RankPoints.places(
            sorted: page.items.compactMap(\.total), offset: paging.offset, firstPlace: higher + 1)
        let system = try await IndicatorVersion.find(campaign.versionID, on: db)?.system()
        let columns = (system?.children(of: nil) ?? []).map { Column(code: $0.code, title: $0.title) }
        let previous = try await previousCampaign(of: campaign, on: db)
        var before: [String: Double] = [:]
        var previousMean: Double? = nil
        if let previous {
            before = try await totals(in: previous, sameAs: page.items, on: db)
            previousMean = try await mean(previous.id!, on: db)
        }
        let showsSelf = campaign.phases.contains(.selfAssessment)
        return CampaignResults(
            id: campaign.id!, title: campaign.title, bands: system?.orderedBands.map(\.label) ?? [],
            grades: try await gradeCounts(campaign.id!, on: db), scored: page.total,
            targets: try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!).rowCount(),
            vetoed: try await scored.copy().filter(\.$vetoed == true).rowCount(), columns: columns,
            page: PageOf(
                items: zip(page.items, places).map { t, place in
                    let nodes = NodeResult.results(of: columns.map(\.code), in: t.nodeScores)
                    return Row(
                        place: place, id: t.id, name: t.name, total: t.total ?? 0, grade: t.grade, vetoed: t.vetoed,
                        ratios: columns.map { nodes[$0.code]?.ratio }, previous: before[t.key],
                        selfTotal: t.selfTotal, recheck: t.recheck,
                        recheckTotal: t.recheckTotal)
                }, paging: paging, total: page.total),
            mean: try await mean(campaign.id!, on: db), previousTitle: previous?.title,
            previousMean: previousMean,
            publishedOn: Day(parsing: campaign.publishedOn), publishedPublic: campaign.publishedPublic,
            recheckPercent: campaign.recheckPercent, showsSelf: showsSelf)
    }

    static func gradeCounts(_ campaignID: Int, on db: any Database) async throws -> [String: Int] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Count: Decodable {
            let grade: String?
            let n: Int
        }
        var grades: [String: Int] = [:]
        for row in try await sql.raw(
            "SELECT grade, COUNT(*) AS n FROM campaign_targets WHERE campaign_id = \(bind: campaignID) AND total IS NOT NULL GROUP BY grade"
        ).all(decoding: Count.self) {
            grades[row.grade ?? "—", default: 0] += row.n
        }
        return grades
    }

    static func mean(_ campaignID: Int, on db: any Database) async throws -> Double? {
        guard let sql = db as? any SQLDatabase else { return nil }
        struct Mean: Decodable { let m: Double? }
        return try await sql.raw(
            "SELECT AVG(total) AS m FROM campaign_targets WHERE campaign_id = \(bind: campaignID) AND total IS NOT NULL"
        ).first(decoding: Mean.self)?.m
    }

    /// The latest earlier campaign of the district on the same indicator system (any of its versions) with results.
    static func previousCampaign(of campaign: Campaign, on db: any Database) async throws -> Campaign? {
        guard let version = try await IndicatorVersion.find(campaign.versionID, on: db) else { return nil }
        let versions = try await IndicatorVersion.query(on: db).filter(\.$templateID == version.templateID).all(\.$id)
        let earlier = try await Campaign.query(on: db).filter(\.$districtID == campaign.districtID)
            .filter(\.$versionID ~~ versions).filter(\.$id != campaign.id!).filter(\.$createdAt <= campaign.createdAt)
            .sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(5).all()
        for candidate in earlier where candidate.id! < campaign.id! || candidate.createdAt < campaign.createdAt {
            let scored = try await CampaignTarget.query(on: db).filter(\.$campaignID == candidate.id!)
                .filter(\.$total != nil).rowCount()
            if scored > 0 { return candidate }
        }
        return nil
    }

    /// What the ranking reads of a scored target (its node scores as the stored JSON).
    struct Ranked: Decodable, Sendable {
        static let columns = [
            "id", "school_id", "org_unit_id", "name", "total", "grade", "vetoed", "self_total", "recheck",
            "recheck_total", "node_scores",
        ]
        let id: Int
        let schoolId: Int?
        let orgUnitId: Int?
        let name: String
        let total: Double?
        let grade: String?
        let vetoed: Bool
        let selfTotal: Double?
        let recheck: Bool
        let recheckTotal: Double?
        let nodeScores: String

        var key: String { CampaignResults.key(schoolID: schoolId, orgUnitID: orgUnitId, id: id) }
    }

    /// The previous campaign's totals of the same schools or governments as `targets`.
    static func totals(in previous: Campaign, sameAs targets: [Ranked], on db: any Database) async throws
        -> [String: Double]
    {
        let schools = targets.compactMap(\.schoolId)
        let units = targets.compactMap(\.orgUnitId)
        guard !schools.isEmpty || !units.isEmpty else { return [:] }
        var q = CampaignTarget.query(on: db).filter(\.$campaignID == previous.id!).filter(\.$total != nil)
        if units.isEmpty {
            q = q.filter(\.$schoolID ~~ schools)
        } else if schools.isEmpty {
            q = q.filter(\.$orgUnitID ~~ units)
        } else {
            q = q.group(.or) { $0.filter(\.$schoolID ~~ schools).filter(\.$orgUnitID ~~ units) }
        }
        struct Earlier: Decodable, Sendable {
            let id: Int
            let schoolId: Int?
            let orgUnitId: Int?
            let total: Double?
        }
        let earlier = try await q.rows(Earlier.self, columns: ["id", "school_id", "org_unit_id", "total"])
        return Dictionary(
            earlier.map { (key(schoolID: $0.schoolId, orgUnitID: $0.orgUnitId, id: $0.id), $0.total ?? 0) },
            uniquingKeysWith: { a, _ in a })
    }

    /// A target's identity across campaigns: its school or its government.
    static func key(schoolID: Int?, orgUnitID: Int?, id: Int) -> String {
        schoolID.map { "s\($0)" } ?? orgUnitID.map { "o\($0)" } ?? "t\(id)"
    }
}
