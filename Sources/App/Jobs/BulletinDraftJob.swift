import DudaoCore
import Fluent

/// Has last month's 督导简报 drafted for every district on the first working day of the month (and any later day
/// it is still missing), so the office starts from a draft. A district with any bulletin of that month, draft or
/// issued, is left alone.
enum BulletinDraftJob {
    static func run(on db: any Database, today: Day) async throws -> Int {
        let month = YearMonth(today).previous
        var drafted = 0
        for district in try await OrgUnit.query(on: db).filter(\.$level == .district).all() {
            let calendar = try await DistrictSettings.forDistrict(district.id!, on: db).workingCalendar
            let firstWorkingDay = calendar.adding(workingDays: 1, to: month.lastDay)
            guard today >= firstWorkingDay else { continue }
            let exists =
                try await Bulletin.query(on: db).filter(\.$districtID == district.id!)
                .filter(\.$period == month.description).count() > 0
            if exists { continue }
            _ = try await BulletinsController.draft(district: district, month: month, today: today, by: "系统", on: db)
            drafted += 1
        }
        return drafted
    }
}
