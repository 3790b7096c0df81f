import DudaoCore
import Fluent

/// Reminds the district's office of each 质量监测 step not done within three days of its date, once per step.
enum MonitoringReminderJob {
    static let within = 3

    static func run(on db: any Database, today: Day) async throws -> Int {
        let steps = try await MonitoringStep.query(on: db).filter(\.$doneOn == nil)
            .filter(\.$due >= today.description).filter(\.$due <= today.adding(days: within).description).all()
        var sent = 0
        for step in steps {
            guard let round = try await MonitoringRound.find(step.roundID, on: db), let due = Day(parsing: step.due)
            else { continue }
            let link = SiteURL.monitoringRound(round.id!).path
            let title = "质量监测“\(step.title)”将于\(due.chinese)到期"
            let office = try await User.query(on: db).filter(\.$role == .office)
                .inSubtree(\.$orgPath, round.orgPath).all().compactMap(\.id)
            let told = Set(
                try await AppNotification.query(on: db).filter(\.$userID ~~ office).filter(\.$link == link)
                    .filter(\.$title == title).all(\.$userID))
            let waiting = office.filter { !told.contains($0) }
            guard !waiting.isEmpty else { continue }
            try await Notifier.notify(userIDs: waiting, title: title, link: link, districtID: round.districtID, on: db)
            sent += waiting.count
        }
        return sent
    }
}
