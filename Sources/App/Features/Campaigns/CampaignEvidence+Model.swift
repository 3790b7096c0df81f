import DudaoCore
import Fluent
import Foundation

/// A target's 佐证材料 page: each item that asks for evidence (or already has some), with what it asks for and
/// the files uploaded, and whether the account may upload now.
struct CampaignEvidencePage: Sendable {
    struct File: Sendable, Equatable {
        let hash: String
        let name: String
        let size: Int
        let uploadedAt: Date
    }

    struct Item: Sendable, Equatable {
        let code: String
        let title: String
        let asked: EvidenceRequirement?
        let files: [File]

        var isShort: Bool { (asked?.count ?? 0) > files.count }
    }

    let targetID: Int
    let name: String
    let campaignTitle: String
    let phase: CampaignPhase?
    let items: [Item]
    let mayUpload: Bool
    var errors: [FieldError] = []
    var chosen: String = ""

    static func query(target t: CampaignTarget, scope: Scope, on db: any Database) async throws
        -> CampaignEvidencePage
    {
        guard let campaign = try await Campaign.find(t.campaignID, on: db),
            let version = try await IndicatorVersion.find(campaign.versionID, on: db)
        else { throw CampaignWork.Refused(message: "督导任务不存在") }
        let system = try version.system()
        // At most 30 files an item: the whole list of one target is small.
        let files = try await CampaignEvidence.query(on: db).filter(\.$targetID == t.id!).sort(\.$id)
            .limit(system.leaves.count * CampaignEvidenceWork.maxPerItem).all()
        let byItem = Dictionary(grouping: files, by: \.itemCode)
        let access = scope.campaignAccess
        let actor = access.actor(
            t, isMember: try await access.isMember(t, on: db), runsProcedure: try await access.runsProcedure(t, on: db))
        return CampaignEvidencePage(
            targetID: t.id!, name: t.name, campaignTitle: campaign.title, phase: t.phase,
            items: system.leaves.filter { $0.evidence != nil || byItem[$0.code] != nil || $0.form != .text }.map {
                leaf in
                Item(
                    code: leaf.code, title: leaf.title, asked: leaf.evidence,
                    files: (byItem[leaf.code] ?? []).map {
                        File(hash: $0.hash, name: $0.name, size: $0.size, uploadedAt: $0.uploadedAt)
                    })
            }, mayUpload: CampaignEvidenceWork.mayUpload(t, actor: actor))
    }
}
