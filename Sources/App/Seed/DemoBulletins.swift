import DudaoCore
import Fluent

/// The demo's 督导简报: October's issued as 2026年第1期 and made public, November's drafted from the data.
enum DemoBulletins {
    static func seed(_ db: any Database, district: OrgUnit) async throws {
        let october = try await BulletinsController.draft(
            district: district, month: YearMonth(year: 2026, month: 10), today: Day(year: 2026, month: 11, day: 2)!,
            by: "督导室 陈立新", on: db)
        october.year = 2026
        october.number = 1
        october.state = .published
        october.approvedOn = "2026-11-02"
        october.publishedOn = "2026-11-03"
        october.publishedPublic = true
        try await october.save(on: db)
        _ = try await BulletinsController.draft(
            district: district, month: YearMonth(year: 2026, month: 11), today: Day(year: 2026, month: 11, day: 30)!,
            by: "督导室 陈立新", on: db)
    }
}
