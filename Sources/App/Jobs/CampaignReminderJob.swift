import DudaoCore
import Fluent
import SQLKit

/// Reminds before campaign deadlines (`CampaignReminder`): each lead with unfinished targets and each school yet to
/// hand in its 自评 in the days before a campaign ends, each target in its 申辩 before the window closes. A reminder
/// is a notification with its own words; one already sent to the same account for the same page is not sent again,
/// so the job may run every few minutes and on several instances.
enum CampaignReminderJob {
    /// Targets looked at per run and campaign: the rest are reminded on the next runs.
    static let batch = 500

    static func run(on db: any Database, today: Day) async throws -> Int {
        var sent = 0
        let ending = try await Campaign.query(on: db).filter(\.$endsOn >= today.description)
            .filter(\.$endsOn <= today.adding(days: CampaignReminder.daysBeforeEnd).description).all()
        for campaign in ending {
            guard let endsOn = Day(parsing: campaign.endsOn), CampaignReminder.endsSoon(endsOn, today: today) else {
                continue
            }
            sent += try await remindLeads(campaign, endsOn: endsOn, on: db)
            sent += try await remindSelfAssessments(campaign, endsOn: endsOn, on: db)
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
        var sent = 0
        for row in rows {
            let text = CampaignReminder.leadText(title: campaign.title, unfinished: row.n, endsOn: endsOn)
            sent += try await once(
                [row.lead_user_id], title: text, link: SiteURL.campaign(campaign.id!).path,
                districtID: campaign.districtID, on: db)
        }
        return sent
    }

    static func remindSelfAssessments(_ campaign: Campaign, endsOn: Day, on db: any Database) async throws -> Int {
        guard campaign.phases.contains(.selfAssessment) else { return 0 }
        let waiting = try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!)
            .filter(\.$phase ~~ [.notice, .selfAssessment]).filter(\.$schoolID != nil).sort(\.$id).limit(batch).all()
        var sent = 0
        for t in waiting {
            sent += try await once(
                try await Notifier.schoolUsers(t.schoolID!, on: db),
                title: CampaignReminder.selfAssessmentText(title: campaign.title, endsOn: endsOn),
                link: SiteURL.campaignTarget(t.id!).path, districtID: campaign.districtID, on: db)
        }
        return sent
    }

    static func remindAppeals(today: Day, on db: any Database) async throws -> Int {
        let open = try await CampaignTarget.query(on: db).filter(\.$phase == .appeal).filter(\.$appeal == "")
            .filter(\.$appealDue >= today.description).filter(\.$schoolID != nil).sort(\.$id).limit(batch).all()
        var sent = 0
        var calendars: [Int: (WorkingCalendar, Campaign)] = [:]
        for t in open {
            guard let due = Day(parsing: t.appealDue) else { continue }
            if calendars[t.campaignID] == nil, let campaign = try await Campaign.find(t.campaignID, on: db) {
                let settings = try await DistrictSettings.forDistrict(campaign.districtID, on: db)
                calendars[t.campaignID] = (settings.workingCalendar, campaign)
            }
            guard let (calendar, campaign) = calendars[t.campaignID],
                CampaignReminder.appealClosesSoon(due, today: today, calendar: calendar)
            else { continue }
            sent += try await once(
                try await Notifier.schoolUsers(t.schoolID!, on: db),
                title: CampaignReminder.appealText(title: campaign.title, due: due),
                link: SiteURL.campaignTarget(t.id!).path, districtID: campaign.districtID, on: db)
        }
        return sent
    }

    /// Notifies the accounts not yet told exactly this about this page; the number newly told.
    static func once(_ users: [Int], title: String, link: String, districtID: Int, on db: any Database) async throws
        -> Int
    {
        guard !users.isEmpty else { return 0 }
        let told = try await AppNotification.query(on: db).filter(\.$userID ~~ users).filter(\.$link == link)
            .filter(\.$title == String(title.prefix(200))).all(\.$userID)
        let fresh = Array(Set(users).subtracting(told)).sorted()
        guard !fresh.isEmpty else { return 0 }
        try await Notifier.notify(userIDs: fresh, title: title, link: link, districtID: districtID, on: db)
        return fresh.count
    }
}
