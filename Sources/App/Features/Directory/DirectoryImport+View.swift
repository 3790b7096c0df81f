import DudaoCore
import Plot

/// 导入与导出: the result of the last upload, the two upload forms with their columns, the export links.
struct DirectoryImportView {
    let ctx: PageContext
    let model: DirectoryImport

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "导入导出", ctx,
            [
                .h1(.text("导入与导出")),
                result,
                .div(
                    .class("grid-2"),
                    uploadCard(
                        "导入学校", action: SiteURL.importSchools.path, template: "schools.xlsx",
                        columns: SchoolInput.headers.joined(separator: "、"),
                        note: "以学校标识码识别学校：已有的学校会被更新，不会重复建立。一贯制学校可另加“小学在校生数”“初中在校生数”“高中在校生数”列。"),
                    uploadCard(
                        "导入督学", action: SiteURL.importInspectors.path, template: "inspectors.xlsx",
                        columns: InspectorInput.headers.joined(separator: "、"),
                        note: "以手机号识别督学：已有的督学会被更新，不会重复建立。可另加“职责”列。")),
                .section(
                    .class("card"),
                    .h2(.text("导出")),
                    .p(.text("导出的文件与导入模板的列相同，可修改后再导入。")),
                    .div(
                        .class("actions"),
                        .button(SiteURL.schoolsExport(format: "xlsx").path, "学校名录 Excel", style: "secondary"),
                        .button(SiteURL.schoolsExport(format: "csv").path, "学校名录 CSV", style: "secondary"),
                        .button(SiteURL.inspectorsExport(format: "xlsx").path, "督学名录 Excel", style: "secondary"),
                        .button(SiteURL.inspectorsExport(format: "csv").path, "督学名录 CSV", style: "secondary"))),
            ])
    }

    func uploadCard(_ title: String, action: String, template: String, columns: String, note: String) -> Node<
        HTML.BodyContext
    > {
        .section(
            .class("card"),
            .h2(.text(title)),
            .p(.class("hint"), .text("列：" + columns)),
            .p(.class("hint"), .text(note)),
            .p(.link(SiteURL.importTemplate(kind: template).path, "下载导入模板（Excel）")),
            .form(
                .method(.post), .action(action), .enctype(.multipartData),
                .csrf(ctx.csrf),
                .fileField(
                    "选择文件（.xlsx 或 .csv，CSV 可为 UTF-8 或 GBK 编码）", name: "file", accept: ".xlsx,.csv",
                    id: "file-" + template),
                .button(.type(.submit), .class("btn primary"), .text("检查并导入"))))
    }

    var result: Node<HTML.BodyContext> {
        guard let o = model.outcome else { return .empty }
        let what = o.kind.label
        if let e = o.fileError {
            return .div(
                .class("alert error"), .attribute(named: "role", value: "alert"),
                .text("导入\(what)失败（\(o.fileName)）：\(e) 未保存任何数据。"))
        }
        if !o.rowErrors.isEmpty {
            return .section(
                .class("card"),
                .div(
                    .class("alert error"), .attribute(named: "role", value: "alert"),
                    .text("文件“\(o.fileName)”中有 \(o.rowErrors.count) 行有误，未保存任何数据。请按下表修改后重新导入。")),
                .dataTable(
                    ["行号", "问题"],
                    o.rowErrors.map { e in [.text("第 \(e.row) 行"), .ul(.forEach(e.messages) { .li(.text($0)) })] }))
        }
        return .div(
            .class("alert success"), .attribute(named: "role", value: "status"),
            .text("导入\(what)完成：新建 \(o.created) 条，更新 \(o.updated) 条，无变化 \(o.unchanged) 条。"))
    }
}
