import DudaoCore
import Fluent

/// 督导简报 of a district: the office sees every issue and draft, everyone else the published ones.
struct BulletinList: Sendable {
    struct Item: Sendable {
        let id: Int
        let title: String
        let issue: String
        let period: String
        let state: BulletinState
        let publishedOn: String?
        let isPublic: Bool
    }
    let items: [Item]
    let paging: Paging
    let total: Int
    let mayDraft: Bool
    /// The months a draft may be made for (the last twelve), newest first.
    let months: [YearMonth]

    static func load(district: OrgUnit, office: Bool, paging: Paging, today: Day, on db: any Database) async throws
        -> BulletinList
    {
        var q = Bulletin.query(on: db).filter(\.$districtID == district.id!)
        if !office { q = q.filter(\.$state == .published) }
        let page = try await q.sort(\.$period, .descending).sort(\.$id, .descending).paginate(paging)
        return BulletinList(
            items: page.items.map {
                Item(
                    id: $0.id!, title: $0.title, issue: $0.issueLabel,
                    period: YearMonth(parsing: $0.period)?.label ?? $0.period, state: $0.state,
                    publishedOn: $0.publishedOn, isPublic: $0.publishedPublic)
            }, paging: paging, total: page.total, mayDraft: office,
            months: DashboardFigures.months(endingAt: today, count: 12).reversed())
    }
}

/// One bulletin: its sections, and what the office may do with it now.
struct BulletinPage: Sendable {
    let id: Int
    let title: String
    let issue: String
    let period: String
    let state: BulletinState
    let sections: [BulletinSection]
    let approvedOn: String?
    let publishedOn: String?
    let isPublic: Bool
    let officeName: String
    /// "2026年第2期" of the issue this one corrects.
    let corrects: String?
    let isOffice: Bool
    var errors: [FieldError] = []
    /// What was typed, shown again when refused (field → text).
    var typed: [String: String] = [:]

    var mayEdit: Bool { isOffice && state == .draft }

    static func load(_ b: Bulletin, isOffice: Bool, on db: any Database) async throws -> BulletinPage {
        let settings = try await DistrictSettings.forDistrict(b.districtID, on: db)
        var corrects: String?
        if let id = b.correctsID { corrects = try await Bulletin.find(id, on: db)?.issueLabel }
        return BulletinPage(
            id: b.id!, title: b.title, issue: b.issueLabel, period: YearMonth(parsing: b.period)?.label ?? b.period,
            state: b.state, sections: b.sections, approvedOn: b.approvedOn, publishedOn: b.publishedOn,
            isPublic: b.publishedPublic, officeName: settings.officeName, corrects: corrects, isOffice: isOffice)
    }
}
