import DudaoCore
import Fluent
import Vapor

/// 工作步骤的材料: the office attaches a step's documents (样本校名单、实施方案、培训记录、回执) and everyone who reads
/// the round downloads them.
enum MonitoringStepFiles {
    static let limits = UploadLimits(maxFiles: 10, maxFileBytes: 20 << 20, maxFieldBytes: 16 * 1024)
    /// Documents kept per step, so that its list stays short.
    static let maxPerStep = 30

    struct Form: Decodable {
        var step: String?
    }

    static func upload(req: Request) async throws -> Response {
        let (scope, round) = try await MonitoringController.load(req)
        let upload = try await UploadReader.read(req, limits: limits)
        defer { upload.discard() }
        let steps = try await MonitoringStep.query(on: req.db).filter(\.$roundID == round.id!).all()
        let step = try upload.decode(Form.self).step.flatMap(Int.init).flatMap { id in steps.first { $0.id == id } }
        let evidence = EvidenceUpload.check(upload, field: "files[]")
        var errors = evidence.errors
        if step == nil { errors.append(FieldError("step", "请选择材料所属的工作步骤")) }
        if errors.isEmpty, evidence.accepted.isEmpty { errors.append(FieldError("files", "请选择要上传的文件")) }
        if let step, step.storedFiles.count + evidence.accepted.count > maxPerStep {
            errors.append(
                FieldError("files", "每个步骤最多保存 \(maxPerStep) 个文件，“\(step.title)”已有 \(step.storedFiles.count) 个"))
        }
        guard let step, errors.isEmpty else {
            var model = try await MonitoringRoundPage.load(round, mayEdit: true, today: req.today, on: req.db)
            model.errors = errors
            return try await MonitoringRoundView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        let stored = try await evidence.store(in: req.attachments)
        try await req.db.transaction { db in
            step.files = try JSONColumn.encode(step.storedFiles + stored)
            try await step.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "upload", entity: "monitoring_steps", id: step.id!,
                orgPath: round.orgPath,
                summary: "上传“\(step.title)”材料：" + stored.map(\.name).joined(separator: "、"))
        }
        req.flash("已上传“\(step.title)”的材料 \(stored.count) 个")
        return req.redirect(to: SiteURL.monitoringRound(round.id!).path)
    }

    static func file(req: Request) async throws -> Response {
        let (_, round) = try await MonitoringController.load(req)
        let hash = req.parameters.get("hash")
        let steps = try await MonitoringStep.query(on: req.db).filter(\.$roundID == round.id!).all()
        guard let file = steps.lazy.flatMap(\.storedFiles).first(where: { $0.hash == hash }) else {
            throw Abort(.notFound, reason: "文件不存在")
        }
        return try await req.attachments.response(for: file)
    }
}
