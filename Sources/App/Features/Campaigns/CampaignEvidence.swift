import DudaoCore
import Fluent
import SQLKit
import Vapor

/// 佐证材料 of a campaign target, per indicator item: the target uploads before the site visit, the team and the
/// office during it (`CampaignProcedure.mayUploadEvidence`); everyone who reads the target reads its files.
enum CampaignEvidenceWork {
    static let limits = UploadLimits(maxFiles: 10, maxFileBytes: 20 << 20, maxFieldBytes: 16 * 1024)
    /// Files kept per item: more is a sign of a mistake (a whole folder picked), not of evidence.
    static let maxPerItem = 30

    static func mayUpload(_ target: CampaignTarget, actor: CampaignActor?) -> Bool {
        actor.map { CampaignProcedure.mayUploadEvidence(current: target.phase, actor: $0) } ?? false
    }

    /// Files per item of one target, in one grouped query.
    static func counts(targetID: Int, on db: any Database) async throws -> [String: Int] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Count: Decodable {
            let item_code: String
            let n: Int
        }
        let rows = try await sql.raw(
            "SELECT item_code, COUNT(*) AS n FROM campaign_evidence WHERE target_id = \(bind: targetID) GROUP BY item_code"
        ).all(decoding: Count.self)
        return Dictionary(rows.map { ($0.item_code, $0.n) }, uniquingKeysWith: +)
    }

    /// The kind an accepted file counts as against an item's requirement (see `EvidenceRequirement.allowedKinds`).
    static func kind(ofType type: String) -> String {
        switch type {
        case "image/jpeg", "image/webp": "jpg"
        case "image/png": "png"
        case "application/pdf": "pdf"
        case EvidenceKind.types["doc"], EvidenceKind.types["docx"]: "docx"
        case EvidenceKind.types["xls"], EvidenceKind.types["xlsx"]: "xlsx"
        default: "zip"
        }
    }

    static func page(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let target = try await scope.campaignAccess.load(try req.parameters.id(), on: req.db)
        let model = try await CampaignEvidencePage.query(target: target, scope: scope, on: req.db)
        return CampaignEvidenceView(ctx: req.pageContext(), model: model).render()
    }

    static func upload(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let access = scope.campaignAccess
        let target = try await access.load(try req.parameters.id(), on: req.db)
        // Who may upload is decided before a byte of the upload is read.
        guard
            let actor = access.actor(
                target, isMember: try await access.isMember(target, on: req.db),
                runsProcedure: try await access.runsProcedure(target, on: req.db))
        else {
            throw Abort(.forbidden, reason: "只有督导对象和督导组可以上传佐证材料")
        }
        guard mayUpload(target, actor: actor) else {
            throw Abort(.conflict, reason: "当前处于「\(target.phase?.label ?? "已完成")」阶段，您不能上传佐证材料")
        }
        let upload = try await UploadReader.read(req, limits: limits)
        defer { upload.discard() }
        let code = upload.value("item") ?? ""
        var model = try await CampaignEvidencePage.query(target: target, scope: scope, on: req.db)
        var errors: [FieldError] = []
        let item = model.items.first { $0.code == code }
        if item == nil { errors.append(FieldError("item", "请选择要上传材料的指标")) }
        let evidence = EvidenceUpload.check(upload, field: "files[]")
        errors += evidence.errors
        if evidence.accepted.isEmpty, evidence.errors.isEmpty { errors.append(FieldError("files", "请选择要上传的文件")) }
        if let item, let asked = item.asked {
            for f in evidence.accepted where !asked.accepts(kind: kind(ofType: f.type)) {
                errors.append(
                    FieldError("files", "“\(f.file.filename)”不是该项要求的材料类型（\(asked.kinds.joined(separator: "/"))）"))
            }
        }
        if let item, item.files.count + evidence.accepted.count > maxPerItem {
            errors.append(FieldError("files", "每个指标最多 \(maxPerItem) 份材料，该项已有 \(item.files.count) 份"))
        }
        guard errors.isEmpty, let item else {
            model.errors = errors
            model.chosen = code
            return try await CampaignEvidenceView(ctx: req.pageContext(), model: model).render()
                .encodeResponse(for: req)
        }
        // Files are stored only once everything has been checked, so a refused upload leaves none behind.
        let stored = try await evidence.store(in: req.attachments)
        try await req.db.writeTransaction { db in
            for f in stored {
                let e = CampaignEvidence()
                e.targetID = target.id!
                e.itemCode = item.code
                e.hash = f.hash
                e.name = f.name
                e.type = f.type
                e.size = f.size
                e.uploadedBy = scope.principal.userID
                e.uploadedAt = req.now
                try await e.create(on: db)
            }
            try await Audit.record(
                on: db, actor: scope.principal, action: "create", entity: "campaign_target", id: target.id!,
                orgPath: target.orgPath, summary: "\(target.name)：上传 \(item.code) 佐证材料 \(stored.count) 份")
        }
        req.flash("已上传「\(item.code) \(item.title)」的佐证材料 \(stored.count) 份")
        return req.redirect(
            to: SiteURL.campaignTargetPage(target.id!, "evidence").path + "#item-" + UploadReader.escape(item.code))
    }

    static func file(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let target = try await scope.campaignAccess.load(try req.parameters.id(), on: req.db)
        guard
            let e = try await CampaignEvidence.query(on: req.db).filter(\.$targetID == target.id!)
                .filter(\.$hash == (req.parameters.get("hash") ?? "")).first()
        else { throw Abort(.notFound, reason: "文件不存在") }
        return try await req.attachments.response(for: e.file)
    }
}
