import DudaoCore
import Plot

/// 导入办学条件数据: the office loads a year's returns from the statistics system's sheet; every bad row is
/// listed and nothing is saved until the file is right.
struct BalanceImportView {
    let ctx: PageContext
    let year: Int
    var errors: [String] = []

    func render() -> Page { Page(document(), status: errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        Layout.document(
            "导入办学条件数据", ctx,
            [
                .p(.link(SiteURL.balance.with([("year", String(year))]), "‹ 均衡发展监测")),
                .h1(.text("导入办学条件数据")),
                .p(
                    .class("hint"),
                    .text("每行一所学校，按学校标识码对应。一贯制学校填全校合计和各学段在校生数；幼儿园填在园幼儿数和是否普惠。导入的数据为“已报送”，已审核锁定的学校须先解锁。文件有错误时一行也不保存。")),
                .p(.link(SiteURL.balancePage("import").with([("template", "csv")]), "下载导入模板（CSV）")),
                errors.isEmpty
                    ? .empty
                    : .div(
                        .class("error-summary"), .attribute(named: "role", value: "alert"),
                        .h2(.text("文件有 \(errors.count) 处错误，未导入任何数据")),
                        .ul(.forEach(errors) { .li(.text($0)) })),
                .form(
                    .method(.post), .action(SiteURL.balancePage("import").path),
                    .attribute(named: "enctype", value: "multipart/form-data"), .csrf(ctx.csrf),
                    .field("年度", name: "year", value: String(year), required: true, attrs: [("inputmode", "numeric")]),
                    .fileField("数据文件（.xlsx 或 .csv）", name: "file", accept: ".xlsx,.csv", id: "f-file"),
                    .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("导入")))),
            ])
    }
}
