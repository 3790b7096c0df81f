import DudaoCore
import Fluent

/// The demo's 督导月报: September and October of the autumn semester, most reported on time and received, two
/// late, one returned for more detail; November is not due yet.
enum DemoReports {
    static func seed(_ db: any Database, district: OrgUnit, inspectors: [Inspector], office: User) async throws {
        let calendar = try await DistrictSettings.forDistrict(district.id!, on: db).workingCalendar
        for month in [YearMonth(year: 2026, month: 9), YearMonth(year: 2026, month: 10)] {
            let due = MonthlyReportRules.due(month, calendar: calendar)
            for (k, inspector) in inspectors.enumerated() {
                // 周明 has not reported October yet; 吴晓梅 reported September four days late.
                if month.month == 10, k == 8 { continue }
                let late = (month.month == 9 && k == 9) || (month.month == 10 && k == 5)
                let returned = month.month == 10 && k == 1
                let r = MonthlyReport()
                r.inspectorID = inspector.id!
                r.districtID = district.id!
                r.orgPath = inspector.orgPath
                r.month = month.description
                r.state = returned ? .returned : (month.month == 10 && k % 3 == 0 ? .submitted : .received)
                r.figuresJSON =
                    returned
                    ? "{}"
                    : try JSONColumn.encode(
                        try await MonthlyReportFigures.count(inspector: inspector.id!, month: month, on: db))
                r.remarks = k % 2 == 0 ? "本月按计划完成责任学校督导，食堂和校园安全仍是整改重点。" : ""
                r.officeComment = returned ? "请补充两所学校整改复查的具体情况。" : ""
                r.handledBy = r.state == .submitted ? "" : "督导室 陈立新"
                r.submittedOn = (late ? due.adding(days: 4) : due.adding(days: -1)).description
                try await r.create(on: db)
            }
        }
    }
}
