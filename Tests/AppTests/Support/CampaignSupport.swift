import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// A campaign's team in the tests: the demo's 王建华 as lead and two more inspector accounts.
struct Team {
    let lead: User
    let second: User
    let third: User
}

extension XCTestCase {
    /// Two more inspector accounts beside the demo's 王建华 (the lead).
    func team(_ app: Application) async throws -> Team {
        let district = try await app.demoDistrict()
        let hash = try Bcrypt.hash(DemoSeed.password, cost: 4)
        var made: [User] = []
        for (name, display) in [("inspector2", "李秀英"), ("inspector3", "张明")] {
            let u = User(
                username: name, passwordHash: hash, displayName: display, role: .inspector, org: district,
                mustChangePassword: false)
            try await u.save(on: app.db)
            made.append(u)
        }
        return Team(lead: try await app.user("inspector"), second: made[0], third: made[1])
    }

    /// The 开学 system (built-in 01) as published in the demo district.
    func openingVersion(_ app: Application) async throws -> IndicatorVersion {
        let district = try await app.demoDistrict()
        let template = try await IndicatorTemplate.query(on: app.db).filter(\.$districtID == district.id!)
            .filter(\.$builtInKey == "01-kaixue-shige-daowei").first()!
        return try await IndicatorVersion.all(templateID: template.id!, on: app.db).first!
    }

    func campaignForm(
        _ version: IndicatorVersion, _ team: Team, members: [User], township: Int, kind: String = "comprehensive"
    )
        -> [(String, String)]
    {
        [
            ("title", "2026年秋季开学综合督导"), ("kind", kind), ("version", String(version.id!)),
            ("startsOn", "2026-11-01"), ("endsOn", "2026-12-31"), ("announced", "on"),
            ("targetKind", "school"), ("lead", String(team.lead.id!)), ("townships[]", String(township)),
        ] + members.map { ("members[]", String($0.id!)) }
    }

    /// A special campaign over school 1's township named `title`, with the given totals (and a first-level share)
    /// set on its targets in id order.
    func scoredCampaign(_ app: Application, _ team: Team, title: String, totals: [Double]) async throws -> Campaign {
        let office = try await login(app, "office")
        try await office.get("/campaigns/new")
        let form = replacing(
            campaignForm(
                try await openingVersion(app), team, members: [], township: try await app.school(1).townshipID,
                kind: "special"), "title", with: title)
        _ = try await office.post("/campaigns", form: form)
        let campaign = try await Campaign.query(on: app.db).filter(\.$title == title).first()!
        let targets = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == campaign.id!).sort(\.$id)
            .all()
        for (target, total) in zip(targets, totals) {
            target.total = total
            target.grade = total >= 90 ? "优秀" : "良好"
            target.nodeScoresJSON = try JSONColumn.encode(["1": NodeResult(ratio: total / 100, available: 10)])
            try await target.save(on: app.db)
        }
        return campaign
    }
}
