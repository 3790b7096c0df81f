import DudaoCore
import Fluent
import SQLKit
import Vapor

/// 市级抽评: once the county has scored every target of an assessment, the city's office draws its share of
/// the targets at random and re-scores them (the rating form's `recheck` sheet); the county's and the city's scores
/// are kept side by side. The rules are `CityRecheck`'s.
enum CampaignRecheck {
    static func draw(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let campaign = try await CampaignsController.campaign(req, scope)
        guard let district = try await OrgUnit.find(campaign.districtID, on: req.db), scope.isOfficeAbove(district)
        else { throw Abort(.forbidden, reason: "只有上级（市级）督导室可以抽取抽评对象") }
        do {
            let drawn = try await drawSample(
                campaign, district: district, by: scope.principal, today: req.today, now: req.now, on: req.db)
            req.flash("已随机抽取 \(drawn) 个对象进行市级抽评")
        } catch let refused as CampaignWork.Refused {
            req.flash(refused.message)
        }
        return req.redirect(to: SiteURL.campaign(campaign.id!).path)
    }

    /// Draws the campaign's sample in one transaction, audited; the number drawn. Refused (CityRecheck's reasons)
    /// when the campaign has no 抽评, has been drawn, or has targets the county has not scored.
    static func drawSample(
        _ campaign: Campaign, district: OrgUnit, by principal: Principal, today: Day, now: Date, on db: any Database
    ) async throws -> Int {
        try await db.writeTransaction { db in
            // Re-read under the write lock: a second tap finds the sample drawn.
            guard let current = try await Campaign.find(campaign.id, on: db) else { throw Abort(.notFound) }
            let targets = CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!)
            if let refusal = CityRecheck.drawRefusal(
                percent: current.recheckPercent, drawnOn: Day(parsing: current.recheckDrawnOn),
                unscored: try await targets.copy().filter(\.$total == nil).rowCount())
            {
                throw CampaignWork.Refused(message: refusal)
            }
            // The system's generator: no one can tell the sample in advance.
            var generator = SystemRandomNumberGenerator()
            let sample = CityRecheck.draw(
                try await targets.copy().all(\.$id), percent: current.recheckPercent, using: &generator)
            for chunk in sample.chunked(500) {
                try await CampaignTarget.query(on: db).filter(\.$id ~~ chunk).set(\.$recheck, to: true)
                    .set(\.$updatedAt, to: now).update()
            }
            current.recheckDrawnOn = today.description
            try await current.save(on: db)
            try await Audit.record(
                on: db, actor: principal, action: "update", entity: "campaign", id: current.id!, orgPath: district.path,
                summary: "「\(current.title)」抽取市级抽评对象 \(sample.count) 个（\(current.recheckPercent)%）")
            return sample.count
        }
    }
}
