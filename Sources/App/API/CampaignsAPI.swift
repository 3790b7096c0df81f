import DudaoCore
import Fluent
import Foundation
import Vapor

/// 督导任务, their results (each target's phase, unrounded total, grade and 督导意见书) and the district's 均衡发展
/// statistics, for a provincial platform or a BI tool: campaigns as the campaign list shows them to the account,
/// results and statistics for the office, leaders and admin only (as the results and balance pages).
enum CampaignsAPI {
    static let handlers: [String: APIRouteTable.Handler] = [
        "listCampaigns": .init(campaigns),
        "listCampaignResults": .init(results),
        "getBalance": .init(balance),
    ]

    // MARK: - 督导任务

    struct CampaignDTO: Content {
        let id: Int
        let kind: String
        let kindLabel: String
        let title: String
        let versionId: Int
        let phases: [String]
        let startsOn: String
        let endsOn: String
        let announced: Bool
        /// The day its results were published (通报); absent before.
        let publishedOn: String?
        let publishedPublic: Bool
        /// 市级抽评: the share (per cent) of targets the city re-scores; 0 for none.
        let recheckPercent: Int
        let createdAt: Date
        let updatedAt: Date?

        init(_ c: Campaign) {
            id = c.id!
            kind = c.kind.rawValue
            kindLabel = c.kind.label
            title = c.title
            versionId = c.versionID
            phases = c.phases.map(\.rawValue)
            startsOn = c.startsOn
            endsOn = c.endsOn
            announced = c.announced
            publishedOn = c.isPublished ? c.publishedOn : nil
            publishedPublic = c.publishedPublic
            recheckPercent = c.recheckPercent
            createdAt = c.createdAt
            updatedAt = c.updatedAt
        }
    }

    static func campaigns(req: Request) async throws -> APIController.PageOf<CampaignDTO> {
        let scope = try await Scope.of(req)
        let kind = try APIQuery.choice(req, "kind", as: CampaignKind.self, label: "督导类型")
        let districts = try await scope.campaignDistrictIDs(on: req.db)
        var q = scope.campaignAccess.campaigns(districtIDs: districts, on: req.db)
        if let kind { q = q.filter(\.$kind == kind) }
        return try await SyncAPI.page(q, req) { rows in rows.map(CampaignDTO.init) }
    }

    // MARK: - 督导结果

    struct ResultDTO: Content {
        let id: Int
        let campaignId: Int
        let name: String
        let schoolId: Int?
        /// A township or the county, when the target is a government (督政).
        let orgUnitId: Int?
        let schoolType: String?
        /// The phase it is in; absent once every phase is done.
        let phase: String?
        let phaseLabel: String
        /// The team's score, unrounded; absent until the lead fixes it.
        let total: Double?
        let grade: String?
        let vetoed: Bool
        let opinionNumber: String?
        let opinion: String
        /// The 自评's score once handed in (unrounded).
        let selfTotal: Double?
        /// Drawn for the city's re-check, and the city's score once handed in (unrounded).
        let recheck: Bool
        let recheckTotal: Double?
        let recheckGrade: String?
        let updatedAt: Date

        init(_ t: CampaignTarget) {
            id = t.id!
            campaignId = t.campaignID
            name = t.name
            schoolId = t.schoolID
            orgUnitId = t.orgUnitID
            schoolType = t.schoolType
            phase = t.phase?.rawValue
            phaseLabel = t.phase?.label ?? "已完成"
            total = CampaignsAPI.finite(t.total)
            grade = t.grade
            vetoed = t.vetoed
            opinionNumber = t.opinionNumber
            opinion = t.opinion
            selfTotal = CampaignsAPI.finite(t.selfTotal)
            recheck = t.recheck
            recheckTotal = CampaignsAPI.finite(t.recheckTotal)
            recheckGrade = t.recheckGrade
            updatedAt = t.updatedAt
        }
    }

    static func results(req: Request) async throws -> APIController.PageOf<ResultDTO> {
        let scope = try await Scope.of(req)
        try scope.requireAPIRole(.directoryReaders, "只有督导室、领导和管理员账号可以查看督导结果")
        let districts = try await scope.campaignDistrictIDs(on: req.db)
        guard
            let campaign = try await scope.campaignAccess.campaigns(districtIDs: districts, on: req.db)
                .filter(\.$id == req.parameters.id()).first()
        else { throw APIError(status: .notFound, code: "not_found", message: "未找到该督导任务，或您无权查看") }
        let q = scope.campaignAccess.readable(CampaignTarget.query(on: req.db)).filter(\.$campaignID == campaign.id!)
        return try await SyncAPI.page(q, req) { rows in rows.map(ResultDTO.init) }
    }

    // MARK: - 均衡发展

    struct CoefficientDTO: Content {
        let indicator: String
        let label: String
        /// The county value, the weighted standard deviation and the coefficient of variation, unrounded.
        let countyValue: Double?
        let deviation: Double?
        let cv: Double?
        let line: Double?
        let passes: Bool?
    }

    struct SectionDTO: Content {
        let section: String
        let sectionLabel: String
        let schools: Int
        let students: Int
        let line: Double
        /// 2012: the mean of the eight coefficients; absent under 2017.
        let compositeCV: Double?
        let passes: Bool
        let coefficients: [CoefficientDTO]
    }

    struct BalanceDTO: Content {
        let year: Int
        let years: [Int]
        let standard: String
        let standardLabel: String
        /// Open schools that file a return, and the returns by state.
        let filing: Int
        let returns: [String: Int]
        let sections: [SectionDTO]
    }

    /// A JSON number, or nothing for a value that is not one (never an encoding failure).
    static func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

    static func balance(req: Request) async throws -> BalanceDTO {
        let scope = try await Scope.of(req)
        try scope.requireAPIRole(.directoryReaders, "只有督导室、领导和管理员账号可以查看均衡发展统计")
        // The page reads an empty standard as the default; the API refuses what the document does not allow.
        try APIQuery.oneOf(req, "standard", BalanceStandard.allCases.map(\.rawValue), label: "评估标准")
        let district = try await scope.district(on: req.db)
        let (year, years) = try await BalanceData.year(req, district: district.id!)
        // Counted for each call, not kept: an integration reads what was saved before it asked.
        let model = try await BalanceOverview.load(
            district: district.id!, year: year, standard: try BalanceData.standard(req), on: req.db)
        let sections = model.current.sections.map { s in
            SectionDTO(
                section: s.section.rawValue, sectionLabel: s.section.label, schools: s.rows.count,
                students: s.students, line: s.line, compositeCV: finite(s.compositeCV), passes: s.passes,
                coefficients: s.coefficients.map { c in
                    CoefficientDTO(
                        indicator: c.indicator.rawValue, label: c.indicator.label, countyValue: finite(c.countyValue),
                        deviation: finite(c.deviation), cv: finite(c.cv), line: c.line, passes: c.passes)
                })
        }
        return BalanceDTO(
            year: year, years: years, standard: model.standard.rawValue, standardLabel: model.standard.label,
            filing: model.filing,
            returns: Dictionary(uniqueKeysWithValues: model.states.map { ($0.key.rawValue, $0.value) }),
            sections: sections)
    }
}
