import DudaoCore
import Plot

/// A system's name, target, full score, bands and source; for a new system also the import of a file.
struct SystemSettingsView {
    let ctx: PageContext
    let model: SystemSettingsForm
    /// An import refused: the file's problems and every bad row.
    var importErrors: [String] = []

    func render() -> Page { Page(document(), status: model.errors.isEmpty && importErrors.isEmpty ? 200 : 422) }

    func value(_ name: String) -> String { model.values[name] ?? "" }

    func document() -> FramedDocument {
        let isNew = model.id == nil
        let title = isNew ? "新建指标体系" : "名称、满分与等级"
        let action = model.id.map { SiteURL.systemAction($0, "settings").path } ?? SiteURL.systems.path
        return Layout.document(
            title, ctx,
            [
                .p(.link(model.id.map { SiteURL.system($0).path } ?? SiteURL.systems.path, "‹ 返回")),
                .h1(.text(title)),
                isNew ? importCard : .empty,
                .errorSummary(model.errors),
                .form(
                    .method(.post), .action(action), .class("card"), .csrf(ctx.csrf),
                    isNew ? .h2(.text("从空白开始")) : .empty,
                    .field(
                        "名称", name: "name", value: value("name"), error: model.errors.message(for: "name"),
                        required: true),
                    .selectField(
                        "评价对象", name: "kind", options: TargetKind.allCases.map { ($0.rawValue, $0.label) },
                        selected: value("kind"), error: model.errors.message(for: "kind"), required: true),
                    .field(
                        "满分", name: "fullScore", value: value("fullScore"),
                        error: model.errors.message(for: "fullScore"),
                        required: true, attrs: [("inputmode", "decimal")]),
                    .field(
                        "等级", name: "bands", value: value("bands"), error: model.errors.message(for: "bands"),
                        required: true, hint: "如 优秀≥90；良好≥80；合格≥60；不合格≥0"),
                    .textareaField(
                        "来源", name: "source", value: value("source"), error: model.errors.message(for: "source"),
                        rows: 2, hint: "依据的文件或方案条目", limit: 1000),
                    .div(
                        .class("form-actions"),
                        .button(.type(.submit), .class("btn primary"), .text(isNew ? "建立草稿" : "保存到草稿")))),
            ])
    }

    var importCard: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("从文件导入")),
            .p(.class("hint"), .text("导入本平台导出的 Excel（.xlsx）或 JSON 文件，作为新体系的第 1 版草稿；有错误的行会逐行列出，不会保存任何内容。")),
            importErrors.isEmpty
                ? .empty
                : .div(
                    .class("error-summary"), .attribute(named: "role", value: "alert"),
                    .p(.text("文件未导入：")), .ul(.forEach(importErrors.prefix(200)) { .li(.text($0)) })),
            .form(
                .method(.post), .action(SiteURL.systemImport.path), .enctype(.multipartData), .csrf(ctx.csrf),
                .fileField("指标体系文件（.xlsx 或 .json）", name: "file", accept: ".xlsx,.json", id: "f-file"),
                .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("导入")))))
    }
}
