import DudaoCore
import Fluent

/// The demo's 2026 质量监测, in progress: the test day on 10 December, the sample drawn and the first two steps
/// done.
enum DemoMonitoring {
    static func seed(_ db: any Database, district: OrgUnit) async throws {
        let testDay = Day(year: 2026, month: 12, day: 10)!
        let round = MonitoringRound()
        (round.districtID, round.orgPath, round.year) = (district.id!, district.path, 2026)
        round.subjects = QualityMonitoring.subjects(2026).joined(separator: "、")
        (round.testDay, round.findings, round.createdBy) = (testDay.description, "", "督导室 陈立新")
        try await round.create(on: db)
        for (k, step) in QualityMonitoring.steps(testDay: testDay).enumerated() {
            let s = MonitoringStep()
            (s.roundID, s.position, s.title, s.due, s.owner) = (
                round.id!, k + 1, step.title, step.due.description, step.owner
            )
            s.doneOn = k < 2 ? step.due.adding(days: -1).description : nil
            s.note = k == 0 ? "名单已报送省监测办" : ""
            s.files = "[]"
            try await s.create(on: db)
        }
        try await MonitoringController.drawSample(round, on: db)
    }
}
