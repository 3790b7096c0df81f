import DudaoCore
import Fluent
import SQLKit

/// Reminds before campaign deadlines (`CampaignReminder`): each lead with unfinished targets and each school yet to
/// hand in its 自评 in the days before a campaign ends, each target in its 申辩 before the window closes. A reminder
/// is a notification with its own words; one already sent to the same account for the same page is not sent again,
/// so the job may run every few minutes and on several instances.
enum CampaignReminderJob {
    /// Targets read at a time; every waiting target is looked at on each run, a batch after another.
    static let batch = 500
    /// The furthest a 申辩 deadline can be, in calendar days, when one working day is left (a long holiday).
    static let appealHorizon = 14

    static func run(on db: any Database, today: Day) async throws -> Int {
        var sent = 0
        let ending = try await Campaign.query(on: db).filter(\.$endsOn >= today.description)
            .filter(\.$endsOn <= today.adding(days: CampaignReminder.daysBeforeEnd).description).all()
        for campaign in ending {
            guard let endsOn = Day(parsing: campaign.endsOn), CampaignReminder.endsSoon(endsOn, today: today) else {
                continue
            }
            sent += try await remindLeads(campaign, endsOn: endsOn, on: db)
            if campaign.phases.contains(.selfAssessment) {
                let words = CampaignReminder.selfAssessmentText(title: campaign.title, endsOn: endsOn)
                let waiting = CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!)
                    .filter(\.$phase ~~ [.notice, .selfAssessment]).filter(\.$schoolID != nil)
                sent += try await remindSchools(of: waiting, on: db) { _ in (words, campaign.districtID) }
            }
        }
        sent += try await remindAppeals(today: today, on: db)
        return sent
    }

    static func remindLeads(_ campaign: Campaign, endsOn: Day, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        struct Row: Decodable {
            let lead_user_id: Int
            let n: Int
        }
        let rows = try await sql.raw(
            "SELECT lead_user_id, COUNT(*) AS n FROM campaign_targets WHERE campaign_id = \(bind: campaign.id!) AND phase IS NOT NULL GROUP BY lead_user_id"
        ).all(decoding: Row.self)
        let link = SiteURL.campaign(campaign.id!).path
        let key = CampaignReminder.leadKey(title: campaign.title, endsOn: endsOn)
        // Told once per campaign and lead, whatever the count was then.
        let told = Set(
            try await AppNotification.query(on: db).filter(\.$userID ~~ rows.map(\.lead_user_id))
                .filter(\.$link == link).filter(\.$title =~ key).all(\.$userID))
        var sent = 0
        for row in rows where !told.contains(row.lead_user_id) {
            let text = CampaignReminder.leadText(title: campaign.title, unfinished: row.n, endsOn: endsOn)
            try await Notifier.notify(
                userIDs: [row.lead_user_id], title: text, link: link, districtID: campaign.districtID, on: db)
            sent += 1
        }
        return sent
    }

    /// Targets in their 申辩 whose window closes within a working day.
    static func remindAppeals(today: Day, on db: any Database) async throws -> Int {
        let open = CampaignTarget.query(on: db).filter(\.$phase == .appeal).filter(\.$appeal == "")
            .filter(\.$appealDue >= today.description)
            .filter(\.$appealDue <= today.adding(days: appealHorizon).description).filter(\.$schoolID != nil)
        var campaigns: [Int: (Campaign, WorkingCalendar)?] = [:]
        func campaign(_ id: Int) async throws -> (Campaign, WorkingCalendar)? {
            if let known = campaigns[id] { return known }
            var found: (Campaign, WorkingCalendar)?
            if let c = try await Campaign.find(id, on: db) {
                found = (c, try await DistrictSettings.forDistrict(c.districtID, on: db).workingCalendar)
            }
            campaigns[id] = found
            return found
        }
        return try await remindSchools(of: open, on: db) { t in
            guard let due = Day(parsing: t.appealDue), let (c, calendar) = try await campaign(t.campaignID),
                CampaignReminder.appealClosesSoon(due, today: today, calendar: calendar)
            else { return nil }
            return (CampaignReminder.appealText(title: c.title, due: due), c.districtID)
        }
    }

    /// Reminds the school accounts of every target `targets` finds, with the words `words` gives it (nil: none),
    /// each account once per target page and words: a batch of targets at a time, three queries a batch.
    static func remindSchools(
        of targets: QueryBuilder<CampaignTarget>, on db: any Database,
        words: (CampaignTarget) async throws -> (text: String, districtID: Int)?
    ) async throws -> Int {
        var sent = 0
        var after = 0
        while true {
            let chunk = try await targets.copy().filter(\.$id > after).sort(\.$id).limit(batch).all()
            guard let last = chunk.last?.id else { break }
            after = last
            let users = try await User.query(on: db).filter(\.$schoolID ~~ chunk.compactMap(\.schoolID))
                .filter(\.$active == true).all()
            let accounts = Dictionary(grouping: users.compactMap { u in u.schoolID.map { ($0, u.id!) } }, by: \.0)
            let links = chunk.map { SiteURL.campaignTarget($0.id!).path }
            let told = Set(
                try await AppNotification.query(on: db).filter(\.$link ~~ links).all().map {
                    "\($0.userID) \($0.link) \($0.title)"
                })
            for t in chunk {
                guard let school = t.schoolID, let (text, district) = try await words(t) else { continue }
                let link = SiteURL.campaignTarget(t.id!).path
                let title = String(text.prefix(200))
                let fresh = (accounts[school] ?? []).map(\.1).filter { !told.contains("\($0) \(link) \(title)") }
                guard !fresh.isEmpty else { continue }
                try await Notifier.notify(userIDs: fresh, title: text, link: link, districtID: district, on: db)
                sent += fresh.count
            }
        }
        return sent
    }
}
