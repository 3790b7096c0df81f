import DudaoCore
import Foundation
import Plot

/// A target's 佐证材料: the upload form (when the account may upload now) and, item by item, what is asked for
/// and what has been uploaded. One card per item, so it reads on a phone.
struct CampaignEvidenceView {
    let ctx: PageContext
    let model: CampaignEvidencePage

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let asked = m.items.filter { $0.asked != nil }
        let short = asked.filter(\.isShort)
        return Layout.document(
            "\(m.name) · 佐证材料", ctx,
            [
                .p(.link(SiteURL.campaignTarget(m.targetID).path, "‹ \(m.name)")),
                .h1(.text("\(m.name) · 佐证材料")),
                .p(
                    .class(short.isEmpty ? "hint" : "alert warn"),
                    .text(
                        asked.isEmpty
                            ? "本指标体系没有规定必须上传的材料，可按需要上传。"
                            : short.isEmpty
                                ? "要求上传材料的 \(asked.count) 项已全部上传。"
                                : "要求上传材料的 \(asked.count) 项中，还有 \(short.count) 项不足：\(short.prefix(8).map(\.code).joined(separator: "、"))\(short.count > 8 ? "等" : "")。"
                    )),
                .errorSummary(m.errors),
                m.mayUpload ? uploadForm : .p(.class("hint"), .text(closedText)),
                // Items that ask for evidence or have some; the others are offered in the form only.
                .forEach(m.items.filter { $0.asked != nil || !$0.files.isEmpty }) { item in card(item) },
            ])
    }

    var closedText: String {
        "当前处于「\(model.phase?.label ?? "已完成")」阶段：学校在书面通知和自评阶段上传，督导组在实地督导阶段上传。"
    }

    var uploadForm: Node<HTML.BodyContext> {
        let options = model.items.map { item in
            (item.code, "\(item.code) \(item.title)" + (item.asked.map { "（\($0.text)）" } ?? ""))
        }
        let filesError = model.errors.message(for: "files")
        return .section(
            .class("card"),
            .h2(.text("上传佐证材料")),
            .form(
                .method(.post), .action(SiteURL.campaignTargetPage(model.targetID, "evidence").path),
                .enctype(.multipartData), .csrf(ctx.csrf),
                .selectField(
                    "指标", name: "item", options: options, selected: model.chosen,
                    error: model.errors.message(for: "item"), required: true),
                .p(.class("hint"), .text("下方列出要求上传材料和已有材料的指标；其他指标也可在此选择后上传。")),
                .evidenceField("文件（照片、PDF、Word、Excel 或压缩包，一次最多 10 个，每个不超过 20MB）", error: filesError),
                filesError == nil ? .empty : .p(.class("hint"), .text("请重新选择要上传的文件（浏览器不会保留已选的文件）。")),
                .button(.type(.submit), .class("btn primary"), .text("上传"))))
    }

    func card(_ item: CampaignEvidencePage.Item) -> Node<HTML.BodyContext> {
        .section(
            .class("card" + (item.isShort ? " short" : "")), .id("item-" + item.code),
            .h2(
                .text("\(item.code) \(item.title) "),
                item.asked == nil
                    ? .empty
                    : item.isShort ? .badge("还差 \(item.asked!.count - item.files.count) 份", "warn") : .badge("已齐", "ok")
            ),
            item.asked.map { .p(.class("hint"), .text("要求：" + $0.text)) } ?? .empty,
            item.files.isEmpty
                ? .p(.class("muted"), .text("尚未上传"))
                : .ul(
                    .class("files"),
                    .forEach(item.files) { f in
                        .li(
                            .link(SiteURL.campaignEvidenceFile(model.targetID, f.hash).path, f.name),
                            .span(.class("muted"), .text("（\(size(f.size))，\(Format.date(f.uploadedAt))）")))
                    }))
    }

    func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) : "\(max(1, bytes >> 10)) KB"
    }
}
