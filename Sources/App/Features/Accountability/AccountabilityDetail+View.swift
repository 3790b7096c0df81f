import DudaoCore
import Plot

/// 问责决定 as a page: the decision, its window, the 申辩 and the outcome, with the target's response form
/// and the office's outcome form.
struct AccountabilityDetailView {
    let ctx: PageContext
    let model: AccountabilityDetail

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let d = model
        return Layout.document(
            "问责决定 \(d.documentNumber)", ctx,
            [
                .h1(.text("问责决定"), .badge(d.state.label, d.state.isFinal ? "" : "warn")),
                .errorSummary(d.errors),
                .section(
                    .class("card"),
                    .facts([
                        ("文号", d.documentNumber), ("决定日期", d.decidedOn?.chinese ?? ""),
                        ("问责对象", "\(d.targetName)（\(d.target.label)）"), ("问责方式", d.measure.label),
                        ("申辩期限", d.appealUntil.map { "截至\($0.chinese)（\(Accountability.appealDays)日）" } ?? ""),
                    ]),
                    d.aggravating
                        ? .p(
                            .class("field-error"),
                            .text("本年度已对该对象问责\(d.earlierThisYear)次，依问责办法属从重情节。")) : .empty,
                    .h2(.text("问责事由")),
                    .p(.class("prewrap"), .text(d.reason)),
                    d.sourcePath.map { .p(.link($0, "事项：" + (d.sourceLabel ?? ""))) } ?? .empty,
                    .div(
                        .class("actions"),
                        .button(SiteURL.accountabilityPrint(d.id).path, "打印决定书", style: "secondary"))),
                response,
                d.mayRespond ? responseForm : .empty,
                d.responseRefusal.map { .p(.class("hint"), .text($0)) } ?? .empty,
                d.outcomes.isEmpty ? .empty : outcomeForm,
            ])
    }

    var response: Node<HTML.BodyContext> {
        let d = model
        guard !d.response.isEmpty || !d.outcomeComment.isEmpty else { return .empty }
        return .section(
            .class("card"),
            d.response.isEmpty
                ? .empty
                : .group(
                    .h2(.text("申辩（\(Format.date(d.respondedAt))）")),
                    .p(.class("prewrap"), .text(d.response)),
                    .ul(.forEach(d.responseFiles) { f in .li(.link(f.path, f.name)) })),
            d.outcomeComment.isEmpty
                ? .empty
                : .group(.h2(.text("处理结果：\(d.state.label)")), .p(.class("prewrap"), .text(d.outcomeComment))))
    }

    var responseForm: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("提出申辩")),
            .p(.class("hint"), .text("请于\(model.appealUntil?.chinese ?? "")（含当日）前提交，只能提交一次。")),
            .form(
                .method(.post), .action(SiteURL.accountabilityRespond(model.id).path), .enctype(.multipartData),
                .csrf(ctx.csrf),
                .textareaField(
                    "申辩理由", name: "response", value: model.typed["response"] ?? "",
                    error: model.errors.message(for: "response"), rows: 6, required: true, limit: 5000),
                model.typed["response"] == nil
                    ? .empty : .p(.class("hint"), .text("文字已保留；如有证据材料，请重新选择（浏览器不会保留已选的文件）。")),
                .evidenceField(
                    "证据材料（照片、PDF、Word、Excel 或压缩包，最多10个，每个不超过10MB）", error: model.errors.message(for: "files")),
                .button(.type(.submit), .class("btn primary"), .text("提交申辩"))))
    }

    var outcomeForm: Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.accountabilityOutcome(model.id).path), .class("card"),
            .csrf(ctx.csrf),
            .h2(.text("处理结果")),
            .selectField(
                "处理", name: "outcome", options: model.outcomes.map { ($0.rawValue, $0.label) },
                selected: model.typed["outcome"] ?? "",
                error: model.errors.message(for: "outcome"), required: true),
            .selectField(
                "变更后的问责方式（仅“变更”时填）", name: "measure",
                options: AccountabilityMeasure.measures(for: model.target).map { ($0.rawValue, $0.label) },
                selected: model.typed["measure"] ?? "",
                error: model.errors.message(for: "measure"), blank: "不变更"),
            .textareaField(
                "理由（变更或撤销时必填）", name: "comment", value: model.typed["comment"] ?? "",
                error: model.errors.message(for: "comment"), rows: 3, limit: 2000),
            .button(.type(.submit), .class("btn primary"), .text("保存处理结果")))
    }
}
