import DudaoCore
import Fluent
import Foundation

/// A campaign's progress board: its targets (a page at a time) against its phases, the count in each phase,
/// and who is late (not finished after the campaign's end date).
struct CampaignBoard: Sendable {
    /// A target as the board reads it (its columns, `Row.columns`).
    struct Row: Sendable, Equatable, Decodable {
        static let columns = ["id", "name", "phase", "total", "grade", "vetoed", "recheck", "recheck_total"]
        let id: Int
        let name: String
        let phase: CampaignPhase?
        let total: Double?
        let grade: String?
        let vetoed: Bool
        /// Drawn for the city's re-check, and the city's score once handed in.
        let recheck: Bool
        let recheckTotal: Double?
    }

    /// 市级抽评 of the campaign: its share, when the sample was drawn, how many drawn and re-scored, and
    /// whether the account (an office above the district) draws it now.
    struct Recheck: Sendable, Equatable {
        let percent: Int
        let drawnOn: Day?
        let sampled: Int
        let rechecked: Int
        let mayDraw: Bool
    }

    let id: Int
    let title: String
    let kind: CampaignKind
    let system: String
    let startsOn: String
    let endsOn: String
    let announced: Bool
    let phases: [CampaignPhase]
    /// Targets in each phase (nil: finished), over every target the account may read.
    let counts: [CampaignPhase?: Int]
    let page: PageOf<Row>
    /// The phase the board is filtered to, if any.
    let phase: CampaignPhase?
    let isLate: Bool
    let mayManage: Bool
    /// Whether its results have been published (通报) to the targets.
    let published: Bool
    let recheck: Recheck?

    static func query(
        campaign: Campaign, scope: Scope, paging: Paging, phase: CampaignPhase?, today: Day, on db: any Database
    ) async throws -> CampaignBoard {
        let readable = {
            scope.campaignAccess.readable(CampaignTarget.query(on: db)).filter(\.$campaignID == campaign.id!)
        }
        var counts: [CampaignPhase?: Int] = [:]
        for p in campaign.phases { counts[p] = try await readable().filter(\.$phase == p).rowCount() }
        counts[nil] = try await readable().filter(\.$phase == nil).rowCount()
        var q = readable()
        if let phase { q = q.filter(\.$phase == phase) }
        let targets = try await q.sort(\.$id).paginate(
            paging, total: try await q.copy().rowCount(), as: Row.self, columns: Row.columns)
        let version = try await IndicatorVersion.find(campaign.versionID, on: db)
        let template = try await IndicatorTemplate.find(version?.templateID, on: db)
        var recheck: Recheck? = nil
        if campaign.recheckPercent > 0 {
            let drawn = readable().filter(\.$recheck == true)
            let district = try await OrgUnit.find(campaign.districtID, on: db)
            let drawnOn = Day(parsing: campaign.recheckDrawnOn)
            recheck = Recheck(
                percent: campaign.recheckPercent, drawnOn: drawnOn, sampled: try await drawn.copy().rowCount(),
                rechecked: try await drawn.copy().filter(\.$recheckTotal != nil).rowCount(),
                mayDraw: drawnOn == nil && district.map(scope.isOfficeAbove) == true)
        }
        return CampaignBoard(
            id: campaign.id!, title: campaign.title, kind: campaign.kind,
            system: "\(template?.name ?? "")（第\(version?.number ?? 0)版）", startsOn: campaign.startsOn,
            endsOn: campaign.endsOn, announced: campaign.announced, phases: campaign.phases, counts: counts,
            page: targets, phase: phase,
            isLate: Day(parsing: campaign.endsOn).map { today > $0 } ?? false,
            mayManage: scope.principal.role == .office || scope.principal.role == .admin
                || scope.principal.role == .leader, published: campaign.isPublished, recheck: recheck)
    }
}
